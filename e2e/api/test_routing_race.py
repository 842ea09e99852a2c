"""Two server processes on one PostgreSQL database, both routing: tickets created through both at
once are each assigned exactly once, evenly, in turn.

Run:  SWITCHBOARD_TEST_POSTGRES_URL=postgres://… python3 -m pytest e2e/api/test_routing_race.py -v
"""

from __future__ import annotations

import collections
import contextlib
import os
import secrets
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import fresh_postgres_database, running_server  # noqa: E402

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "race-test-" + secrets.token_urlsafe(12)
AGENTS = 10
TICKETS = 300


def session(base_url: str, email: str, password: str) -> requests.Session:
    s = requests.Session()
    r = s.post(base_url + "/api/v1/session", json={"email": email, "password": password}, timeout=10)
    r.raise_for_status()
    s.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return s


def test_two_instances_never_assign_a_ticket_twice(tmp_path):
    admin_url = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")
    if not admin_url:
        pytest.skip("SWITCHBOARD_TEST_POSTGRES_URL is not set")
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(fresh_postgres_database(admin_url, "sb_race"))
        # The first migrates and creates the workspace; the second joins it.
        (tmp_path / "one").mkdir()
        (tmp_path / "two").mkdir()
        one = stack.enter_context(running_server("postgres", tmp_path / "one", ADMIN_EMAIL, ADMIN_PASSWORD, url))
        two = stack.enter_context(running_server("postgres", tmp_path / "two", ADMIN_EMAIL, ADMIN_PASSWORD, url))
        api_one = session(one.base_url, ADMIN_EMAIL, ADMIN_PASSWORD)
        api_two = session(two.base_url, ADMIN_EMAIL, ADMIN_PASSWORD)

        # Given ten agents online in a round-robin team, and nobody else
        agents = []
        for i in range(AGENTS):
            r = api_one.post(one.base_url + "/api/v1/users", json={"email": f"agent{i}@example.com", "name": f"Agent {i}", "role": "agent",
                                                                   "password": "agent-password-1"}, timeout=10)
            assert r.status_code == 201, r.text
            agents.append(r.json()["id"])
            r = api_one.put(one.base_url + f"/api/v1/users/{agents[-1]}/availability", json={"availability": "online"}, timeout=10)
            assert r.status_code == 200, r.text
        r = api_one.post(one.base_url + "/api/v1/teams", json={"name": "Front line", "member_ids": agents, "assignment": "round_robin"}, timeout=10)
        assert r.status_code == 201, r.text
        team = r.json()["id"]

        # When tickets pour in through both servers at once
        def create(i: int) -> int:
            api, server = (api_one, one) if i % 2 == 0 else (api_two, two)
            r = api.post(server.base_url + "/api/v1/tickets", json={"subject": f"Race {i}", "body": "Help", "team_id": team,
                                                                    "requester": {"email": f"c{i}@example.com"}}, timeout=30)
            assert r.status_code == 201, r.text
            return r.json()["id"]

        with ThreadPoolExecutor(max_workers=16) as pool:
            ids = list(pool.map(create, range(TICKETS)))

        # Then both routers assign them all …
        deadline = time.monotonic() + 90
        while True:
            r = api_two.get(two.base_url + "/api/v1/tickets", params={"team": team, "assignee": "none", "limit": 1, "count": "true"}, timeout=10)
            if r.json()["count"] == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert r.json()["count"] == 0, "tickets left unassigned"

        # … each exactly once (one system change of the assignee per ticket in the audit log) …
        per_agent = collections.Counter()
        for ticket in ids:
            events = api_one.get(one.base_url + "/api/v1/audit", params={"entity": "ticket", "entity_id": ticket, "action": "updated"},
                                 timeout=10).json()["items"]
            by_router = [e for e in events if e["actor_kind"] == "system"]
            assert len(by_router) == 1, f"ticket {ticket} was assigned {len(by_router)} times"
            per_agent[api_one.get(one.base_url + f"/api/v1/tickets/{ticket}", timeout=10).json()["assignee_id"]] += 1
        # … and evenly: 300 tickets over 10 agents in turn
        assert set(per_agent) == set(agents)
        assert max(per_agent.values()) - min(per_agent.values()) <= 1, per_agent
