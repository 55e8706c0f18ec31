"""A real `mutualaid serve` on 127.0.0.1, started the way an operator starts it.

Shared by the browser journeys (tests/browser) and the dynamic scans (tests/scans): both
need the app as a separate process on a free loopback port, over a fresh database, and
both must fail with the server's own log when it does not come up.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import PG_ADMIN_URL

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SERVER_START_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _pg_admin_async(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def pg_admin(sql: str) -> None:
    """Run one admin statement. In a thread of its own: sync Playwright, once started, keeps
    an event loop marked as running in this thread, so asyncio.run() would refuse here."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _pg_admin_async(sql)).result(timeout=60)


def run_cli(args: list[str], env: dict[str, str], log: Path, stdin: str | None = None) -> None:
    """`mutualaid ARGS` to completion, its output appended to `log`; the test fails if it does."""
    with log.open("a") as out:
        done = subprocess.run(
            [sys.executable, "-m", "mutualaid", *args],
            cwd=PROJECT_ROOT,
            env=env,
            input=stdin.encode() if stdin is not None else None,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=False,
        )
    if done.returncode != 0:
        pytest.fail(f"`mutualaid {args[0]}` failed:\n{log.read_text()[-3000:]}")


def start_server(
    port: int, env: dict[str, str], log: Path, *options: str
) -> subprocess.Popen[bytes]:
    """`mutualaid serve [options]` on 127.0.0.1:PORT, its output appended to `log`."""
    with log.open("a") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mutualaid",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                *options,
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_until_healthy(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (local http)
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    pytest.fail(f"the server did not become healthy:\n{log.read_text()[-3000:]}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)
