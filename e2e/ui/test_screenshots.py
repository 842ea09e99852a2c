"""The README's screenshots, taken from the demo workspace (`switchboard seed --demo`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import binary, running_server  # noqa: E402

from conftest import SCREENSHOTS, sign_in

DEMO_PASSWORD = "demo-password-1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data = tmp_path_factory.mktemp("switchboard-demo")
    env = {**os.environ, "SWITCHBOARD_DATA": str(data), "SWITCHBOARD_ADMIN_PASSWORD": "demo-admin-password-1"}
    env.pop("DATABASE_URL", None)
    out = subprocess.run([binary(), "seed", "--demo", "--password", DEMO_PASSWORD], env=env, cwd=data,
                         capture_output=True, text=True, timeout=600, check=True).stdout
    agent = re.search(r"^\s+(\S+@\S+)\s+agent\b", out, re.MULTILINE).group(1)
    with running_server("sqlite", data, "admin@example.com", "demo-admin-password-1") as srv:
        yield srv, agent


def test_screenshots_of_the_demo_workspace(browser, demo):
    server, agent = demo
    ctx = browser.new_context(base_url=server.base_url, viewport={"width": 1360, "height": 860}, locale="en-US")
    page = ctx.new_page()
    sign_in(page, agent, DEMO_PASSWORD)
    page.goto("/inbox?view=all_open")
    assert page.locator("table.tickets tbody tr").count() == 50
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "inbox.png"))
    # The ticket with the longest conversation on the first page
    links = page.locator("table.tickets tbody td.subject a")
    best, most = None, 0
    for i in range(min(links.count(), 20)):
        href = links.nth(i).get_attribute("href")
        page.goto(href)
        n = page.locator("ol.timeline li").count()
        if n > most:
            best, most = href, n
        page.go_back()
    page.goto(best)
    assert most >= 2
    page.screenshot(path=str(SCREENSHOTS / "ticket.png"), full_page=False)
    ctx.close()
