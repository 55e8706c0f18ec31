"""Deployment checks: `mutualaid serve --workers N`, the scheduler beside it, and backups,
run as an operator would run them (real subprocesses on 127.0.0.1, real databases)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx2

from mutualaid.settings import SECRET_NAMES, Settings
from tests import live_server

ROOT = Path(__file__).resolve().parents[2]
STARTED = "Application startup complete"
#: A worker under the shared test machine's load can take a while to import the app.
START_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_environment(settings: Settings) -> dict[str, str]:
    """What an operator would export, with the test's own secrets and cheap argon2id."""
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "MUTUALAID_ENVIRONMENT": "test",
        "MUTUALAID_KEY_FILE": str(settings.key_file),
        "MUTUALAID_ARGON2_MEMORY_KIB": str(settings.argon2_memory_kib),
        "MUTUALAID_ARGON2_TIME_COST": str(settings.argon2_time_cost),
        "MUTUALAID_ARGON2_PARALLELISM": str(settings.argon2_parallelism),
        "MUTUALAID_POSTS_PER_CLIENT_PER_HOUR": "1000",
        "MUTUALAID_HEALTHZ_NAMES_WORKER": "true",
        "PYTHONUNBUFFERED": "1",
    }
    for name in SECRET_NAMES:
        value = getattr(settings, name)
        env[f"MUTUALAID_{name.upper()}"] = value.get_secret_value()
    env.pop("MUTUALAID_TEST_POSTGRES_URL", None)
    return env


@dataclass
class Server:
    """`mutualaid serve --workers N` running in the background, its output in a file."""

    origin: str
    process: subprocess.Popen[bytes]
    log_file: Path
    workers: int
    extra: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")

    def worker_of(self, client: httpx2.Client) -> int:
        """Which worker serves this client's connection (kept alive between requests)."""
        answer = client.get("/healthz").json()
        return int(answer["worker"])

    def connection(self, *, cookies: httpx2.Cookies | None = None) -> httpx2.Client:
        """A new connection: the kernel hands it to one of the workers."""
        return httpx2.Client(base_url=self.origin, cookies=cookies, timeout=30)

    def connection_to(
        self, wanted: int | None = None, *, avoid: int | None = None, cookies: httpx2.Cookies
    ) -> tuple[httpx2.Client, int]:
        """A connection served by the worker `wanted` (or by any worker but `avoid`)."""
        for _ in range(200):
            client = self.connection(cookies=cookies)
            pid = self.worker_of(client)
            if (wanted is None or pid == wanted) and pid != avoid:
                return client, pid
            client.close()
        raise AssertionError("the same worker answered every new connection")

    def stop(self) -> None:
        for process in [*self.extra, self.process]:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [*self.extra, self.process]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def start_server(env: dict[str, str], log_file: Path, *, workers: int) -> Server:
    port = free_port()
    # --demo: areas and categories to post into, loaded once by the parent.
    process = live_server.start_server(port, env, log_file, "--workers", str(workers), "--demo")
    server = Server(f"http://127.0.0.1:{port}", process, log_file, workers)
    deadline = time.monotonic() + START_SECONDS
    while server.log().count(STARTED) < workers:
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise AssertionError("mutualaid serve didn't start its workers:\n" + _tail(server))
        time.sleep(0.2)
    return server


def _tail(server: Server) -> str:
    # The server's own log: events and ids only (privacy promise 2), never people's words.
    return "\n".join(server.log().splitlines()[-30:])


def start_scheduler(env: dict[str, str], log_file: Path) -> subprocess.Popen[bytes]:
    with log_file.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "mutualaid", "scheduler"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_for(text: str, log_file: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while text not in log_file.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"never printed {text!r}")
        time.sleep(0.2)


TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
FORM_ID = re.compile(r'name="form_id" value="([^"]+)"')


def form_fields(page: str) -> dict[str, str]:
    """The hidden fields a page's form carries (CSRF token, and the form's id if any)."""
    token = TOKEN.search(page)
    assert token, "page has no CSRF token"
    fields = {"csrf_token": token.group(1)}
    form_id = FORM_ID.search(page)
    if form_id:
        fields["form_id"] = form_id.group(1)
    return fields
