"""The `switchboard` command line, run as a user would: every command's --help, first start,
user and token creation, the demo seed, audit verification, on a fresh SQLite data directory and
(when SWITCHBOARD_TEST_POSTGRES_URL is set) on a fresh PostgreSQL database."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverctl import fresh_postgres_database  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BIN = os.environ.get("SWITCHBOARD_BIN", str(REPO / ".build/debug/switchboard"))


def run(data: Path, *args: str, check: bool = True, timeout: int = 600, database_url: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, SWITCHBOARD_DATA=str(data), LOG_LEVEL="notice")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    proc = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.mark.parametrize("command", [[], ["serve"], ["migrate"], ["user"], ["user", "create"], ["user", "reset-password"],
                                     ["token"], ["token", "create"], ["seed"], ["audit"], ["audit", "verify"]])
def test_every_command_has_help(tmp_path, command):
    out = run(tmp_path, *command, "--help")
    assert "Usage" in out.stdout or "usage" in out.stdout.lower(), out.stdout


def test_first_start_creates_workspace_and_prints_how_to_sign_in(tmp_path):
    port = free_port()
    # Even where the log shows only errors, the first admin's password is said
    env = dict(os.environ, SWITCHBOARD_DATA=str(tmp_path / "data"), LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([BIN, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_healthy(port)
        assert (tmp_path / "data" / "switchboard.sqlite").exists()
        proc.terminate()
        output, _ = proc.communicate(timeout=30)
        assert proc.returncode == 0, output
        password = re.search(r"Sign in as admin@example\.com with the password: (\S+)", output)
        assert password, output
        # The printed password really signs in, on the next start
        proc = subprocess.Popen([BIN, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_healthy(port)
        r = requests.post(f"http://127.0.0.1:{port}/api/v1/session", json={"email": "admin@example.com", "password": password.group(1)})
        assert r.status_code == 201, r.text
        wal = sqlite3.connect(tmp_path / "data" / "switchboard.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
        assert wal == "wal"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_json_logs_are_one_object_a_line(tmp_path):
    port = free_port()
    env = dict(os.environ, SWITCHBOARD_DATA=str(tmp_path / "data"), LOG_FORMAT="json", LOG_LEVEL="info")
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([BIN, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_healthy(port)
        requests.get(f"http://127.0.0.1:{port}/api/v1/tickets")  # 401, logged
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=30)
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines, output
    for line in lines:
        entry = json.loads(line)
        assert {"time", "level", "label", "message"} <= entry.keys(), line
    assert any("admin@example.com" in json.loads(line)["message"] for line in lines)


def test_user_token_and_audit_commands(tmp_path):
    out = run(tmp_path, "user", "create", "--email", "Olena@Example.com", "--name", "Олена", "--role", "senior_agent",
              "--password", "long-enough-pw", "--title", "Support Hero").stdout
    assert "olena@example.com" in out
    bad = run(tmp_path, "user", "create", "--email", "x@example.com", "--name", "X", "--role", "overlord", check=False)
    assert bad.returncode != 0 and "role" in (bad.stdout + bad.stderr)
    token = run(tmp_path, "token", "create", "--user", "olena@example.com").stdout.strip().splitlines()[-1]
    assert token.startswith("sb_")
    reset = run(tmp_path, "user", "reset-password", "--email", "olena@example.com").stdout
    assert "New password" in reset
    assert "intact" in run(tmp_path, "audit", "verify").stdout
    # Altering a stored event is named by its sequence number
    db = sqlite3.connect(tmp_path / "switchboard.sqlite")
    db.execute("UPDATE audit_events SET after_state = '{}' WHERE seq = 2")
    db.commit()
    db.close()
    broken = run(tmp_path, "audit", "verify", check=False)
    assert broken.returncode != 0
    assert "event 2" in broken.stdout + broken.stderr


def test_seed_demo_loads_a_realistic_workspace(tmp_path):
    out = run(tmp_path, "seed", "--demo", "--password", "demo-password-1", timeout=900).stdout
    assert "2000 tickets" in out and "300 contacts" in out and "40 organizations" in out
    db = sqlite3.connect(tmp_path / "switchboard.sqlite")
    assert db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == 2000
    assert db.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 9  # the first admin and 8 demo staff
    assert db.execute("SELECT COUNT(DISTINCT locale) FROM contacts").fetchone()[0] == 5
    assert db.execute("SELECT COUNT(*) FROM teams WHERE name IN ('Support','Billing','Technical','Sales')").fetchone()[0] == 4
    again = run(tmp_path, "seed", "--demo", check=False)
    assert again.returncode != 0 and "empty" in again.stdout + again.stderr
    assert "intact" in run(tmp_path, "audit", "verify").stdout


@pytest.fixture
def postgres_url():
    admin_url = os.environ.get("SWITCHBOARD_TEST_POSTGRES_URL")
    if not admin_url:
        pytest.skip("SWITCHBOARD_TEST_POSTGRES_URL is not set")
    with fresh_postgres_database(admin_url, "sb_cli") as url:
        yield url


def psql(url: str, sql: str) -> str:
    return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qtA", "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def test_user_token_audit_and_seed_commands_on_postgres(tmp_path, postgres_url):
    def pg(*args: str, check: bool = True, timeout: int = 600) -> subprocess.CompletedProcess:
        return run(tmp_path, *args, check=check, timeout=timeout, database_url=postgres_url)

    out = pg("seed", "--demo", "--password", "demo-password-1", timeout=900).stdout
    assert "2000 tickets" in out and "300 contacts" in out and "40 organizations" in out
    assert psql(postgres_url, "SELECT COUNT(*) FROM tickets") == "2000"
    assert psql(postgres_url, "SELECT COUNT(DISTINCT locale) FROM contacts") == "5"
    assert "olena@example.com" in pg("user", "create", "--email", "Olena@Example.com", "--name", "Олена", "--role", "agent",
                                     "--password", "long-enough-pw").stdout
    assert pg("token", "create", "--user", "olena@example.com").stdout.strip().splitlines()[-1].startswith("sb_")
    assert "New password" in pg("user", "reset-password", "--email", "olena@example.com").stdout
    assert "intact" in pg("audit", "verify").stdout
    # An altered event is named
    psql(postgres_url, "UPDATE audit_events SET after_state = '{}' WHERE seq = 5")
    broken = pg("audit", "verify", check=False)
    assert broken.returncode != 0 and "event 5" in broken.stdout + broken.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int) -> None:
    for _ in range(600):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise AssertionError("server did not become healthy")
