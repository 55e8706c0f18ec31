"""The scheduler: APScheduler 3.11's AsyncIOScheduler running every job in JOBS on its cron
schedule (UTC), plus a run of each at start so nothing waits on a missed schedule (R14).

`misfire_grace_time=None` runs a late job however late, `coalesce=True` folds missed runs
into one, and `max_instances=1` keeps a job from overlapping itself in this process; the
job lock and slot claim (jobs.runner) do the same across processes.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from datetime import UTC

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from jobs import JOBS
from jobs.runner import Outcome, run_scheduled, trigger_for
from mutualaid.settings import Settings

log = logging.getLogger("mutualaid.jobs")


def build_scheduler(settings: Settings) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
    for job in JOBS.values():
        scheduler.add_job(
            run_scheduled,
            trigger_for(job),
            args=(job, settings),
            id=job.name,
            name=job.name,
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
            replace_existing=True,
        )
    return scheduler


async def run_at_start(settings: Settings) -> list[Outcome]:
    """Every start-up job once, in order (expire, purge, then publish)."""
    outcomes = []
    for job in JOBS.values():
        if not job.at_start:
            continue
        try:
            outcomes.append(await run_scheduled(job, settings))
        except Exception:  # noqa: S112 (logged by run_scheduled; the next job still runs)
            continue
    return outcomes


def start_in_app(settings: Settings) -> AsyncIOScheduler:
    """Inside `mutualaid serve`'s lifespan: schedule the jobs, and the start-up runs at once
    in the background so serving isn't held up by a long purge."""
    scheduler = build_scheduler(settings)
    scheduler.add_job(
        run_at_start, args=(settings,), id="at-start", name="at-start", misfire_grace_time=None
    )
    scheduler.start()
    return scheduler


async def run_alone(settings: Settings, *, say: Callable[[str], None]) -> None:
    """`mutualaid scheduler`: the start-up runs, then the schedule until SIGTERM or SIGINT."""
    from mutualaid.services.storage_lifetime import storage_open

    async with storage_open(settings):
        for outcome in await run_at_start(settings):
            say(outcome.describe())
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        scheduler = build_scheduler(settings)
        scheduler.start()
        say("scheduler running: " + ", ".join(f"{j.name} ({j.cron})" for j in JOBS.values()))
        await stop.wait()
        scheduler.shutdown(wait=False)
