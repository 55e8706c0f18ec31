"""`mutualaid serve --workers 2`: sessions, CSRF tokens and scheduled jobs across processes.

On PostgreSQL (its pass only) one server with two workers and a `mutualaid scheduler` beside
it serves every test in this module; a test proves which worker answered by asking
/healthz on the same kept-alive connection (the test-only `healthz_names_worker` setting).
On SQLite (its pass only): two workers start, serve, and the migrations ran once.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx2
import pyotp
import pytest

from jobs import JOBS
from mutualaid.settings import Settings
from mutualaid.storage.db import start_storage, stop_storage
from mutualaid.storage.migrate import MIGRATIONS_DIR
from tests.conftest import (
    PG_ADMIN_URL,
    STAFF_PASSWORD,
    _pg_admin,
    make_settings,
    need_form,
    pg_database_url,
)
from tests.deploy.conftest import (
    Server,
    form_fields,
    server_environment,
    start_scheduler,
    start_server,
    wait_for,
)

T = TypeVar("T")
MIGRATIONS = len(list(MIGRATIONS_DIR.glob("models/*.py")))
CODENAME = re.compile(r'<p class="codename" id="codename" lang="en">([a-z -]+)</p>')
JOB_RAN = re.compile(r"mutualaid\.jobs: job ([a-z-]+): (?!skipped)")


def in_database(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    """Run some async work against the server's database from this (sync) test."""

    async def run() -> T:
        await start_storage(settings.database_url, settings.secret("encryption_key"))
        try:
            return await work()
        finally:
            await stop_storage()

    return asyncio.run(run())


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Settings]]:
    if not PG_ADMIN_URL:
        pytest.skip("several workers on PostgreSQL: checked in the PostgreSQL pass")
    name = f"mutualaid_workers_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    data = tmp_path_factory.mktemp("workers")
    settings = make_settings(data, database_url=pg_database_url(PG_ADMIN_URL, name))
    env = server_environment(settings)
    try:
        server = start_server(env, data / "server.log", workers=2)
        # Started once the migrations are in (the operator's order: migrate, then the rest).
        server.extra.append(start_scheduler(env, data / "scheduler.log"))
        try:
            yield server, settings
        finally:
            server.stop()
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_a_form_from_one_worker_is_accepted_by_the_other(
    pg_server: tuple[Server, Settings],
) -> None:
    server, _ = pg_server
    first, first_pid = server.connection_to(cookies=httpx2.Cookies())
    with contextlib.closing(first):
        fields = form_fields(first.get("/ask").text)
        cookies = first.cookies
    second, second_pid = server.connection_to(avoid=first_pid, cookies=cookies)
    with contextlib.closing(second):
        forged = second.post("/ask", data={**need_form(), **fields, "csrf_token": "0" * 64})
        posted = second.post("/ask", data={**need_form(), **fields})
    assert first_pid != second_pid
    assert forged.status_code == 403  # the check is real on the other worker too
    assert posted.status_code == 200
    assert CODENAME.search(posted.text)


def test_a_staff_session_from_one_worker_works_on_the_other(
    pg_server: tuple[Server, Settings],
) -> None:
    server, settings = pg_server
    username, secret = "night-coordinator", pyotp.random_base32()

    async def coordinator() -> None:
        from mutualaid.domain.staff import Role
        from mutualaid.services.staff import Passwords, create_staff

        passwords = Passwords(memory_kib=64, time_cost=1, parallelism=1)
        await create_staff(
            passwords,
            username=username,
            password=STAFF_PASSWORD,
            role=Role.COORDINATOR,
            totp_secret=secret,
        )

    in_database(settings, coordinator)
    first, signed_in_on = server.connection_to(cookies=httpx2.Cookies())
    with contextlib.closing(first):
        login = form_fields(first.get("/staff/login").text)
        password_step = first.post(
            "/staff/login",
            data={**login, "username": username, "password": STAFF_PASSWORD},
            follow_redirects=True,
        )
        code_step = first.post(
            "/staff/login/code",
            data={**form_fields(password_step.text), "code": pyotp.TOTP(secret).now()},
            follow_redirects=True,
        )
        assert code_step.status_code == 200 and code_step.url.path != "/staff/login"
        cookies = first.cookies
    statuses: dict[int, list[int]] = {}
    for _ in range(200):
        with server.connection(cookies=cookies) as client:
            worker = server.worker_of(client)
            statuses.setdefault(worker, []).append(
                client.get("/staff", follow_redirects=False).status_code
            )
        if len(statuses) == 2 and sum(map(len, statuses.values())) >= 6:
            break
    assert len(statuses) == 2, "only one worker answered"
    assert signed_in_on in statuses
    assert all(code == 200 for codes in statuses.values() for code in codes), statuses


def test_each_job_runs_once_with_two_workers_and_a_scheduler(
    pg_server: tuple[Server, Settings], tmp_path: Path
) -> None:
    server, settings = pg_server
    scheduler_log = server.log_file.with_name("scheduler.log")
    wait_for("scheduler running", scheduler_log, server.extra[0])
    for name in JOBS:  # the leading worker's start-up runs, done or skipped
        wait_for(f"mutualaid.jobs: job {name}: ", server.log_file, server.process)
    logs = server.log() + scheduler_log.read_text()

    async def slots() -> dict[str, int]:
        from mutualaid.storage.models import JobRun

        return {name: await JobRun.filter(job=name, finished=True).count() for name in JOBS}

    receipts = in_database(settings, slots)
    ran = {name: JOB_RAN.findall(logs).count(name) for name in JOBS}
    # One run for each slot across three would-be schedulers (two slots only if the start
    # straddled a scheduled time), and only one of the two workers runs a schedule at all.
    assert ran == receipts and all(count >= 1 for count in ran.values()), (ran, receipts)
    assert server.log().count("this process runs the schedule") == 1
    assert server.log().count("another process runs the schedule") == 1
    assert server.log().count("migrations applied: ") == 1
    assert f"migrations applied: {MIGRATIONS} (" in server.log()


def test_two_workers_on_sqlite_start_serve_and_migrate_once(tmp_path: Path) -> None:
    if PG_ADMIN_URL:
        pytest.skip("SQLite's own check; the PostgreSQL pass checks PostgreSQL")
    database = tmp_path / "mutualaid.sqlite3"
    settings = make_settings(tmp_path, database_url=f"sqlite://{database}")
    server = start_server(server_environment(settings), tmp_path / "server.log", workers=2)
    try:
        workers: set[int] = set()
        for _ in range(200):
            with server.connection() as client:
                workers.add(server.worker_of(client))
                home = client.get("/")
                assert home.status_code == 200
                assert "server" not in home.headers
            if len(workers) == 2:
                break
    finally:
        server.stop()
    assert len(workers) == 2, "only one worker answered"
    log = server.log()
    assert log.count("migrations applied: ") == 1
    assert f"migrations applied: {MIGRATIONS} (" in log
    with sqlite3.connect(database) as connection:
        (applied,) = connection.execute("SELECT COUNT(*) FROM aerich").fetchone()
    assert applied == MIGRATIONS
    assert log.count("this process runs the schedule") == 1
    assert not re.search(r'"(GET|POST) /', log)  # no access log in any worker
