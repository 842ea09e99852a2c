"""Service levels in a real browser: an admin sets business hours and an SLA policy, agents see
the countdowns in the inbox and on the ticket, and hand a ticket to the next tier."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import expect


def open_admin(page, name: str) -> None:
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Admin").click()
    page.get_by_role("navigation", name="Admin").get_by_role("link", name=name, exact=True).click()


def test_admin_sets_business_hours_with_field_errors_that_keep_what_was_typed(signed_in):
    page = signed_in
    run = secrets.token_hex(3)
    open_admin(page, "Service levels")
    page.get_by_role("link", name="New business hours").click()
    page.get_by_label("Name").fill(f"Kyiv office {run}")
    page.get_by_label("Time zone").select_option("Europe/Kyiv")
    for day in ["Monday", "Wednesday", "Thursday", "Friday"]:
        page.get_by_label(day, exact=True).fill("09:00-18:00")
    page.get_by_label("Tuesday", exact=True).fill("9 to 5")
    page.get_by_label("Holidays").fill("2026-12-25\n2027-01-01")
    page.get_by_role("button", name="Save").click()
    # The bad day is named, and everything typed is still there
    expect(page.get_by_text("Write hours like 09:00-17:30, separated by commas.")).to_be_visible()
    assert page.get_by_label("Tuesday", exact=True).get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Monday", exact=True).input_value() == "09:00-18:00"
    assert page.get_by_label("Time zone").input_value() == "Europe/Kyiv"
    # Overlapping hours are refused too
    page.get_by_label("Tuesday", exact=True).fill("09:00-13:00, 12:00-18:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("overlap")).to_be_visible()
    page.get_by_label("Tuesday", exact=True).fill("09:00-13:00, 14:00-18:00")
    page.get_by_role("button", name="Save").click()
    row = page.get_by_role("row", name=re.compile(f"Kyiv office {run}"))
    expect(row).to_contain_text("Europe/Kyiv")
    expect(row).to_contain_text("Tue 09:00-13:00, 14:00-18:00")


def test_an_sla_policy_gives_agents_countdowns_and_they_escalate(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    team = api.post("/teams", {"name": f"Night shift {run}"})
    seniors = api.post("/teams", {"name": f"Seniors {run}"})
    api.http.put(api.base_url + "/api/v1/escalation-tiers", json={"tier_teams": [seniors["id"], None]}, timeout=10).raise_for_status()

    open_admin(page, "Service levels")
    page.get_by_role("link", name="New SLA policy").click()
    page.get_by_label("Name").fill(f"Night shift {run}")
    # Both teams: the policy keeps covering the ticket once it is escalated to the seniors
    page.get_by_role("group", name="Team").get_by_label(f"Night shift {run}").check()
    page.get_by_role("group", name="Team").get_by_label(f"Seniors {run}").check()
    page.get_by_role("button", name="Save").click()
    # No target at all is refused
    expect(page.get_by_text("Set at least one target.")).to_be_visible()
    page.get_by_label("First response").fill("30")
    page.get_by_label("Resolution").fill("480")
    page.get_by_role("group", name="Stop the clocks while the ticket is").get_by_label("Pending").check()
    first = page.get_by_role("group", name="Escalation 1")
    first.get_by_label("When").select_option("at_risk")
    first.get_by_label("Minutes before the due time").fill("10")
    first.get_by_label("Mail the assignee (or the team)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=re.compile(f"Night shift {run}"))).to_contain_text("First response 30 min")

    # A new ticket of that team is due within the hour
    ticket = api.ticket(f"Cannot log in {run}", team_id=team["id"])
    assert ticket["sla"]["clocks"][0]["metric"] == "first_response"
    page.goto("/inbox?view=sla_breaching_soon")
    row = page.get_by_role("row", name=re.compile(f"Cannot log in {run}"))
    expect(row.locator(".sla")).to_have_text(re.compile(r"^in (29|30) min$"))

    # The ticket page shows each target; the agent hands it to the senior agents with a reason
    page.goto(f"/tickets/{ticket['id']}")
    targets = page.get_by_role("list", name="Service level targets")
    expect(targets).to_contain_text("First response")
    expect(targets).to_contain_text("Resolution")
    page.get_by_text("Escalate to senior agents").click()
    page.get_by_label("Why (kept as an internal note)").fill("Locked out after a password change; needs an admin reset")
    page.get_by_role("button", name="Escalate", exact=True).click()
    expect(page.get_by_role("list", name="Service level targets")).to_contain_text("Tier 2: senior agents")
    expect(page.locator("ol.timeline").get_by_text("Locked out after a password change; needs an admin reset")).to_be_visible()
    expect(page.locator("ol.timeline")).to_contain_text("Escalated. Now with Tier 2: senior agents.")
    fields = page.get_by_role("form", name="Ticket fields")
    assert fields.get_by_label("Team").input_value() == str(seniors["id"])

    # Pending stops the clocks
    fields.get_by_label("Status").select_option("pending")
    fields.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("list", name="Service level targets")).to_contain_text("paused")


def test_a_policy_with_many_escalations_keeps_them_all_when_edited_in_the_form(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    escalations = [{"when": "at_risk", "minutes_before": m, "actions": ["notify_assignee"]} for m in (60, 30, 15, 5)]
    policy = api.post("/sla-policies", {"name": f"Many steps {run}", "targets": {"first_response": 240}, "escalations": escalations})
    ids = [e["id"] for e in policy["escalations"]]

    # The form shows all four and room for more; saving it with a fifth keeps the four as they were
    page.goto(f"/admin/sla-policies/{policy['id']}")
    expect(page.get_by_role("group", name="Escalation 4").get_by_label("Minutes before the due time")).to_have_value("5")
    fifth = page.get_by_role("group", name="Escalation 5")
    fifth.get_by_label("When").select_option("breached")
    fifth.get_by_label("Mail the team's supervisors").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=re.compile(f"Many steps {run}"))).to_be_visible()
    saved = api.get(f"/sla-policies/{policy['id']}")["escalations"]
    assert [e.get("minutes_before") for e in saved] == [60, 30, 15, 5, None]
    assert [e["id"] for e in saved][:4] == ids, "unchanged escalations keep their ids"
