"""Mail in and out through real servers: a customer's mail becomes a ticket, the agent's reply
reaches the SMTP server with the headers that thread it, and the customer's answer lands on the
same ticket, whether it threads by In-Reply-To, by our reply address or by the subject tag."""

from __future__ import annotations

import re
import secrets
import time


def customer_mail(to: str, message_id: str, subject: str, body: str, extra: str = "") -> str:
    return (f"From: Olena Kovalenko <olena@example.ua>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{message_id}>\r\n"
            f"Date: Mon, 23 Nov 2026 09:15:00 +0200\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")


def test_a_conversation_by_mail_stays_on_one_ticket(api, smtp):
    port, inbox = smtp
    run = secrets.token_hex(3)
    address = f"support-{run}@example.com"
    box = api.request("POST", "/mailboxes", json={
        "name": f"Support {run}", "address": address, "from_name": "Acme Support", "signature": "Acme Support, +380 44 123 4567",
        "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}})

    # The customer writes in
    first = api.deliver(box["id"], customer_mail(address, f"c1-{run}@example.ua", "Рахунок не прийшов", "Добрий день, де мій рахунок?"))
    assert first["outcome"] == "created"
    ticket = api.request("GET", f"/tickets/{first['ticket_id']}")

    # The agent answers; the job runner hands it to the SMTP server
    seen = len(inbox.messages)
    api.request("POST", f"/tickets/{ticket['id']}/messages", json={"body": "Надіслали ще раз.\n\nГарного дня!"})
    mail_from, rcpt, sent = inbox.wait_for(seen + 1)[-1]
    assert mail_from == address and rcpt == ["olena@example.ua"]
    assert sent["From"] == f"Acme Support <{address}>"
    assert sent["To"].addresses[0].addr_spec == "olena@example.ua"
    assert sent["Subject"] == f"Re: Рахунок не прийшов [#{ticket['number']}]"
    assert sent["In-Reply-To"] == f"<c1-{run}@example.ua>" and f"<c1-{run}@example.ua>" in sent["References"]
    assert re.fullmatch(rf"<sb-\d+\.{ticket['id']}@example\.com>", sent["Message-ID"])
    assert sent["Thread-Index"] and "Auto-Submitted" not in sent
    reply_to = sent["Reply-To"].addresses[0].addr_spec
    assert re.fullmatch(rf"support-{run}\+t{ticket['id']}\.[0-9a-f]{{10}}@example\.com", reply_to)
    assert sent.get_content_type() == "multipart/alternative"
    text = sent.get_body(preferencelist=("plain",)).get_content()
    assert "Надіслали ще раз." in text and "-- \nAcme Support" in text.replace("\r\n", "\n")
    assert "<p>Надіслали ще раз.</p>" in sent.get_body(preferencelist=("html",)).get_content()

    # The customer answers the agent's mail: it threads by In-Reply-To
    answer = api.deliver(box["id"], customer_mail(address, f"c2-{run}@example.ua", "Re: " + sent["Subject"], "Отримала, дякую!",
                                                   extra=f"In-Reply-To: {sent['Message-ID']}\r\nReferences: {sent['Message-ID']}\r\n"))
    assert answer == {"outcome": "appended", "ticket_id": ticket["id"], "message_id": answer["message_id"], "problems": []}
    # … by the reply address alone (a client that drops the threading headers)
    plain = api.deliver(box["id"], customer_mail(reply_to, f"c3-{run}@example.ua", "ще одне питання", "А коли наступний?"))
    assert plain["ticket_id"] == ticket["id"]
    # … and by the subject tag alone
    tagged = api.deliver(box["id"], customer_mail(address, f"c4-{run}@example.ua", f"Питання [#{ticket['number']}]", "Ще раз я."))
    assert tagged["ticket_id"] == ticket["id"]
    messages = api.request("GET", f"/tickets/{ticket['id']}/messages")["items"]
    assert [m["author_kind"] for m in messages] == ["contact", "staff", "contact", "contact", "contact"]

    # Internal notes never leave the building
    api.request("POST", f"/tickets/{ticket['id']}/messages", json={"body": "Note to self", "visibility": "internal"})
    api.request("POST", f"/tickets/{ticket['id']}/messages", json={"body": "Second public reply"})
    _, _, second = inbox.wait_for(seen + 2)[-1]
    assert "Second public reply" in second.get_body(preferencelist=("plain",)).get_content()
    assert all("Note to self" not in m.as_string() for _, _, m in inbox.messages[seen:])
    assert f"<c4-{run}@example.ua>" in second["References"]


def test_replies_go_out_over_starttls_with_auth(api, smtp_tls):
    from conftest import SMTP_PASSWORD, SMTP_USER

    port, inbox = smtp_tls
    run = secrets.token_hex(3)
    address = f"billing-{run}@example.com"
    box = api.request("POST", "/mailboxes", json={
        "name": f"Billing {run}", "address": address,
        "smtp": {"host": "localhost", "port": port, "security": "starttls", "username": SMTP_USER, "password": SMTP_PASSWORD}})
    created = api.deliver(box["id"], customer_mail(address, f"t1-{run}@example.ua", "Invoice", "Where is it?"))
    seen = len(inbox.messages)
    api.request("POST", f"/tickets/{created['ticket_id']}/messages", json={"body": "Sent again over TLS."})
    mail_from, rcpt, sent = inbox.wait_for(seen + 1)[-1]
    assert mail_from == address and "Sent again over TLS." in sent.get_body(preferencelist=("plain",)).get_content()


def test_new_tickets_are_acknowledged_once_and_never_to_automatic_senders(api, smtp):
    port, inbox = smtp
    run = secrets.token_hex(3)
    address = f"ack-{run}@example.com"
    box = api.request("POST", "/mailboxes", json={
        "name": f"Ack {run}", "address": address, "acknowledgement": "We got your request; its number is {number}.",
        "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}})
    seen = len(inbox.messages)
    first = api.deliver(box["id"], customer_mail(address, f"a1-{run}@example.ua", "Printer", "It smokes."))
    ticket = api.request("GET", f"/tickets/{first['ticket_id']}")
    _, rcpt, ack = inbox.wait_for(seen + 1)[-1]
    assert rcpt == ["olena@example.ua"] and ack["Auto-Submitted"] == "auto-generated"
    assert f"its number is {ticket['number']}." in ack.get_body(preferencelist=("plain",)).get_content()
    assert ack["Subject"] == f"Re: Printer [#{ticket['number']}]" and ack["In-Reply-To"] == f"<a1-{run}@example.ua>"

    # The other side's help desk acknowledges our acknowledgement: it joins the ticket, and we stay quiet
    loop = (f"From: Their Desk <desk@other.example>\r\nTo: {address}\r\nSubject: Re: {ack['Subject']}\r\nMessage-ID: <loop-{run}@other.example>\r\n"
            f"In-Reply-To: {ack['Message-ID']}\r\nAuto-Submitted: auto-replied\r\n\r\nWe received your message.\r\n")
    assert api.deliver(box["id"], loop)["ticket_id"] == ticket["id"]
    # An automatic sender that opens a ticket gets nothing either
    robot = (f"From: robot@other.example\r\nTo: {address}\r\nSubject: Out of office {run}\r\nMessage-ID: <robot-{run}@other.example>\r\n"
             "Auto-Submitted: auto-replied\r\n\r\nAway.\r\n")
    assert api.deliver(box["id"], robot)["outcome"] == "created"
    # The same person again the same day: a new ticket, no second acknowledgement
    second = api.deliver(box["id"], customer_mail(address, f"a2-{run}@example.ua", "Scanner too", "Also smokes."))
    assert second["outcome"] == "created"
    time.sleep(3)  # the job runner runs every second; give it time to (wrongly) send
    assert len(inbox.messages) == seen + 1


def test_agents_are_notified_by_mail_in_their_language(api, smtp):
    port, inbox = smtp
    run = secrets.token_hex(3)
    agent = api.request("POST", "/users", json={"email": f"agent-{run}@example.com", "name": "Oksana", "role": "agent", "locale": "uk",
                                                "password": "agent-password-1"})
    team = api.request("POST", "/teams", json={"name": f"Team {run}", "member_ids": [agent["id"]]})
    box = api.request("POST", "/mailboxes", json={"name": f"Notify {run}", "address": f"notify-{run}@example.com", "team_id": team["id"],
                                                  "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}})
    seen = len(inbox.messages)
    created = api.deliver(box["id"], customer_mail(f"notify-{run}@example.com", f"n1-{run}@example.ua", f"Кавоварка {run}", "Не вмикається."))
    ticket = api.request("GET", f"/tickets/{created['ticket_id']}")
    _, rcpt, told = inbox.wait_for(seen + 1)[-1]
    assert rcpt == [f"agent-{run}@example.com"] and told["Auto-Submitted"] == "auto-generated"
    assert told["Subject"] == f"Нове звернення: Кавоварка {run} [#{ticket['number']}]"
    assert f"/tickets/{ticket['id']}" in told.get_body(preferencelist=("plain",)).get_content()

    # Turned off, assignment stays quiet; on again, it is told
    api.request("PUT", f"/users/{agent['id']}/notifications", json={"assigned": False})
    api.request("PATCH", f"/tickets/{ticket['id']}", json={"assignee_id": agent["id"]})
    time.sleep(2)  # the notifier runs every second: it sees the change while the setting is off
    api.request("PUT", f"/users/{agent['id']}/notifications", json={"assigned": True})
    api.request("PATCH", f"/tickets/{ticket['id']}", json={"assignee_id": None})
    api.request("PATCH", f"/tickets/{ticket['id']}", json={"assignee_id": agent["id"]})
    _, rcpt, assigned = inbox.wait_for(seen + 2)[-1]
    assert assigned["Subject"].startswith("Призначено вам:")
    time.sleep(2)
    assert len(inbox.messages) == seen + 2


def test_invitations_go_out_through_a_mailbox_once_one_can_send(api, smtp, smtp_tls):
    run = secrets.token_hex(3)
    # The earlier tests made mailboxes that send; the first active one carries system mail.
    before = len(smtp[1].messages) + len(smtp_tls[1].messages)
    api.request("POST", "/users", json={"email": f"new-{run}@example.com", "name": "New Agent", "role": "agent", "send_invite": True})
    deadline = time.time() + 15
    while time.time() < deadline and len(smtp[1].messages) + len(smtp_tls[1].messages) == before:
        time.sleep(0.1)
    sent = [m for _, rcpt, m in smtp[1].messages + smtp_tls[1].messages if rcpt == [f"new-{run}@example.com"]]
    assert len(sent) == 1 and sent[0]["Subject"] == "You are invited to Switchboard"
    assert "/reset-password?token=" in sent[0].get_body(preferencelist=("plain",)).get_content()
