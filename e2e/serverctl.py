"""Starting and stopping a real `switchboard serve` for the end-to-end tests."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
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


def binary() -> str:
    path = os.environ.get("SWITCHBOARD_BIN") or str(REPO / ".build" / "debug" / "switchboard")
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"no server binary at {path} (build it, or set SWITCHBOARD_BIN)")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


@contextlib.contextmanager
def running_server(backend: str, data: Path, admin_email: str, admin_password: str, database_url: str | None = None,
                   extra_env: dict | None = None):
    """Yields a healthy server on 127.0.0.1; on exit sends SIGTERM and checks it exits 0."""
    env = {**os.environ, "SWITCHBOARD_DATA": str(data), "SWITCHBOARD_ADMIN_EMAIL": admin_email,
           "SWITCHBOARD_ADMIN_PASSWORD": admin_password, **(extra_env or {})}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = data / "server.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen([binary(), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=data)
    code = None
    try:
        _wait_until_healthy(proc, base_url, log_path)
        yield Server(backend, base_url, admin_email, admin_password, log_path)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-30:])
    assert code is not None, f"the server did not stop within {SHUTDOWN_TIMEOUT}s of SIGTERM:\n{tail}"
    assert code == 0, f"the server exited with {code} on SIGTERM (expected a clean 0):\n{tail}"


@contextlib.contextmanager
def fresh_postgres_database(admin_url: str, prefix: str):
    """Yields the URL of a new database on the server of `admin_url`; drops it afterwards."""
    name = prefix + "_" + secrets.token_hex(6)
    _psql(admin_url, f"CREATE DATABASE {name}")
    parts = urllib.parse.urlsplit(admin_url)
    try:
        yield urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
    finally:
        try:
            _psql(admin_url, f"DROP DATABASE IF EXISTS {name}")
        except subprocess.CalledProcessError:
            pass


def _psql(url: str, sql: str) -> None:
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], check=True, capture_output=True, text=True)
