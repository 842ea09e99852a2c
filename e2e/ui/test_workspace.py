"""The agent workspace in a real browser: sign in, work a ticket, stay safe and keyboard-able."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

import requests
from playwright.sync_api import expect

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, Api, sign_in


def test_sign_in_returns_to_the_page_asked_for(page, server):
    # Given a signed-out browser asking for a view
    page.goto("/inbox?view=unassigned")
    assert "/sign-in" in page.url
    # When the password is wrong, the form says so and keeps the email
    page.get_by_label("Email").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text() == "The email or password is not right."
    assert page.get_by_label("Email").input_value() == ADMIN_EMAIL
    # Then the right password leads back to the view
    page.get_by_label("Password").fill(server.admin_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
    assert page.url.endswith("/inbox?view=unassigned")
    assert page.get_by_role("heading", level=1).inner_text() == "Unassigned"


def test_inbox_lists_tickets_with_views_and_counts(signed_in, api):
    page = signed_in
    for i in range(3):
        api.ticket(f"Printer {i} jams on page two", priority="high" if i == 0 else "normal")
    page.goto("/inbox?view=all_open")
    rail = page.get_by_role("navigation", name="Views")
    assert rail.get_by_role("link", name=re.compile("All open")).get_attribute("aria-current") == "page"
    rows = page.locator("table.tickets tbody tr")
    assert rows.count() >= 3
    assert page.get_by_role("link", name="Printer 0 jams on page two").is_visible()


def test_work_a_ticket_end_to_end(signed_in, api):
    page = signed_in
    ticket = api.ticket("Refund for order 48213 never arrived", body="I returned the kettle two weeks ago. Where is my money?")
    # Find it
    page.get_by_label("Search tickets").fill("kettle")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Refund for order 48213 never arrived").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Refund for order 48213 never arrived"
    # Assign it to me and set it pending
    fields = page.get_by_role("form", name="Ticket fields")
    fields.get_by_label("Assignee").select_option(label=api.user["name"])
    fields.get_by_label("Priority").select_option("high")
    fields.get_by_role("button", name="Save changes").click()
    assert page.get_by_role("form", name="Ticket fields").get_by_label("Assignee").input_value() == str(api.user["id"])
    # Reply and add an internal note
    composer = page.get_by_role("form", name="Write a reply or note")
    composer.get_by_label("Message").fill("Sorry for the wait! The refund went out today.")
    composer.get_by_role("button", name="Send").click()
    composer = page.get_by_role("form", name="Write a reply or note")
    composer.get_by_label("Internal note").check()
    composer.get_by_label("Message").fill("Checked with billing: refund id RF-7781.")
    composer.get_by_role("button", name="Send").click()
    notes = page.locator("ol.timeline li.note")
    assert notes.count() == 1 and "RF-7781" in notes.inner_text()
    replies = page.locator("ol.timeline li.staff")
    assert replies.count() == 1 and "refund went out" in replies.inner_text()
    # Change the status
    page.get_by_role("form", name="Ticket fields").get_by_label("Status").select_option("pending")
    page.get_by_role("form", name="Ticket fields").get_by_role("button", name="Save changes").click()
    stored = api.get(f"/tickets/{ticket['id']}")
    assert stored["status"] == "pending" and stored["assignee_id"] == api.user["id"] and stored["priority"] == "high"
    assert stored["first_reply_at"] is not None


def test_a_reply_typed_when_the_session_expired_survives_signing_in_again(signed_in, api):
    page = signed_in
    ticket = api.ticket("Session runs out mid-reply")
    page.goto(f"/tickets/{ticket['id']}")
    page.locator("#body").fill("A long careful answer that must not be lost.")
    page.context.clear_cookies()  # the session ends while the agent types
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(r"/sign-in"))
    page.get_by_label("Email").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(rf"/tickets/{ticket['id']}$"))
    expect(page.locator("#body")).to_have_value("A long careful answer that must not be lost.")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(rf"/tickets/{ticket['id']}$"))
    expect(page.locator(".timeline")).to_contain_text("A long careful answer that must not be lost.")
    page.reload()
    expect(page.locator("#body")).to_have_value("")


def test_a_stale_edit_shows_the_other_change_instead_of_overwriting(signed_in, api):
    page = signed_in
    ticket = api.ticket("Login loop on the mobile app")
    page.goto(f"/tickets/{ticket['id']}")
    # Another agent changes the ticket meanwhile
    api.patch(f"/tickets/{ticket['id']}", {"priority": "urgent"})
    fields = page.get_by_role("form", name="Ticket fields")
    fields.get_by_label("Priority").select_option("low")
    fields.get_by_role("button", name="Save changes").click()
    assert "Someone else changed this ticket" in page.get_by_role("alert").inner_text()
    assert api.get(f"/tickets/{ticket['id']}")["priority"] == "urgent"


def test_an_empty_reply_is_refused_next_to_the_field(signed_in, api):
    page = signed_in
    ticket = api.ticket("Invoice address is wrong")
    page.goto(f"/tickets/{ticket['id']}")
    page.locator("#body").evaluate("el => el.removeAttribute('required')")
    page.get_by_role("button", name="Send").click()
    assert page.locator("#body-error").is_visible()
    assert page.locator("#body").get_attribute("aria-invalid") == "true"
    assert len(api.get(f"/tickets/{ticket['id']}/messages")["items"]) == 1


def test_markup_in_tickets_renders_inert(signed_in, api):
    page = signed_in
    attack = "<img src=x onerror=alert(1)>"
    ticket = api.ticket(attack, body=attack + "<script>alert(2)</script>")
    page.goto("/inbox?view=all_open")
    page.goto(f"/tickets/{ticket['id']}")
    page.wait_for_load_state("networkidle")
    assert page.dialogs == []
    assert page.get_by_role("heading", level=1).inner_text() == attack
    assert page.locator("ol.timeline img").count() == 0


def test_pages_carry_a_strict_content_security_policy(server):
    r = requests.get(server.base_url + "/sign-in", timeout=10)
    policy = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_keyboard_alone_reaches_a_ticket(signed_in, api):
    page = signed_in
    api.ticket("Keyboard route test")
    page.goto("/inbox?view=all_open")
    page.keyboard.press("?")
    assert page.locator("#shortcuts").is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    first = page.locator("table.tickets tbody tr").first
    assert "current" in first.get_attribute("class")
    page.keyboard.press("o")
    page.wait_for_url(re.compile(r"/tickets/\d+$"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    # On the ticket: Tab to the composer, write, Tab to Send, press Enter
    page.keyboard.press("Escape")
    tab_to(page, "document.activeElement.id === 'body'")
    page.keyboard.type("Answered without touching the mouse.")
    tab_to(page, "document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent === 'Send'")
    page.keyboard.press("Enter")
    expect(page.locator("ol.timeline")).to_contain_text("Answered without touching the mouse.")


def tab_to(page, condition: str, limit: int = 60) -> None:
    """Presses Tab until `condition` (JavaScript) holds, and fails when it never does."""
    for _ in range(limit):
        if page.evaluate(condition):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached: {condition}")


def test_the_browser_language_picks_ukrainian(browser, server):
    ctx = browser.new_context(base_url=server.base_url, locale="uk-UA")
    page = ctx.new_page()
    page.goto("/sign-in")
    assert page.get_by_role("heading", level=1).inner_text() == "Вхід"
    assert page.locator("html").get_attribute("lang") == "uk"
    ctx.close()


def test_bulk_changes_and_merge_from_the_inbox(signed_in, api):
    page = signed_in
    first = api.ticket("Bulk one: VPN drops every hour", email="bulk-customer@example.com")
    second = api.ticket("Bulk two: VPN drops again", email="bulk-customer@example.com")
    page.goto("/inbox?view=all_open")
    for t in (first, second):
        page.get_by_label(f"Select ticket #{t['number']}").check()
    bar = page.get_by_role("form", name="Change selected tickets")
    bar.get_by_label("Assignee").select_option("me")
    bar.get_by_label("Priority").select_option("urgent")
    bar.get_by_role("button", name="Apply to selected").click()
    assert page.get_by_role("status").inner_text().startswith("Changed 2 tickets.")
    for t in (first, second):
        stored = api.get(f"/tickets/{t['id']}")
        assert stored["assignee_id"] == api.user["id"] and stored["priority"] == "urgent"
    # Merging the two from the ticket page: the newer one into the older
    page.goto(f"/tickets/{second['id']}")
    merge = page.get_by_role("form", name="Merge")
    merge.get_by_label("Merge into ticket number").fill("999999")
    merge.get_by_role("button", name="Merge").click()
    assert "There is no ticket #999999." in page.locator("#merge_target-error").inner_text()
    assert page.get_by_label("Merge into ticket number").input_value() == "999999"
    page.get_by_label("Merge into ticket number").fill(str(first["number"]))
    page.get_by_role("form", name="Merge").get_by_role("button", name="Merge").click()
    page.wait_for_url(re.compile(rf"/tickets/{first['id']}$"))
    assert page.get_by_text("VPN drops again").count() >= 1
    assert api.get(f"/tickets/{second['id']}")["status"] == "closed"


def test_admin_invites_a_user_who_chooses_a_password_signs_in_and_switches_to_ukrainian(browser, server, signed_in):
    page = signed_in
    open_admin(page, "Staff")
    form = page.get_by_role("region", name="Add a staff member")
    form.get_by_label("Email").fill("not-an-email")
    form.get_by_label("Name").fill("Oksana Shevchenko")
    form.get_by_role("button", name="Add").click()
    assert page.locator("#email-error").is_visible()
    assert page.get_by_label("Name").input_value() == "Oksana Shevchenko"
    page.get_by_label("Email").fill("oksana@example.com")
    page.get_by_label("Job title").fill("Customer Care Specialist")
    page.get_by_label("Role", exact=True).select_option("agent")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status")).to_contain_text("oksana@example.com was sent an invitation")
    assert page.get_by_role("cell", name="Customer Care Specialist").is_visible()
    # The invitation goes to the log until the email channel exists; its link sets the password
    log = server.log_path.read_text()
    assert "You are invited to Switchboard" in log
    link = re.findall(r"http://\S+/reset-password\?token=\S+", log)[-1]
    ctx = browser.new_context(base_url=server.base_url, locale="en-US")
    other = ctx.new_page()
    other.goto("/reset-password?" + link.split("?", 1)[1])
    other.get_by_label("New password", exact=True).fill("oksana-password-1")
    other.get_by_role("button", name="Save the new password").click()
    expect(other.get_by_role("status")).to_contain_text("Your password was changed.")
    # The new agent signs in in a browser of their own and picks Ukrainian
    sign_in(other, "oksana@example.com", "oksana-password-1")
    other.get_by_role("link", name="Oksana Shevchenko").click()
    other.get_by_label("Language").select_option("uk")
    other.get_by_role("region", name="Details").get_by_role("button", name="Save").click()
    assert other.get_by_role("heading", level=1).inner_text() == "Ваш профіль"
    other.goto("/inbox?view=all_open")
    assert other.get_by_role("heading", level=1).inner_text() == "Усі відкриті"
    assert other.locator("html").get_attribute("lang") == "uk"
    ctx.close()


def test_profile_makes_and_revokes_an_api_token(signed_in, server):
    page = signed_in
    page.goto("/profile")
    page.get_by_label("Token name").fill("Zapier")
    page.get_by_role("button", name="Create token").click()
    secret = page.locator("#new-token").inner_text()
    assert requests.get(server.base_url + "/api/v1/tickets", headers={"Authorization": f"Bearer {secret}"}, timeout=10).status_code == 200
    page.get_by_role("button", name="Revoke Zapier").first.click()
    assert requests.get(server.base_url + "/api/v1/tickets", headers={"Authorization": f"Bearer {secret}"}, timeout=10).status_code == 401


def test_profile_turns_an_email_notification_off(signed_in, api):
    page = signed_in
    page.goto("/profile")
    card = page.get_by_role("region", name="Email notifications")
    card.get_by_label("a ticket is assigned to me").uncheck()
    card.get_by_role("button", name="Save").click()
    expect(page.get_by_role("region", name="Email notifications").get_by_label("a ticket is assigned to me")).not_to_be_checked()
    settings = api.get(f"/users/{api.user['id']}/notifications")
    assert settings["assigned"] is False and settings["mentioned"] is True
    page.get_by_role("region", name="Email notifications").get_by_label("a ticket is assigned to me").check()
    page.get_by_role("region", name="Email notifications").get_by_role("button", name="Save").click()
    assert api.get(f"/users/{api.user['id']}/notifications")["assigned"] is True


def test_times_show_in_the_browsers_zone_until_the_user_picks_one(browser, server, api):
    ticket = api.ticket("Times across zones")
    api.post("/users", {"email": "zones@example.com", "name": "Zone Agent", "role": "agent", "password": "zones-password-1"})
    ctx = browser.new_context(base_url=server.base_url, locale="en-US", timezone_id="America/New_York")
    page = ctx.new_page()
    sign_in(page, "zones@example.com", "zones-password-1", start=f"/tickets/{ticket['id']}")

    def shown_and_expected(zone: str) -> tuple[str, str]:
        time = page.locator("time[datetime]").first
        instant = datetime.fromisoformat(time.get_attribute("datetime").replace("Z", "+00:00"))
        local = instant.astimezone(ZoneInfo(zone))
        text = time.inner_text().replace("\u202f", " ").replace("\u00a0", " ")
        return text, f"{local.hour % 12 or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"

    shown, expected = shown_and_expected("America/New_York")
    assert expected in shown
    page.goto("/profile")
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("region", name="Details").get_by_role("button", name="Save").click()
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
    page.goto(f"/tickets/{ticket['id']}")
    shown, expected = shown_and_expected("Asia/Tokyo")
    assert expected in shown
    ctx.close()


def test_another_agent_on_the_same_ticket_is_shown(browser, server, signed_in, api):
    page = signed_in
    ticket = api.ticket("Collision check: two agents, one ticket")
    api.post("/users", {"email": "second@example.com", "name": "Second Agent", "role": "agent", "password": "second-password-1"})
    ctx = browser.new_context(base_url=server.base_url, locale="en-US")
    other = ctx.new_page()
    sign_in(other, "second@example.com", "second-password-1", start=f"/tickets/{ticket['id']}")
    page.goto(f"/tickets/{ticket['id']}")
    expect(page.locator("#presence")).to_contain_text("Second Agent also looking at this ticket.", timeout=15000)
    other.locator("#body").press_sequentially("Let me take this one")
    expect(page.locator("#presence")).to_contain_text("Second Agent typing a reply now.", timeout=15000)
    ctx.close()


def test_history_lists_each_change(signed_in, api):
    page = signed_in
    ticket = api.ticket("History check")
    api.patch(f"/tickets/{ticket['id']}", {"priority": "high", "tags": ["vip"]})
    page.goto(f"/tickets/{ticket['id']}")
    page.get_by_text("History", exact=True).click()
    history = page.locator("#history")
    expect(history).to_contain_text("changed it")
    expect(history).to_contain_text("priority: normal → high")
    expect(history).to_contain_text("created it")


def test_customers_have_one_timeline_and_can_be_edited_and_merged(signed_in, api):
    page = signed_in
    api.ticket("Wrong size delivered", body="The boots are 42, I ordered 43.", email="maria.nowak@example.pl")
    api.ticket("Return label missing", body="There was no label in the box.", email="maria.nowak@example.pl")
    api.ticket("Duplicate account", body="I also wrote from my work address.", email="m.nowak@work.example.pl")
    page.get_by_role("link", name="Customers").click()
    page.get_by_label("Name, email or phone").fill("maria.nowak")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="Olena Kovalenko").first.click()
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("The boots are 42")
    expect(timeline).to_contain_text("There was no label in the box.")
    # A bad phone is refused next to the field, and what was typed stays
    edit = page.get_by_role("form", name="Edit customer")
    edit.get_by_label("Name").fill("Maria Nowak")
    edit.get_by_label("Phones").fill("not a phone")
    edit.get_by_role("button", name="Save").click()
    expect(page.locator("#phones-error")).to_be_visible()
    assert page.get_by_label("Name").input_value() == "Maria Nowak"
    page.get_by_label("Phones").fill("+48 22 123 45 67")
    page.get_by_role("form", name="Edit customer").get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maria Nowak")
    # Merge the work address in: its ticket joins the timeline
    merge = page.get_by_role("form", name="Merge another customer into this one")
    merge.get_by_label("Email of the customer to merge in").fill("m.nowak@work.example.pl")
    merge.get_by_role("button", name="Merge another customer into this one").click()
    expect(page.locator("ol.timeline")).to_contain_text("I also wrote from my work address.")
    assert "m.nowak@work.example.pl" in page.get_by_label("Emails").input_value()


def test_a_missing_ticket_shows_a_page_not_json(signed_in):
    page = signed_in
    response = page.goto("/tickets/999999")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    expect(page.get_by_role("link", name="Back to the inbox")).to_be_visible()


def test_admin_reads_the_audit_log_with_filters(signed_in, api):
    page = signed_in
    api.ticket("Audit trail check")
    open_admin(page, "Audit log")
    page.get_by_label("Record").select_option("ticket")
    page.get_by_label("Action").select_option("created")
    page.get_by_role("button", name="Apply").click()
    rows = page.locator("table.audit tbody tr")
    assert rows.count() >= 1
    for text in rows.all_inner_texts():
        assert "Ticket #" in text and "created it" in text


def test_a_forgotten_password_is_reset_through_a_one_time_link(browser, server, api):
    api.post("/users", {"email": "forgetful@example.com", "name": "Forgetful Agent", "role": "agent", "password": "old-password-123"})
    ctx = browser.new_context(base_url=server.base_url, locale="en-US")
    page = ctx.new_page()
    page.goto("/sign-in")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("forgetful@example.com")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("status")).to_contain_text("a link is on its way")
    # Asking again and again counts like failed sign-ins; the new password must still work after
    for _ in range(4):
        page.goto("/forgot-password")
        page.get_by_label("Email").fill("forgetful@example.com")
        page.get_by_role("button", name="Send the link").click()
    # The mail goes to the log until the email channel exists
    link = re.findall(r"http://\S+/reset-password\?token=\S+", server.log_path.read_text())[-1]
    page.goto("/reset-password?" + link.split("?", 1)[1])
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.locator("#new_password-error")).to_be_visible()
    page.get_by_label("New password", exact=True).fill("brand-new-password-1")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("status")).to_contain_text("Your password was changed.")
    sign_in(page, "forgetful@example.com", "brand-new-password-1", start=page.url)
    assert "/inbox" in page.url
    # The link works once
    page.goto("/reset-password?" + link.split("?", 1)[1])
    expect(page.get_by_role("alert")).to_contain_text("expired or was used already")
    ctx.close()


def test_changing_ones_password_keeps_this_session(browser, server, api):
    api.post("/users", {"email": "changer@example.com", "name": "Changing Agent", "role": "agent", "password": "first-password-1"})
    ctx = browser.new_context(base_url=server.base_url, locale="en-US")
    page = ctx.new_page()
    sign_in(page, "changer@example.com", "first-password-1")
    page.goto("/profile")
    page.get_by_label("Current password").fill("wrong-password-0")
    page.get_by_label("New password", exact=True).fill("second-password-2")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#current_password-error")).to_be_visible()
    page.get_by_label("Current password").fill("first-password-1")
    page.get_by_label("New password", exact=True).fill("second-password-2")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    page.goto("/inbox?view=all_open")
    assert "/sign-in" not in page.url
    ctx.close()


def test_split_link_and_follow_from_the_ticket_page(signed_in, api):
    page = signed_in
    ticket = api.ticket("Two problems in one mail", body="My invoice is wrong.")
    api.post(f"/tickets/{ticket['id']}/messages", {"body": "Also, the app crashes on start.", "author": "requester"})
    other = api.ticket("Invoice template is outdated")
    page.goto(f"/tickets/{ticket['id']}")
    # Follow, and the button says so
    page.get_by_role("button", name="Follow").click()
    expect(page.get_by_role("button", name="Follow")).to_have_attribute("aria-pressed", "true")
    assert api.user["id"] in api.get(f"/tickets/{ticket['id']}")["follower_ids"]
    # Link to another ticket; an unknown number is refused next to the field
    links = page.get_by_role("form", name="Add link")
    links.get_by_label("Ticket number").fill("424242")
    links.get_by_role("button", name="Add link").click()
    expect(page.locator("#link_target-error")).to_contain_text("There is no ticket #424242.")
    page.get_by_label("Ticket number", exact=True).fill(str(other["number"]))
    page.get_by_role("form", name="Add link").get_by_role("button", name="Add link").click()
    expect(page.get_by_role("region", name="Linked tickets")).to_contain_text("Invoice template is outdated")
    # Split the second message out
    page.locator("ol.timeline li").nth(1).get_by_role("button", name="Split into a new ticket").click()
    page.wait_for_url(lambda url: not url.endswith(f"/tickets/{ticket['id']}"))
    expect(page.locator("ol.timeline")).to_contain_text("the app crashes on start")
    expect(page.get_by_role("region", name="Linked tickets")).to_contain_text("Two problems in one mail")


def test_admin_defines_custom_fields_that_agents_fill_on_tickets(signed_in, api):
    page = signed_in
    open_admin(page, "Custom fields")
    form = page.get_by_role("region", name="Add a custom field")
    form.get_by_label("Label").fill("Order number")
    form.get_by_label("Key", exact=True).fill("Bad Key!")
    form.get_by_role("button", name="Add field").click()
    expect(page.locator("#key-error")).to_be_visible()
    page.get_by_label("Key", exact=True).fill("order_number")
    page.get_by_label("Kind").select_option("number")
    page.get_by_role("button", name="Add field").click()
    form = page.get_by_role("region", name="Add a custom field")
    form.get_by_label("Label").fill("Refund approved")
    form.get_by_label("Key", exact=True).fill("refund_approved")
    form.get_by_label("Kind").select_option("checkbox")
    form.get_by_role("button", name="Add field").click()
    expect(page.get_by_role("cell", name="order_number")).to_be_visible()
    ticket = api.ticket("Custom field check")
    page.goto(f"/tickets/{ticket['id']}")
    fields = page.get_by_role("form", name="Ticket fields")
    fields.get_by_label("Order number").fill("48213")
    fields.get_by_label("Refund approved").check()
    fields.get_by_role("button", name="Save changes").click()
    assert api.get(f"/tickets/{ticket['id']}")["custom_fields"] == {"order_number": 48213, "refund_approved": True}
    expect(page.get_by_label("Order number")).to_have_value("48213")


def test_admin_creates_a_team_and_sets_its_members(signed_in, api):
    page = signed_in
    open_admin(page, "Teams")
    new = page.get_by_role("region", name="Add a team")
    new.get_by_role("button", name="Add team").click()
    expect(page.locator("#name-error")).to_be_visible()
    page.get_by_role("region", name="Add a team").get_by_label("Team name").fill("Escalations")
    page.get_by_role("region", name="Add a team").get_by_label(api.user["name"]).check()
    page.get_by_role("region", name="Add a team").get_by_role("button", name="Add team").click()
    team = next(t for t in api.get("/teams")["items"] if t["name"] == "Escalations")
    assert team["member_ids"] == [api.user["id"]]
    members = page.get_by_role("form", name="Members of Escalations")
    members.get_by_label(api.user["name"]).uncheck()
    members.get_by_role("button", name="Save members").click()
    team = next(t for t in api.get("/teams")["items"] if t["name"] == "Escalations")
    assert team["member_ids"] == []


def test_attachments_upload_download_and_the_size_limit(signed_in, api, server, tmp_path):
    page = signed_in
    ticket = api.ticket("Screenshot of the error")
    page.goto(f"/tickets/{ticket['id']}")
    small = tmp_path / "fehler-ошибка.txt"
    small.write_text("Stack trace: NullPointerException at line 42\n")
    composer = page.get_by_role("form", name="Write a reply or note")
    composer.get_by_label("Message").fill("Here is the log you asked for.")
    composer.get_by_label("Attach files").set_input_files(str(small))
    composer.get_by_role("button", name="Send").click()
    link = page.get_by_role("link", name="fehler-ошибка.txt")
    expect(link).to_be_visible()
    r = page.request.get(link.get_attribute("href"))
    assert r.status == 200 and r.body() == small.read_bytes()
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.headers["x-content-type-options"] == "nosniff"
    # Over the limit: refused with a message, the text kept, nothing saved
    big = tmp_path / "video.bin"
    big.write_bytes(b"\0" * (1_048_576 + 10))
    composer = page.get_by_role("form", name="Write a reply or note")
    composer.get_by_label("Message").fill("And the video.")
    composer.get_by_label("Attach files").set_input_files(str(big))
    composer.get_by_role("button", name="Send").click()
    expect(page.locator("#files-error")).to_contain_text("larger than the limit of 1 MB")
    expect(page.get_by_label("Message")).to_have_value("And the video.")
    assert len(api.get(f"/tickets/{ticket['id']}/messages")["items"]) == 2


def test_times_show_in_the_browsers_time_zone(browser, server, api):
    ticket = api.ticket("Time zone check")
    ctx = browser.new_context(base_url=server.base_url, locale="en-US", timezone_id="Pacific/Auckland")
    page = ctx.new_page()
    sign_in(page)
    page.goto(f"/tickets/{ticket['id']}")
    time = page.locator("ol.timeline time").first
    utc = time.get_attribute("title")
    shown = time.inner_text()
    assert utc.endswith(" UTC") and shown != utc.removesuffix(" UTC")
    # Auckland is 11 or 13 hours ahead of UTC: the hour differs
    expected = page.evaluate(
        "d => new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeStyle: 'short', timeZone: 'Pacific/Auckland'}).format(new Date(d))",
        time.get_attribute("datetime"))
    assert shown == expected
    ctx.close()


def test_admin_sees_and_revokes_anyones_api_token(signed_in, api, server):
    other = api.post("/users", {"email": "integrator@example.com", "name": "Integration Bot", "role": "agent", "password": "integrator-pass-1"})
    bot = Api(server.base_url, "integrator@example.com", "integrator-pass-1")
    secret = bot.post("/tokens", {"name": "Helpdesk sync"})["token"]
    page = signed_in
    open_admin(page, "API tokens")
    row = page.get_by_role("row", name=re.compile("Integration Bot"))
    expect(row).to_contain_text("Helpdesk sync")
    row.get_by_role("button", name="Revoke Helpdesk sync").click()
    expect(page.get_by_role("row", name=re.compile("Integration Bot"))).to_contain_text("Revoked")
    assert requests.get(server.base_url + "/api/v1/tickets", headers={"Authorization": f"Bearer {secret}"}, timeout=10).status_code == 401
    assert other["id"] > 0


def test_pages_fit_a_1024_pixel_screen(browser, server, api):
    ticket = api.ticket("Narrow screen check with a rather long subject line that must wrap instead of pushing the page wider")
    ctx = browser.new_context(base_url=server.base_url, viewport={"width": 1024, "height": 700}, locale="en-US")
    page = ctx.new_page()
    sign_in(page)
    for path in ["/inbox?view=all_open", f"/tickets/{ticket['id']}", "/contacts", "/admin/users", "/admin/audit", "/profile"]:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1024, f"{path} is {width} px wide"
    ctx.close()


def test_filters_are_saved_as_a_view_of_ones_own(signed_in, api):
    page = signed_in
    api.ticket("Saved view: the urgent one", priority="urgent")
    api.ticket("Saved view: a calm one", priority="low")
    page.goto("/inbox?view=all_open&priority=urgent")
    page.get_by_text("Save these filters as a view").click()
    form = page.get_by_role("form", name="Save these filters as a view")
    form.get_by_role("button", name="Save view").click()
    expect(page.locator("#view-name-error")).to_be_visible()
    form = page.get_by_role("form", name="Save these filters as a view")
    form.get_by_label("View name").fill("Urgent ones")
    form.get_by_role("button", name="Save view").click()
    rail = page.get_by_role("navigation", name="Views")
    expect(rail.get_by_role("link", name=re.compile("Urgent ones"))).to_have_attribute("aria-current", "page")
    subjects = page.locator("table.tickets td.subject").all_inner_texts()
    assert "Saved view: the urgent one" in subjects and "Saved view: a calm one" not in subjects


def test_admin_tags_page_counts_and_links_to_tickets(signed_in, api):
    page = signed_in
    api.ticket("Tagged one", tags=["warranty"])
    api.ticket("Tagged two", tags=["warranty", "vip"])
    open_admin(page, "Tags")
    row = page.get_by_role("row", name=re.compile("warranty"))
    expect(row).to_contain_text("2")
    row.get_by_role("link", name="warranty").click()
    subjects = page.locator("table.tickets td.subject").all_inner_texts()
    assert set(subjects) >= {"Tagged one", "Tagged two"} and all(s.startswith("Tagged") for s in subjects)


def test_admin_renames_a_tag_onto_another_and_they_merge(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    api.ticket("Return by courier", tags=[f"rma_{run}"])
    api.ticket("Return in store", tags=[f"returns_{run}"])
    open_admin(page, "Tags")
    form = page.get_by_role("region", name="Rename or merge a tag")
    form.get_by_label("Tag", exact=True).fill(f"never_{run}")
    form.get_by_label("New name").fill(f"returns_{run}")
    form.get_by_role("button", name="Rename").click()
    form = page.get_by_role("region", name="Rename or merge a tag")
    expect(form.get_by_text("No ticket has this tag.")).to_be_visible()
    expect(form.get_by_label("New name")).to_have_value(f"returns_{run}")
    form.get_by_label("Tag", exact=True).fill(f"RMA_{run}")
    form.get_by_role("button", name="Rename").click()
    expect(page.get_by_role("status")).to_have_text(f"Renamed “rma_{run}” to “returns_{run}” on 1 ticket.")
    expect(page.get_by_role("row", name=re.compile(f"returns_{run}"))).to_contain_text("2")
    expect(page.get_by_role("row", name=re.compile(f"rma_{run}"))).to_have_count(0)


def test_admin_turns_a_ticket_type_off_and_agents_no_longer_see_it(signed_in, api):
    page = signed_in
    ticket = api.ticket("Which types are offered")
    open_admin(page, "Ticket types")
    page.get_by_role("button", name="Turn off Feedback").click()
    expect(page.get_by_role("row", name=re.compile("Feedback"))).to_contain_text("Turned off")
    page.goto(f"/tickets/{ticket['id']}")
    options = page.get_by_label("Type", exact=True).locator("option").all_inner_texts()
    assert "Feedback" not in options and "Complaint" in options
    open_admin(page, "Ticket types")
    page.get_by_role("button", name="Turn on Feedback").click()
    expect(page.get_by_role("row", name=re.compile("Feedback"))).to_contain_text("Offered")


def test_mail_shows_its_text_with_history_folded_and_its_html_in_a_sandbox(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    box = api.post("/mailboxes", {"name": f"UI {run}", "address": f"ui-{run}@example.com"})
    raw = (f"From: Olena <olena-{run}@example.ua>\r\nTo: ui-{run}@example.com\r\nSubject: HTML mail {run}\r\nMessage-ID: <h-{run}@example.ua>\r\n"
           "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "Thanks, it works now!\r\n\r\nOn Mon, 23 Nov 2026 at 09:15, Support <support@example.com> wrote:\r\n> Please restart it.\r\n"
           "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Thanks, <b>it works</b> now!</p>"
           "<img alt=tracker src=\"https://tracker.example/p.gif\"><script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>\r\n--b--\r\n")
    r = api.http.post(api.base_url + f"/api/v1/mailboxes/{box['id']}/messages", data=raw.encode(), headers={"Content-Type": "message/rfc822"}, timeout=10)
    assert r.status_code == 201, r.text
    page.goto(f"/tickets/{r.json()['ticket_id']}")
    entry = page.locator(".timeline .entry").first
    expect(entry.locator(".body").first).to_have_text("Thanks, it works now!")
    quoted = entry.locator("details.quoted")
    expect(quoted.get_by_text("Please restart it.")).to_be_hidden()
    quoted.get_by_text("Show the quoted text").click()
    expect(quoted.get_by_text("Please restart it.")).to_be_visible()
    entry.get_by_text("Original formatting").click()
    frame = page.frame_locator("details.original iframe")
    expect(frame.locator("b")).to_have_text("it works")
    expect(frame.locator("img")).not_to_have_attribute("src", re.compile("tracker"))
    assert frame.locator("script").count() == 0
    entry.get_by_role("link", name="Show remote images").click()
    expect(frame.locator("img")).to_have_attribute("src", "https://tracker.example/p.gif")
    assert page.dialogs == []
    # A bounce for the customer's address is shown by their name
    bounce = (f"From: MAILER-DAEMON@mx.example.ua\r\nTo: ui-{run}@example.com\r\nSubject: Undelivered\r\nMessage-ID: <b-{run}@mx>\r\n"
              "Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n"
              f"--r\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; olena-{run}@example.ua\r\n--r--\r\n")
    api.http.post(api.base_url + f"/api/v1/mailboxes/{box['id']}/messages", data=bounce.encode(), headers={"Content-Type": "message/rfc822"}, timeout=10)
    page.reload()
    expect(page.get_by_role("note")).to_contain_text("Mail to this address bounced")


def test_admin_sets_up_a_mailbox_and_reads_the_mail_log(signed_in, api, server):
    page = signed_in
    run = secrets.token_hex(3)
    open_admin(page, "Mailboxes")
    form = page.get_by_role("region", name="Add a mailbox")
    form.get_by_label("Name", exact=True).fill(f"Returns {run}")
    form.get_by_label("Address").fill(f"returns-{run}@example.com")
    form.get_by_role("group", name="Incoming mail (IMAP)").get_by_label("Host").fill("imap.example.com")
    form.get_by_role("group", name="Incoming mail (IMAP)").get_by_label("User name").fill("returns")
    form.get_by_role("group", name="Incoming mail (IMAP)").get_by_label("Password").fill("imap-secret")
    form.get_by_role("group", name="Outgoing mail (SMTP)").get_by_label("Host").fill("smtp.example.com")
    form.get_by_role("group", name="Outgoing mail (SMTP)").get_by_label("Port").fill("99999")
    form.get_by_role("button", name="Add").click()
    form = page.get_by_role("region", name="Add a mailbox")
    expect(form.get_by_text("Enter a port between 1 and 65535.")).to_be_visible()
    expect(form.get_by_label("Address")).to_have_value(f"returns-{run}@example.com")
    form.get_by_role("group", name="Incoming mail (IMAP)").get_by_label("Password").fill("imap-secret")
    form.get_by_role("group", name="Outgoing mail (SMTP)").get_by_label("Port").fill("587")
    form.get_by_role("button", name="Add").click()
    row = page.get_by_role("row", name=re.compile(f"returns-{run}@example.com"))
    expect(row).to_contain_text("IMAP at imap.example.com")
    row.get_by_role("link", name=f"Returns {run}").click()
    form = page.get_by_role("region", name="Change the mailbox")
    expect(form.get_by_text("Leave empty to keep the stored password.").first).to_be_visible()
    form.get_by_label("Sender name").fill("Acme Returns")
    form.get_by_role("button", name="Save").click()
    box = next(b for b in api.get("/mailboxes")["items"] if b["address"] == f"returns-{run}@example.com")
    assert box["from_name"] == "Acme Returns" and box["imap"]["password_set"] is True and box["smtp"]["port"] == 587

    r = api.http.post(api.base_url + f"/api/v1/mailboxes/{box['id']}/messages", data=f"Subject: nobody {run}\r\n\r\nno sender\r\n".encode(),
                      headers={"Content-Type": "message/rfc822"}, timeout=10)
    assert r.json()["outcome"] == "failed"
    open_admin(page, "Mail log")
    page.get_by_label("Outcome").select_option("failed")
    page.get_by_role("button", name="Filter").click()
    row = page.get_by_role("row", name=re.compile("Could not be read")).first
    with page.expect_download() as download:
        row.get_by_role("link", name="Download").click()
    assert f"nobody {run}" in open(download.value.path()).read()
    # Turned off again: its made-up servers must not receive the other tests' mail
    page.goto(f"/admin/mailboxes/{box['id']}")
    page.get_by_label("Active").uncheck()
    page.get_by_role("button", name="Save").click()
    assert next(b for b in api.get("/mailboxes")["items"] if b["id"] == box["id"])["active"] is False


def test_admin_changes_a_staff_members_role_title_and_teams(signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    team = api.post("/teams", {"name": f"Escalations {run}"})
    member = api.post("/users", {"email": f"taras-{run}@example.com", "name": f"Taras {run}", "role": "agent", "password": "taras-password-1"})
    open_admin(page, "Staff")
    page.get_by_role("link", name=f"Taras {run}").click()
    form = page.get_by_role("region", name="Details, role and teams")
    form.get_by_label("Job title").fill("Senior Support Hero")
    form.get_by_label("Role", exact=True).select_option("senior_agent")
    form.get_by_label(f"Escalations {run}").check()
    form.get_by_label("Email").fill("not an email")
    form.get_by_role("button", name="Save").click()
    form = page.get_by_role("region", name="Details, role and teams")
    expect(form.locator("#email-error")).to_be_visible()
    expect(form.get_by_label("Job title")).to_have_value("Senior Support Hero")
    expect(form.get_by_label(f"Escalations {run}")).to_be_checked()
    form.get_by_label("Email").fill(f"taras-{run}@example.com")
    form.get_by_role("button", name="Save").click()
    row = page.get_by_role("row", name=re.compile(f"Taras {run}"))
    expect(row).to_contain_text("Senior Support Hero")
    user = api.get(f"/users/{member['id']}")
    assert user["role"] == "senior_agent" and user["team_ids"] == [team["id"]]
    # One's own role stays as it is
    page.goto(f"/admin/users/{api.user['id']}")
    page.get_by_label("Role", exact=True).select_option("agent")
    page.get_by_role("region", name="Details, role and teams").get_by_role("button", name="Save").click()
    expect(page.get_by_text("You cannot change your own role")).to_be_visible()


def open_admin(page, name: str) -> None:
    """Goes to an admin page the way a person does: Admin in the top bar, then the page."""
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Admin").click()
    page.get_by_role("navigation", name="Admin").get_by_role("link", name=name, exact=True).click()
