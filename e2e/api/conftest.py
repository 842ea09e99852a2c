"""Fixtures for the API contract tests: a real `switchboard serve` on SQLite, and again on PostgreSQL.

Environment:
    SWITCHBOARD_BIN                 the server binary (default: .build/debug/switchboard of this checkout)
    SWITCHBOARD_TEST_POSTGRES_URL   postgres://user@host:port/db; when set, every test also runs on a
                                    fresh database created there
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import REPO, Server, running_server  # noqa: E402

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "contract-test-" + secrets.token_urlsafe(12)


def _with_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _psql(url: str, sql: str) -> None:
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], check=True, capture_output=True, text=True)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request, tmp_path_factory):
    """A running server with a fresh database; stopped with SIGTERM afterwards, which must exit 0."""
    backend = request.param
    data = tmp_path_factory.mktemp(f"switchboard-{backend}")
    pg_admin_url = database = None
    database_url = None
    if backend == "postgres":
        pg_admin_url = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")
        if not pg_admin_url:
            pytest.skip("SWITCHBOARD_TEST_POSTGRES_URL is not set")
        database = "sb_contract_" + secrets.token_hex(6)
        _psql(pg_admin_url, f"CREATE DATABASE {database}")
        database_url = _with_database(pg_admin_url, database)
    try:
        with running_server(backend, data, ADMIN_EMAIL, ADMIN_PASSWORD, database_url) as srv:
            yield srv
    finally:
        if database and pg_admin_url:
            try:
                _psql(pg_admin_url, f"DROP DATABASE IF EXISTS {database}")
            except subprocess.CalledProcessError:
                pass
