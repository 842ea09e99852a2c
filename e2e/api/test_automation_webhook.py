"""A trigger's webhook reaches a real HTTP server: signed with HMAC-SHA256, carrying the ticket, and
tried again when the receiver fails.

Run:  python3 -m pytest e2e/api/test_automation_webhook.py -v
"""

from __future__ import annotations

import hashlib
import hmac
import json
import queue
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import running_server  # noqa: E402

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "webhook-test-" + secrets.token_urlsafe(12)


class Receiver(BaseHTTPRequestHandler):
    """Answers 500 to the first request (to be tried again), then 204; hands each body on."""

    received: "queue.Queue[tuple[dict, bytes, int]]" = queue.Queue()
    calls = 0

    def do_POST(self):  # noqa: N802
        Receiver.calls += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        status = 500 if Receiver.calls == 1 else 204
        Receiver.received.put(({k.lower(): v for k, v in self.headers.items()}, body, status))
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_trigger_posts_a_signed_webhook_and_retries_a_failure(tmp_path):
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hooks/switchboard"
    try:
        with running_server("sqlite", tmp_path, ADMIN_EMAIL, ADMIN_PASSWORD) as server:
            api = requests.Session()
            r = api.post(server.base_url + "/api/v1/session", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}, timeout=10)
            r.raise_for_status()
            api.headers["X-CSRF-Token"] = r.json()["csrf_token"]
            r = api.post(server.base_url + "/api/v1/automations", json={
                "name": "Tell the shop", "kind": "trigger", "events": ["created"],
                "all": [{"field": "subject", "operator": "contains", "value": "order"}],
                "actions": [{"kind": "webhook", "url": url, "secret": "shared-secret"}]}, timeout=10)
            assert r.status_code == 201, r.text
            r = api.post(server.base_url + "/api/v1/tickets", json={"subject": "Where is my order?", "body": "Order 4821",
                                                                   "requester": {"email": "buyer@example.com"}}, timeout=10)
            assert r.status_code == 201, r.text
            ticket = r.json()

            # The first delivery fails (500) …
            headers, body, status = Receiver.received.get(timeout=30)
            assert status == 500
            # … the job runs again after its pause (30 s) and succeeds
            headers, body, status = Receiver.received.get(timeout=90)
            assert status == 204
            expected = "sha256=" + hmac.new(b"shared-secret", body, hashlib.sha256).hexdigest()
            assert headers.get("x-switchboard-signature") == expected
            assert headers.get("content-type", "").startswith("application/json")
            payload = json.loads(body)
            assert payload["event"] == "ticket.created"
            assert payload["automation"]["name"] == "Tell the shop"
            assert payload["ticket"]["id"] == ticket["id"] and payload["ticket"]["subject"] == "Where is my order?"
            time.sleep(0.1)
    finally:
        receiver.shutdown()
