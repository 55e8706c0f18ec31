"""Running a job: the one path for the scheduler, the start-up runs and `mutualaid jobs run`.

Each run takes the job's lock (jobs.lock), then claims its slot (a unique row), so with any
number of processes a slot runs once and never two runs of a job overlap. Jobs are
state-based: a run after missed ones does all the work they would have done.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

from jobs import Job
from jobs.lock import job_lock
from mutualaid.domain.clock import now
from mutualaid.services import job_runs
from mutualaid.settings import Settings
from mutualaid.storage.db import checkpoint

log = logging.getLogger("mutualaid.jobs")

#: How far back to look for a job's latest scheduled time (longer than any cron interval).
LOOKBACKS = (timedelta(hours=2), timedelta(days=2), timedelta(days=40), timedelta(days=400))


@dataclass(frozen=True)
class Outcome:
    job: str
    ran: bool
    #: "ran", "busy" (another process holds the lock) or "done" (slot already claimed).
    reason: str
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        if not self.ran:
            why = "another process is running it" if self.reason == "busy" else "already ran"
            return f"{self.job}: skipped ({why})"
        summary = ", ".join(
            f"{value} {name.replace('_', ' ')}" for name, value in self.counts.items()
        )
        return f"{self.job}: {summary or 'nothing to do'}"


def trigger_for(job: Job) -> CronTrigger:
    return CronTrigger.from_crontab(job.cron, timezone=UTC)


def latest_slot(job: Job, moment: datetime) -> str:
    """The job's most recent scheduled time at or before `moment`, as its slot name."""
    trigger = trigger_for(job)
    for lookback in LOOKBACKS:
        fire = trigger.get_next_fire_time(None, moment - lookback)
        last = None
        while fire is not None and fire <= moment:
            last = fire
            fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
        if last is not None:
            return str(last.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ"))
    raise ValueError(f"{job.name} has no scheduled time in the last year")


async def run_once(job: Job, settings: Settings, *, slot: str) -> Outcome:
    async with job_lock(settings.database_url, job.name) as held:
        if not held:
            return Outcome(job.name, ran=False, reason="busy")
        if not await job_runs.claim(job.name, slot):
            return Outcome(job.name, ran=False, reason="done")
        counts = await job.run(settings)
        await job_runs.finish(job.name, slot, counts)
        await checkpoint()  # the run's last write, the receipt, doesn't linger in the WAL
    return Outcome(job.name, ran=True, reason="ran", counts=counts)


async def run_scheduled(job: Job, settings: Settings) -> Outcome:
    """A scheduled (or start-up) run, for the latest slot: late runs catch up in one go."""
    try:
        outcome = await run_once(job, settings, slot=latest_slot(job, now()))
    except Exception as error:
        # Only the kind of error: messages can quote stored values.
        log.error("job %s failed (%s)", job.name, type(error).__name__)
        raise
    log.info("job %s", outcome.describe())
    return outcome


async def run_by_hand(job: Job, settings: Settings) -> Outcome:
    """`mutualaid jobs run NAME`: the same path under a slot of its own."""
    return await run_once(job, settings, slot="manual:" + secrets.token_hex(8))
