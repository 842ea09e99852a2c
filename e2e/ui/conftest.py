"""Fixtures for the browser tests: a real server (SQLite, or PostgreSQL), an API client to set up data, and
headless Chromium (Debian's, driven by Playwright from PyPI).

Environment:
    SWITCHBOARD_BIN   the server binary (default: .build/debug/switchboard of this checkout)
    CHROMIUM          the browser (default: /usr/bin/chromium)
    SWITCHBOARD_UI_BACKEND          sqlite (default) or postgres: then the server runs on a fresh
                                    database on SWITCHBOARD_TEST_POSTGRES_URL's server
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path

import pytest
import requests
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import REPO, fresh_postgres_database, running_server  # noqa: E402

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "ui-test-" + secrets.token_urlsafe(12)
SCREENSHOTS = REPO / "docs" / "screenshots"


class Api:
    """The JSON API as a signed-in browser session would use it (cookie plus CSRF header)."""

    def __init__(self, base_url: str, email: str, password: str):
        self.base_url = base_url
        self.http = requests.Session()
        r = self.http.post(base_url + "/api/v1/session", json={"email": email, "password": password}, timeout=10)
        r.raise_for_status()
        self.user = r.json()["user"]
        self.http.headers["X-CSRF-Token"] = r.json()["csrf_token"]

    def post(self, path: str, body: dict) -> dict:
        r = self.http.post(self.base_url + "/api/v1" + path, json=body, timeout=10)
        assert r.status_code in (200, 201), r.text
        return r.json()

    def patch(self, path: str, body: dict) -> dict:
        r = self.http.patch(self.base_url + "/api/v1" + path, json=body, timeout=10)
        assert r.status_code == 200, r.text
        return r.json()

    def get(self, path: str) -> dict:
        r = self.http.get(self.base_url + "/api/v1" + path, timeout=10)
        assert r.status_code == 200, r.text
        return r.json()

    def ticket(self, subject: str, body: str = "Hello, it does not work.", email: str | None = None, **extra) -> dict:
        email = email or f"customer-{secrets.token_hex(4)}@example.com"
        return self.post("/tickets", {"subject": subject, "body": body, "requester": {"email": email, "name": "Olena Kovalenko"}, **extra})


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    backend = os.environ.get("SWITCHBOARD_UI_BACKEND", "sqlite")
    with contextlib.ExitStack() as stack:
        database_url = None
        if backend == "postgres":
            database_url = stack.enter_context(fresh_postgres_database(os.environ["SWITCHBOARD_TEST_POSTGRES_URL"], "sb_ui"))
        # A 1 MB attachment limit, so the over-the-limit test stays small.
        yield stack.enter_context(running_server(
            backend, tmp_path_factory.mktemp("switchboard-ui"), ADMIN_EMAIL, ADMIN_PASSWORD, database_url,
            extra_env={"SWITCHBOARD_MAX_ATTACHMENT_MB": "1"}))


@pytest.fixture(scope="session")
def api(server) -> Api:
    return Api(server.base_url, ADMIN_EMAIL, ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True)
        yield b
        b.close()


@pytest.fixture
def context(browser, server):
    ctx = browser.new_context(base_url=server.base_url, viewport={"width": 1280, "height": 800}, locale="en-US")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    p = context.new_page()
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs
    yield p


def sign_in(page, email: str = ADMIN_EMAIL, password: str = ADMIN_PASSWORD, start: str = "/inbox") -> None:
    page.goto(start)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)


@pytest.fixture
def signed_in(page):
    sign_in(page)
    return page
