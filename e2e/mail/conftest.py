"""Fixtures for the mail tests: real mail servers on 127.0.0.1 (an SMTP server, aiosmtpd from
PyPI, once plain and once with STARTTLS and AUTH; Debian's dovecot for IMAP, with STARTTLS and
IMAPS), certificates from a throwaway CA, and a real `switchboard serve` that trusts that CA
(SWITCHBOARD_MAIL_CA_FILE) and checks mail every second.

Environment:
    SWITCHBOARD_BIN   the server binary (default: .build/debug/switchboard of this checkout)
"""

from __future__ import annotations

import email
import email.policy
import imaplib
import os
import pwd
import secrets
import shutil
import signal
import tempfile
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
                        extra_env={"SWITCHBOARD_MAIL_CA_FILE": str(certificates / "ca.pem"), "SWITCHBOARD_IMAP_POLL_SECONDS": "1"}) as srv:
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


class Dovecot:
    """A private dovecot: one user whose mail the tests put in with APPEND and read back."""

    user, password = "desk", "imap-" + secrets.token_urlsafe(8)

    def __init__(self, root: Path, certificates: Path):
        self.root = root
        self.ca = certificates / "ca.pem"
        self.port, self.tls_port = free_port(), free_port()
        if os.geteuid() == 0:
            # dovecot will not log in or keep mail as root: its own users do that.
            login, internal = "dovenull", "dovecot"
            mail = pwd.getpwnam("dovecot")
        else:
            login = internal = pwd.getpwuid(os.getuid()).pw_name
            mail = pwd.getpwuid(os.getuid())
        home = root / "home"
        home.mkdir()
        os.chown(home, mail.pw_uid, mail.pw_gid)
        for name in ("server.pem", "server.key"):
            shutil.copy(certificates / name, root / name)
        (root / "users").write_text(f"{self.user}:{{PLAIN}}{self.password}:{mail.pw_uid}:{mail.pw_gid}::{home}\n")
        (root / "dovecot.conf").write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{root}/server.pem
ssl_key = <{root}/server.key
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_login_user = {login}
default_internal_user = {internal}
default_internal_group = {internal}
first_valid_uid = {mail.pw_uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  mailbox Done {{
    auto = create
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
""")
        self.process = subprocess.Popen(["dovecot", "-F", "-c", str(root / "dovecot.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                imaplib.IMAP4("127.0.0.1", self.port).logout()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("dovecot did not start: " + (root / "dovecot.log").read_text(errors="replace")[-2000:])

    def connect(self) -> imaplib.IMAP4:
        m = imaplib.IMAP4("127.0.0.1", self.port)
        m.starttls(ssl_context=ssl.create_default_context(cafile=str(self.ca)))
        m.login(self.user, self.password)
        return m

    def append(self, raw: str, folder: str = "INBOX") -> None:
        m = self.connect()
        m.append(folder, None, None, raw.encode())
        m.logout()

    def flags(self, folder: str = "INBOX") -> list[str]:
        """The flags of every message in `folder`, in order."""
        m = self.connect()
        count = int(m.select(folder, readonly=True)[1][0])
        data = m.fetch("1:*", "(FLAGS)")[1] if count else []
        m.logout()
        return [d.decode() for d in data if d]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def dovecot(certificates):
    if not shutil.which("dovecot"):
        pytest.fail("dovecot is missing: apt-get install -y dovecot-imapd (scripts/test installs it)")
    # Under /tmp with open permissions: dovecot's own users must reach it.
    root = Path(tempfile.mkdtemp(prefix="sb-dovecot-", dir="/tmp"))
    root.chmod(0o755)
    server = Dovecot(root, certificates)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)
