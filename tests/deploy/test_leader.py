"""The scheduler's leader lock: one process at a time leads, and another takes over when
the leader lets go (PostgreSQL advisory lock; on SQLite a lock file beside the database)."""

from __future__ import annotations

import asyncio
from datetime import UTC

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from jobs.leader import ScheduleLeader
from mutualaid.settings import Settings
from tests.conftest import Database


def empty_schedule(settings: Settings) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.start()
    return scheduler


async def until(condition: ScheduleLeader) -> None:
    for _ in range(200):
        if condition.leading:
            return
        await asyncio.sleep(0.02)


async def test_one_leader_at_a_time_and_the_next_takes_over(db: Database) -> None:
    first = ScheduleLeader(db.settings, start=empty_schedule, retry_seconds=0.05)
    second = ScheduleLeader(db.settings, start=empty_schedule, retry_seconds=0.05)
    first.start()
    await until(first)
    second.start()
    await asyncio.sleep(0.3)  # several tries
    assert first.leading and not second.leading
    await first.stop()
    await until(second)
    try:
        assert second.leading and not first.leading
    finally:
        await second.stop()
