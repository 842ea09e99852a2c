"""axe-core (axe-playwright-python from PyPI) on every main page: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()


def serious(page) -> list[str]:
    results = AXE.run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_sign_in_page(page):
    page.goto("/sign-in")
    assert serious(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_inbox_and_ticket_pages(signed_in, api, scheme):
    page = signed_in
    page.emulate_media(color_scheme=scheme)
    ticket = api.ticket("Accessibility check ticket", body="The screen reader skips the total.")
    api.post(f"/tickets/{ticket['id']}/messages", {"body": "Internal: reproduced on NVDA.", "visibility": "internal"})
    page.goto("/inbox?view=all_open")
    assert serious(page) == []
    page.goto(f"/tickets/{ticket['id']}")
    assert serious(page) == []


def test_the_check_itself_catches_a_violation(page):
    page.set_content("<html lang=en><body><main><img src='data:,x'><input type=text></main></body></html>")
    found = serious(page)
    assert any(v.startswith("image-alt") for v in found) and any(v.startswith("label") for v in found)
