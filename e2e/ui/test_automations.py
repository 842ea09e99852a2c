"""Automations and macros in a real browser: an admin tries a trigger on existing tickets, saves
it and sees it act on a new ticket; an agent applies a macro and finds its reply in the composer."""

from __future__ import annotations

import re
import secrets
import time

from playwright.sync_api import expect


def test_admin_dry_runs_and_saves_a_trigger_that_then_acts(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    api.ticket(f"Screen broken {run}")
    page.goto("/admin/automations")
    form = page.get_by_role("region", name="New automation")
    form.get_by_label("Name").fill(f"Hardware {run}")
    first = form.get_by_role("group", name="Condition 1")
    first.get_by_label("Field").select_option("subject")
    first.get_by_label("Operator").select_option("contains")
    first.get_by_label("Value").fill(f"broken {run}")
    tag = form.get_by_role("group", name="Action 1")
    tag.get_by_label("Action").select_option("add_tags")
    tag.get_by_label("Value").fill("hardware")
    note = form.get_by_role("group", name="Action 2")
    note.get_by_label("Action").select_option("add_note")
    note.get_by_label("Text (note or mail)").fill("Ask {{requester.nickname}} for a photo")
    # A placeholder that does not exist is refused next to its action, keeping what was typed
    form.get_by_role("button", name="Create").click()
    form = page.get_by_role("region", name="New automation")
    expect(form.get_by_text("requester.nickname is not a placeholder.")).to_be_visible()
    assert form.get_by_role("group", name="Condition 1").get_by_label("Value").input_value() == f"broken {run}"
    form.get_by_role("group", name="Action 2").get_by_label("Text (note or mail)").fill("Ask {{requester.first_name}} for a photo")
    # The dry run counts the existing ticket
    form.get_by_role("button", name="Try it on existing tickets").click()
    expect(page.get_by_role("status")).to_contain_text("It would act on 1 of the latest")
    expect(page.get_by_role("status")).to_contain_text(f"Screen broken {run}")
    page.get_by_role("region", name="New automation").get_by_role("button", name="Create").click()
    expect(page.get_by_role("row", name=re.compile(f"Hardware {run}"))).to_contain_text("subject contains")

    ticket = api.ticket(f"Keyboard broken {run} again")
    for _ in range(40):
        if api.get(f"/tickets/{ticket['id']}")["tags"] == ["hardware"]:
            break
        time.sleep(0.25)
    assert api.get(f"/tickets/{ticket['id']}")["tags"] == ["hardware"]
    page.goto(f"/tickets/{ticket['id']}")
    expect(page.locator("ol.timeline")).to_contain_text("Ask Olena for a photo")
    expect(page.locator("ol.timeline")).to_contain_text(f"Automation ran: Hardware {run}.")

    # Turned off, it no longer acts
    page.goto("/admin/automations")
    page.get_by_role("button", name=f"Turn Hardware {run} off").click()
    expect(page.get_by_role("row", name=re.compile(f"Hardware {run}"))).to_contain_text("Off")


def test_an_agent_applies_a_macro_and_its_reply_lands_in_the_composer(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    api.post("/macros", {"name": f"Ask for the order number {run}", "scope": "shared",
                         "replies": {"en": "Hello {{requester.first_name}}, could you send the order number for #{{ticket.number}}?"},
                         "actions": [{"kind": "set_status", "value": "pending"}]})
    ticket = api.ticket(f"Where is my parcel {run}")
    page.goto(f"/tickets/{ticket['id']}")
    macros = page.get_by_role("form", name="Apply a macro")
    macros.get_by_label("Macro").select_option(label=f"Ask for the order number {run}")
    macros.get_by_role("button", name="Apply").click()
    expect(page.get_by_label("Message")).to_have_value(f"Hello Olena, could you send the order number for #{ticket['number']}?")
    assert page.get_by_role("form", name="Ticket fields").get_by_label("Status").input_value() == "pending"
    page.get_by_role("button", name="Send").click()
    expect(page.locator("ol.timeline")).to_contain_text("could you send the order number")


def test_an_agent_keeps_personal_macros_on_the_macros_page(signed_in):
    page = signed_in
    run = secrets.token_hex(3)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Macros").click()
    form = page.get_by_role("region", name="New macro")
    form.get_by_label("Name").fill(f"Thanks {run}")
    form.get_by_label("Reply in English").fill("Thanks, {{requester.first_name}}! {{agent.nickname}}")
    form.get_by_label("Reply in Ukrainian").fill("Дякуємо, {{requester.first_name}}!")
    form.get_by_label("Set the status").select_option("solved")
    form.get_by_role("button", name="Create").click()
    # An unknown placeholder is named next to its reply; what was typed stays
    expect(page.get_by_text("agent.nickname is not a placeholder.")).to_be_visible()
    form = page.get_by_role("region", name="New macro")
    assert form.get_by_label("Reply in Ukrainian").input_value() == "Дякуємо, {{requester.first_name}}!"
    form.get_by_label("Reply in English").fill("Thanks, {{requester.first_name}}! {{agent.name}}")
    form.get_by_role("button", name="Create").click()
    row = page.get_by_role("row", name=re.compile(f"Thanks {run}"))
    expect(row).to_contain_text("0")
    page.get_by_role("button", name=f"Delete Thanks {run}").click()
    expect(page.get_by_role("row", name=re.compile(f"Thanks {run}"))).to_have_count(0)


def test_admin_changes_a_trigger_adding_conditions_of_which_one_must_hold(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    rule = api.post("/automations", {
        "name": f"Printers {run}", "kind": "trigger", "events": ["created"],
        "all": [{"field": "subject", "operator": "contains", "value": f"printer {run}"}],
        "actions": [{"kind": "add_tags", "value": ["printers"]}]})
    page.goto("/admin/automations")
    page.get_by_role("link", name=f"Edit Printers {run}").click()
    form = page.get_by_role("region", name="Change the automation")
    assert form.get_by_label("Name").input_value() == f"Printers {run}"
    assert form.get_by_role("group", name="Condition 1").get_by_label("Value").input_value() == f"printer {run}"
    assert form.get_by_role("group", name="Action 1").get_by_label("Value").input_value() == "printers"
    # Urgent ones, or those of VIP customers: one of the two must hold
    for n, (field, op, value) in enumerate([("priority", "is", "urgent"), ("tags", "includes", "vip")], start=2):
        row = form.get_by_role("group", name=f"Condition {n}")
        row.get_by_label("Field").select_option(field)
        row.get_by_label("Operator").select_option(op)
        row.get_by_label("Value").fill(value)
        row.get_by_label("Counts as").select_option("any")
    form.get_by_role("group", name="Action 2").get_by_label("Action").select_option("set_priority")
    form.get_by_role("group", name="Action 2").get_by_label("Value").fill("high")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=re.compile(f"Printers {run}"))).to_contain_text("priority is urgent")

    changed = api.get(f"/automations/{rule['id']}")
    assert [c["field"] for c in changed["all"]] == ["subject"]
    assert [c["field"] for c in changed["any"]] == ["priority", "tags"]
    assert [a["kind"] for a in changed["actions"]] == ["add_tags", "set_priority"]
    assert changed["active"] is True


def test_an_agent_changes_a_macro(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    api.post("/macros", {"name": f"Order number {run}", "scope": "shared",
                         "replies": {"en": "Could you send the order number?"},
                         "actions": [{"kind": "set_status", "value": "pending"}]})
    page.goto("/macros")
    page.get_by_role("link", name=f"Edit Order number {run}").click()
    form = page.get_by_role("region", name="Change the macro")
    assert form.get_by_label("Reply in English").input_value() == "Could you send the order number?"
    assert form.get_by_label("Set the status").input_value() == "pending"
    form.get_by_label("Reply in Polish").fill("Prosimy o numer zamówienia.")
    form.get_by_label("Set the type").select_option("task")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=re.compile(f"Order number {run}"))).to_be_visible()
    macro = next(m for m in api.get("/macros")["items"] if m["name"] == f"Order number {run}")
    assert macro["replies"] == {"en": "Could you send the order number?", "pl": "Prosimy o numer zamówienia."}
    assert sorted(a["kind"] for a in macro["actions"]) == ["set_status", "set_type"]
