"""Routing in a real browser: an admin makes a team hand out tickets in turn, an agent goes online
from the top bar, and a new ticket of that team lands in their "My open tickets"."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import expect

from conftest import sign_in


def test_an_online_agent_receives_the_teams_new_tickets_in_turn(browser, server, signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    agent = api.post("/users", {"email": f"router-{run}@example.com", "name": f"Roza {run}", "role": "agent", "password": "agent-password-1"})
    team = api.post("/teams", {"name": f"Returns {run}", "member_ids": [agent["id"]]})

    # The admin turns on round robin for the team
    page.goto("/admin/teams")
    card = page.get_by_role("region", name=f"Returns {run}")
    card.get_by_label("Assign new tickets").select_option("round_robin")
    card.get_by_label("When an agent goes offline, hand their open tickets to someone else").check()
    card.get_by_role("button", name=re.compile("^Save")).click()
    card = page.get_by_role("region", name=f"Returns {run}")
    assert card.get_by_label("Assign new tickets").input_value() == "round_robin"

    # The agent goes online from the top bar (saved at once, no reload)
    context = browser.new_context(base_url=server.base_url, locale="en-US")
    agent_page = context.new_page()
    sign_in(agent_page, f"router-{run}@example.com", "agent-password-1")
    switch = agent_page.get_by_label("Availability")
    expect(switch).to_have_attribute("data-loaded", "true")
    assert switch.input_value() == "offline"
    with agent_page.expect_response(lambda r: r.url.endswith("/availability") and r.request.method == "PUT") as saved:
        switch.select_option("online")
    assert saved.value.ok
    assert api.get(f"/users/{agent['id']}/availability")["availability"] == "online"

    # A new ticket of the team is theirs within a moment
    ticket = api.ticket(f"Wrong size delivered {run}", team_id=team["id"])
    for _ in range(20):
        agent_page.goto("/inbox?view=my_open")
        if agent_page.get_by_role("link", name=f"Wrong size delivered {run}").count():
            break
        agent_page.wait_for_timeout(500)
    expect(agent_page.get_by_role("link", name=f"Wrong size delivered {run}")).to_be_visible()
    assert api.get(f"/tickets/{ticket['id']}")["assignee_id"] == agent["id"]

    # Going offline hands it back (nobody else is online, so it waits unassigned)
    agent_page.get_by_label("Availability").select_option("offline")
    expect(agent_page.get_by_label("Availability")).to_have_value("offline")
    for _ in range(20):
        if api.get(f"/tickets/{ticket['id']}").get("assignee_id") is None:
            break
        agent_page.wait_for_timeout(250)
    assert api.get(f"/tickets/{ticket['id']}").get("assignee_id") is None
    context.close()


def test_admin_defines_a_skill_and_sets_an_agents_level_and_capacity(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    agent = api.post("/users", {"email": f"skilled-{run}@example.com", "name": f"Piotr {run}", "role": "agent"})
    page.goto("/admin/skills")
    form = page.get_by_role("region", name="New skill")
    form.get_by_label("Name").fill(f"Polish {run}")
    form.get_by_label("Needed for").fill("language=pl")
    form.get_by_role("button", name="Create").click()
    expect(page.get_by_text("Write rules like type:complaint, tag:refund, language:pl.")).to_be_visible()
    form = page.get_by_role("region", name="New skill")
    assert form.get_by_label("Name").input_value() == f"Polish {run}"
    form.get_by_label("Needed for").fill("language:pl, tag:polish")
    form.get_by_label("Level needed").select_option("3")
    form.get_by_role("button", name="Create").click()
    expect(page.get_by_role("row", name=re.compile(f"Polish {run}"))).to_contain_text("language:pl, tag:polish")

    page.goto(f"/admin/users/{agent['id']}")
    routing = page.get_by_role("region", name="Routing")
    routing.get_by_label("Capacity").fill("-5")
    routing.get_by_role("button", name="Save").click()
    expect(page.get_by_role("region", name="Routing").get_by_text("Must be between 0 and 1000.")).to_be_visible()
    routing = page.get_by_role("region", name="Routing")
    routing.get_by_label("Capacity").fill("8")
    skill_select = routing.locator("select").filter(has=page.locator(f"option:has-text('Polish {run} · 4')"))
    skill_select.select_option(label=f"Polish {run} · 4")
    routing.get_by_role("button", name="Save").click()
    assert api.get(f"/users/{agent['id']}/availability")["capacity"] == 8
    skills = api.get(f"/users/{agent['id']}/skills")["skills"]
    assert [s["level"] for s in skills] == [4]
