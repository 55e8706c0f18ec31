"""One scheduler among several web processes: the one holding the leader lock runs it.

`mutualaid serve --workers N` starts N copies of the app; each asks for the lock when it
starts. The lock is a PostgreSQL advisory lock on a connection held for the process's life
(the database frees it when the process dies), or on SQLite an exclusive lock on a file
beside the database (the kernel frees it likewise). The others ask again every minute, so
when the leader dies another worker takes over. Each run still takes its job's lock and
claims its slot (jobs.runner), so even two schedulers would never run a slot twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from jobs.lock import lock_key
from jobs.scheduler import start_in_app
from mutualaid.settings import Settings
from mutualaid.storage.db import sqlite_path

log = logging.getLogger("mutualaid.jobs")

RETRY_SECONDS = 60.0
#: Not a job's name, so it can't collide with a job's own lock.
LEADER_LOCK = "(scheduler leader)"

Release = Callable[[], Awaitable[None]]


async def try_to_lead(database_url: str) -> Release | None:
    """Take the leader lock if it is free: a way to let go of it, or None."""
    path = sqlite_path(database_url)
    if database_url.startswith("sqlite://"):
        return await _sqlite_lock(path) if path is not None else _nothing_to_release
    dsn = database_url.split("?", 1)[0].replace("asyncpg://", "postgres://", 1)
    connection = await asyncpg.connect(dsn)
    if await connection.fetchval("SELECT pg_try_advisory_lock($1)", lock_key(LEADER_LOCK)):

        async def release() -> None:
            await connection.close()  # closing the session frees its advisory locks

        return release
    await connection.close()
    return None


async def _nothing_to_release() -> None:
    """An in-memory SQLite database lives in one process: there is nobody to lead."""


async def _sqlite_lock(database: str) -> Release | None:
    descriptor = os.open(Path(f"{database}.scheduler.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None

    async def release() -> None:
        os.close(descriptor)  # closing the file frees the lock

    return release


class ScheduleLeader:
    """Runs the schedule in this process while it holds the leader lock."""

    def __init__(
        self,
        settings: Settings,
        *,
        start: Callable[[Settings], AsyncIOScheduler] = start_in_app,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.settings = settings
        self.start_schedule = start
        self.retry_seconds = retry_seconds
        self.scheduler: AsyncIOScheduler | None = None
        self._release: Release | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def leading(self) -> bool:
        return self.scheduler is not None

    def start(self) -> None:
        self._task = asyncio.create_task(self._lead())

    async def _lead(self) -> None:
        waiting_said = False
        while True:
            try:
                self._release = await try_to_lead(self.settings.database_url)
            except (OSError, asyncpg.PostgresError) as error:
                log.warning("scheduler: can't reach the lock (%s)", type(error).__name__)
                self._release = None
            if self._release is not None:
                log.info("scheduler: this process runs the schedule (pid %d)", os.getpid())
                self.scheduler = self.start_schedule(self.settings)
                return
            if not waiting_said:
                log.info("scheduler: another process runs the schedule (pid %d)", os.getpid())
                waiting_said = True
            await asyncio.sleep(self.retry_seconds)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        if self._release is not None:
            await self._release()
            self._release = None
