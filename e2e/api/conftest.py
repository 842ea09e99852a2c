"""Fixtures for the API contract tests: a real `switchboard serve` on SQLite, and again on PostgreSQL.

Environment:
    SWITCHBOARD_BIN                 the server binary (default: .build/debug/switchboard of this checkout)
    SWITCHBOARD_TEST_POSTGRES_URL   postgres://user@host:port/db; when set, every test also runs on a
                                    fresh database created there
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "contract-test-" + secrets.token_urlsafe(12)
STARTUP_TIMEOUT = 120.0
SHUTDOWN_TIMEOUT = 30.0


@dataclass
class Server:
    backend: str
    base_url: str
    admin_email: str
    admin_password: str
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _with_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _psql(url: str, sql: str) -> None:
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], check=True, capture_output=True, text=True)


def _wait_until_healthy(proc: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode} before it was healthy:\n{log_path.read_text(errors='replace')}")
        try:
            r = requests.get(base_url + "/healthz", timeout=2)
            if r.status_code == 200 and r.json().get("status") == "ok":
                return
        except requests.RequestException as e:
            last_error = e
        time.sleep(0.1)
    raise RuntimeError(f"the server was not healthy after {STARTUP_TIMEOUT}s ({last_error}):\n{log_path.read_text(errors='replace')}")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request, tmp_path_factory):
    """A running server with a fresh database; stopped with SIGTERM afterwards, which must exit 0."""
    backend = request.param
    binary = os.environ.get("SWITCHBOARD_BIN") or str(REPO / ".build" / "debug" / "switchboard")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no server binary at {binary} (build it, or set SWITCHBOARD_BIN)")

    data = tmp_path_factory.mktemp(f"switchboard-{backend}")
    env = {
        **os.environ,
        "SWITCHBOARD_DATA": str(data),
        "SWITCHBOARD_ADMIN_EMAIL": ADMIN_EMAIL,
        "SWITCHBOARD_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    env.pop("DATABASE_URL", None)
    pg_admin_url = database = None
    if backend == "postgres":
        pg_admin_url = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")
        if not pg_admin_url:
            pytest.skip("SWITCHBOARD_TEST_POSTGRES_URL is not set")
        database = "sb_contract_" + secrets.token_hex(6)
        _psql(pg_admin_url, f"CREATE DATABASE {database}")
        env["DATABASE_URL"] = _with_database(pg_admin_url, database)

    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = data / "server.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=data,
    )
    try:
        _wait_until_healthy(proc, base_url, log_path)
        yield Server(backend, base_url, ADMIN_EMAIL, ADMIN_PASSWORD, log_path)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = None
        log.close()
        if database and pg_admin_url:
            try:
                _psql(pg_admin_url, f"DROP DATABASE IF EXISTS {database}")
            except subprocess.CalledProcessError:
                pass
    tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-30:])
    assert code is not None, f"the server did not stop within {SHUTDOWN_TIMEOUT}s of SIGTERM:\n{tail}"
    assert code == 0, f"the server exited with {code} on SIGTERM (expected a clean 0):\n{tail}"
