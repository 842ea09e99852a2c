"""Fixtures for the mail tests: a real SMTP server (aiosmtpd from PyPI) on 127.0.0.1, once in
plain text and once with STARTTLS and AUTH under a certificate of a throwaway CA, and a real
`switchboard serve` that trusts that CA (SWITCHBOARD_MAIL_CA_FILE).

Environment:
    SWITCHBOARD_BIN   the server binary (default: .build/debug/switchboard of this checkout)
"""

from __future__ import annotations

import email
import email.policy
import secrets
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import free_port, running_server  # noqa: E402

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "mail-test-" + secrets.token_urlsafe(12)
SMTP_USER, SMTP_PASSWORD = "desk", "smtp-" + secrets.token_urlsafe(8)


class Inbox:
    """What the SMTP server received: envelopes and parsed messages, in order."""

    def __init__(self):
        self.messages: list[tuple[str, list[str], email.message.EmailMessage]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    def wait_for(self, count: int, seconds: float = 20.0):
        deadline = time.time() + seconds
        while time.time() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.1)
        raise AssertionError(f"expected {count} messages at the SMTP server, got {len(self.messages)}")


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == SMTP_USER and auth_data.password.decode() == SMTP_PASSWORD
    return AuthResult(success=ok)


@pytest.fixture(scope="session")
def certificates(tmp_path_factory):
    """A throwaway CA and a certificate for 127.0.0.1 and localhost signed by it."""
    d = tmp_path_factory.mktemp("certs")

    def run(*args):
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Switchboard test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    (d / "ext.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2",
        "-extfile", "ext.cnf")
    return d


@pytest.fixture(scope="session")
def smtp():
    """A plain SMTP server without AUTH, like a local relay."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture(scope="session")
def smtp_tls(certificates):
    """An SMTP server that offers STARTTLS and takes AUTH PLAIN/LOGIN only over TLS."""
    inbox = Inbox()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / "server.pem", certificates / "server.key")
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), tls_context=context, require_starttls=True,
                            authenticator=_authenticate, auth_require_tls=True, auth_required=True)
    controller.start()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory, certificates):
    with running_server("sqlite", tmp_path_factory.mktemp("switchboard-mail"), ADMIN_EMAIL, ADMIN_PASSWORD,
                        extra_env={"SWITCHBOARD_MAIL_CA_FILE": str(certificates / "ca.pem")}) as srv:
        yield srv


class Api:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = requests.Session()
        r = self.http.post(base_url + "/api/v1/session", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}, timeout=10)
        r.raise_for_status()
        csrf = r.json()["csrf_token"]
        token = self.http.post(base_url + "/api/v1/tokens", json={"name": "mail test"}, headers={"X-CSRF-Token": csrf}, timeout=10)
        token.raise_for_status()
        self.http = requests.Session()
        self.http.headers["Authorization"] = "Bearer " + token.json()["token"]

    def request(self, method: str, path: str, expect: int | tuple = (200, 201), **kwargs):
        r = self.http.request(method, self.base_url + "/api/v1" + path, timeout=30, **kwargs)
        expected = expect if isinstance(expect, tuple) else (expect,)
        assert r.status_code in expected, f"{method} {path}: {r.status_code} {r.text}"
        return r.json() if r.content and r.headers.get("Content-Type", "").startswith("application/json") else r

    def deliver(self, mailbox_id: int, raw: str) -> dict:
        return self.request("POST", f"/mailboxes/{mailbox_id}/messages", data=raw.encode(), headers={"Content-Type": "message/rfc822"})


@pytest.fixture(scope="session")
def api(server) -> Api:
    return Api(server.base_url)
