"""Running jobs: each slot once, one run at a time, the same path for the CLI and scheduler."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import time_machine

from jobs import JOBS
from jobs.lock import job_lock, lock_key
from jobs.runner import latest_slot, run_by_hand, run_once, run_scheduled
from jobs.scheduler import run_at_start, start_in_app
from mutualaid.services.job_runs import recent_receipts, runs_of
from mutualaid.storage.models import JobRun
from tests.conftest import Database

NOON = datetime(2031, 5, 6, 12, 50, tzinfo=UTC)


def test_a_slot_is_the_latest_scheduled_time() -> None:
    assert latest_slot(JOBS["purge"], NOON) == "2031-05-06T12:45Z"
    assert latest_slot(JOBS["expire"], NOON) == "2031-05-06T12:15Z"
    assert latest_slot(JOBS["publish-report"], NOON) == "2031-05-01T02:30Z"


def test_lock_keys_are_stable_and_distinct() -> None:
    assert lock_key("purge") == lock_key("purge")
    assert len({lock_key(name) for name in JOBS}) == len(JOBS)


async def test_a_slot_runs_once(db: Database) -> None:
    job = JOBS["purge"]
    first = await run_once(job, db.settings, slot="2031-05-06T12:45Z")
    again = await run_once(job, db.settings, slot="2031-05-06T12:45Z")
    assert first.ran and not again.ran and again.reason == "done"
    assert await runs_of("purge") == 1


async def test_a_job_held_elsewhere_is_skipped(db: Database) -> None:
    job = JOBS["expire"]
    async with job_lock(db.settings.database_url, job.name) as held:
        assert held
        skipped = await run_once(job, db.settings, slot="any")
        # Another job isn't held up by this one's lock.
        other = await run_once(JOBS["purge"], db.settings, slot="any")
    assert not skipped.ran and skipped.reason == "busy"
    assert other.ran
    assert await runs_of("expire") == 0
    assert (await run_once(job, db.settings, slot="any")).ran


async def test_runs_by_hand_are_never_mistaken_for_a_scheduled_slot(db: Database) -> None:
    for _ in range(2):
        assert (await run_by_hand(JOBS["purge"], db.settings)).ran
    assert await runs_of("purge") == 2


async def test_start_up_runs_every_job_and_two_missed_slots_run_once(db: Database) -> None:
    with time_machine.travel(NOON, tick=False):
        outcomes = await run_at_start(db.settings)
        assert [o.job for o in outcomes] == list(JOBS)
        assert all(o.ran for o in outcomes)
        # A second start in the same slot finds the work claimed.
        assert not any(o.ran for o in await run_at_start(db.settings))
    with time_machine.travel(NOON.replace(hour=15), tick=False):  # 13:45 and 14:45 missed
        assert (await run_scheduled(JOBS["purge"], db.settings)).ran
    slots = await JobRun.filter(job="purge").values_list("slot", flat=True)
    assert sorted(slots) == ["2031-05-06T12:45Z", "2031-05-06T15:45Z"]
    receipts = await recent_receipts()
    assert all(r.finished and all(isinstance(v, int) for v in r.counts.values()) for r in receipts)


async def test_the_app_process_starts_the_scheduler_and_runs_the_start_up_jobs(
    db: Database,
) -> None:
    scheduler = start_in_app(db.settings)
    try:
        assert {j.id for j in scheduler.get_jobs()} >= set(JOBS)
        for _ in range(200):
            if await JobRun.filter(finished=True).count() == len(JOBS):
                break
            await asyncio.sleep(0.05)
        assert {r.job for r in await recent_receipts()} == set(JOBS)
    finally:
        scheduler.shutdown(wait=False)
