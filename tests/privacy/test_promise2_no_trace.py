"""Privacy promise 2: no trace of a visit (address, browser, referrer) and coarse times."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import httpx2
import pytest
import time_machine

from mutualaid.storage.models import Need
from tests.conftest import CANARY_CLIENT, Database, post_form, post_need
from tests.privacy.conftest import canary, stored_text_contains


async def test_no_address_user_agent_or_referrer_is_stored_or_logged(
    client: httpx2.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    referrer = f"https://{canary('ref').lower()}.example/"
    forwarded = "127.99.88.77"
    client.headers.update({"Referer": referrer, "X-Forwarded-For": forwarded})
    codename = await post_need(client)
    await post_form(client, "/check", {"codename": codename})
    await post_form(client, "/check/message", {"codename": codename, "body": "hello"})
    for needle in (CANARY_CLIENT[0], "CANARY-UA-7f3a", referrer, forwarded):
        assert not await stored_text_contains(db, needle)
        assert needle not in caplog.text


async def test_times_about_people_are_kept_to_the_hour(
    client: httpx2.AsyncClient, db: Database
) -> None:
    with time_machine.travel(datetime(2026, 11, 21, 13, 37, 42, tzinfo=UTC), tick=False):
        codename = await post_need(client)
        await post_form(client, "/check/message", {"codename": codename, "body": "hi"})
    need = await Need.first().prefetch_related("messages")
    for moment in (need.created_at, need.last_activity_at, *[m.created_at for m in need.messages]):
        assert (moment.minute, moment.second, moment.microsecond) == (0, 0, 0)
        assert moment.hour == 13


async def test_ids_in_urls_are_random_128_bit_values(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await post_need(client)
    await post_need(client)
    ids = [need.id for need in await Need.all()]
    assert len(set(ids)) == 2
    assert all(need_id.int.bit_length() > 64 for need_id in ids)
    assert abs(ids[0].int - ids[1].int) > 2**64  # nothing sequential about them


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_real_server_writes_no_access_log_and_no_banner(tmp_path: Path) -> None:
    """Requirement R1, test B: run `mutualaid serve` as deployed and read what it prints."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite://{tmp_path}/db.sqlite3",
        "MUTUALAID_KEY_FILE": str(tmp_path / "keys"),
    }
    env.pop("MUTUALAID_TEST_POSTGRES_URL", None)
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "mutualaid", "serve", "--port", str(port), "--demo"],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
        )
        try:
            headers = {}
            for _ in range(100):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as resp:
                        headers = dict(resp.headers)
                        break
                except OSError:
                    time.sleep(0.1)
            for path in ("/", "/ask", "/nope", "/check"):
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    output = log_path.read_text()
    assert "Application startup complete" in output  # the log is really being captured
    assert "server" not in {k.lower() for k in headers}
    assert not re.search(r"127\.0\.0\.1:\d+ -", output)  # uvicorn's access-log shape
    assert '"GET ' not in output and "/nope" not in output
