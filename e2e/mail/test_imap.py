"""Mail that arrives over IMAP (Debian's dovecot): it becomes a ticket, is marked seen or moved
only after that, is taken once however often it shows up, and the customer's answer to the
agent's reply (sent through the SMTP server) lands on the same ticket."""

from __future__ import annotations

import secrets
import time


def wait_for(api, predicate, seconds: float = 30.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out waiting for the server to take the mail")


def log_entry(api, message_id: str):
    items = api.request("GET", "/mail-log", params={"limit": 50})["items"]
    return next((e for e in items if e["message_id"] == message_id), None)


def mail(run: str, n: int, to: str, subject: str, body: str, extra: str = "") -> tuple[str, str]:
    message_id = f"imap{n}-{run}@example.ua"
    return message_id, (f"From: Olena Kovalenko <olena@example.ua>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{message_id}>\r\n"
                        f"{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")


def test_mail_over_imap_becomes_a_ticket_and_the_reply_thread_stays_on_it(api, dovecot, smtp):
    port, inbox = smtp
    run = secrets.token_hex(3)
    address = f"imap-{run}@example.com"
    box = api.request("POST", "/mailboxes", json={
        "name": f"IMAP {run}", "address": address,
        "imap": {"host": "127.0.0.1", "port": dovecot.port, "security": "starttls", "username": dovecot.user, "password": dovecot.password},
        "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}})

    first_id, first = mail(run, 1, address, "Замовлення не прийшло", "Де моє замовлення?")
    dovecot.append(first)
    entry = wait_for(api, lambda: log_entry(api, first_id))
    assert entry["outcome"] == "created" and entry["mailbox_id"] == box["id"]
    ticket = api.request("GET", f"/tickets/{entry['ticket_id']}")
    assert ticket["subject"] == "Замовлення не прийшло" and ticket["channel"] == "email"
    # Seen only once the ticket is stored
    wait_for(api, lambda: dovecot.flags() and all("\\Seen" in f for f in dovecot.flags()))

    # The same message again (a client that re-uploads it) is not a second ticket
    dovecot.append(first)
    wait_for(api, lambda: len(dovecot.flags()) == 2 and all("\\Seen" in f for f in dovecot.flags()))
    assert len([e for e in api.request("GET", "/mail-log", params={"limit": 50})["items"] if e["message_id"] == first_id]) == 1

    # The agent answers by SMTP; the customer's answer to that comes back over IMAP
    api.request("POST", f"/tickets/{ticket['id']}/messages", json={"body": "Вже в дорозі."})
    _, _, sent = inbox.wait_for(len(inbox.messages) + 1)[-1]
    assert sent["In-Reply-To"] == f"<{first_id}>"
    answer_id, answer = mail(run, 2, address, "Re: " + sent["Subject"], "Дякую!", extra=f"In-Reply-To: {sent['Message-ID']}\r\n")
    dovecot.append(answer)
    entry = wait_for(api, lambda: log_entry(api, answer_id))
    assert entry["outcome"] == "appended" and entry["ticket_id"] == ticket["id"]


def test_taken_mail_can_be_moved_to_another_folder_over_imaps(api, dovecot):
    run = secrets.token_hex(3)
    address = f"moved-{run}@example.com"
    api.request("POST", "/mailboxes", json={
        "name": f"Moved {run}", "address": address,
        "imap": {"host": "localhost", "port": dovecot.tls_port, "security": "tls", "username": dovecot.user, "password": dovecot.password,
                 "folder": "INBOX", "move_to": "Done"}})
    before = len(dovecot.flags("Done"))
    message_id, raw = mail(run, 3, address, "Move me", "Please.")
    dovecot.append(raw)
    wait_for(api, lambda: log_entry(api, message_id))
    wait_for(api, lambda: len(dovecot.flags("Done")) == before + 1)
