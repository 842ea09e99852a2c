"""Side conversations in a real browser: an agent asks a billing colleague beside a ticket, the
colleague answers from the same ticket page, and the customer's timeline stays as it was."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import expect

from conftest import sign_in


def test_an_agent_asks_billing_in_a_side_conversation_and_billing_answers(browser, server, signed_in, api):
    page = signed_in
    run = secrets.token_hex(3)
    colleague = api.post("/users", {"email": f"billing-{run}@example.com", "name": f"Marta {run}", "role": "agent",
                                    "password": "agent-password-1"})
    ticket = api.ticket(f"Refund above the limit {run}")
    timeline = len(api.get(f"/tickets/{ticket['id']}/messages")["items"])

    # The admin asks Marta in a side conversation; a form without a colleague comes back with what was typed
    page.goto(f"/tickets/{ticket['id']}")
    side = page.get_by_role("region", name="Side conversations")
    side.get_by_text("Ask colleagues").click()
    side.get_by_label("Subject").fill("May we refund 900 EUR?")
    side.get_by_label("Your question").fill("The order was 1,200 EUR; the customer returned most of it.")
    side.get_by_role("button", name="Start side conversation").click()
    side = page.get_by_role("region", name="Side conversations")
    expect(side.get_by_role("alert")).to_contain_text("colleague")
    expect(side.get_by_label("Your question")).to_have_value("The order was 1,200 EUR; the customer returned most of it.")
    side.get_by_label("Subject").fill("May we refund 900 EUR?")
    side.get_by_label("Colleagues", exact=True).select_option(label=f"Marta {run}")
    side.get_by_role("button", name="Start side conversation").click()
    side = page.get_by_role("region", name="Side conversations")
    expect(side.get_by_text("May we refund 900 EUR?")).to_be_visible()
    expect(side.get_by_text(re.compile("^With "))).to_contain_text(f"Marta {run}")

    # Marta answers from the ticket page
    context = browser.new_context(base_url=server.base_url, locale="en-US")
    billing = context.new_page()
    sign_in(billing, f"billing-{run}@example.com", "agent-password-1")
    billing.goto(f"/tickets/{ticket['id']}")
    thread = billing.get_by_role("region", name="Side conversations")
    thread.get_by_label("Reply in this side conversation").fill("Approved, go ahead.")
    thread.get_by_role("button", name="Send").click()
    expect(billing.get_by_role("region", name="Side conversations").get_by_text("Approved, go ahead.")).to_be_visible()
    context.close()

    # The admin closes it; the customer's timeline has none of it
    page.goto(f"/tickets/{ticket['id']}")
    side = page.get_by_role("region", name="Side conversations")
    expect(side.get_by_text("Approved, go ahead.")).to_be_visible()
    side.get_by_role("button", name="Close").click()
    side = page.get_by_role("region", name="Side conversations")
    expect(side.locator("summary", has_text="May we refund 900 EUR?")).to_contain_text("closed")
    side.locator("summary", has_text="May we refund 900 EUR?").click()  # a closed thread is folded
    expect(side.get_by_role("button", name="Open again")).to_be_visible()
    expect(side.get_by_label("Reply in this side conversation")).to_have_count(0)
    assert len(api.get(f"/tickets/{ticket['id']}/messages")["items"]) == timeline
    conversations = api.get(f"/tickets/{ticket['id']}/side-conversations")["items"]
    assert [c["status"] for c in conversations] == ["closed"]
    assert [m["body"] for m in conversations[0]["messages"]][-1] == "Approved, go ahead."
