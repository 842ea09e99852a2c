"""Fixtures for the API contract tests: a real `switchboard serve` on SQLite, and again on PostgreSQL.

Environment:
    SWITCHBOARD_BIN                 the server binary (default: .build/debug/switchboard of this checkout)
    SWITCHBOARD_TEST_POSTGRES_URL   postgres://user@host:port/db; when set, every test also runs on a
                                    fresh database created there
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import REPO, Server, fresh_postgres_database, running_server  # noqa: E402

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "contract-test-" + secrets.token_urlsafe(12)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request, tmp_path_factory):
    """A running server with a fresh database; stopped with SIGTERM afterwards, which must exit 0."""
    backend = request.param
    data = tmp_path_factory.mktemp(f"switchboard-{backend}")
    with contextlib.ExitStack() as stack:
        database_url = None
        if backend == "postgres":
            pg_admin_url = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")
            if not pg_admin_url:
                pytest.skip("SWITCHBOARD_TEST_POSTGRES_URL is not set")
            database_url = stack.enter_context(fresh_postgres_database(pg_admin_url, "sb_contract"))
        yield stack.enter_context(running_server(backend, data, ADMIN_EMAIL, ADMIN_PASSWORD, database_url))
