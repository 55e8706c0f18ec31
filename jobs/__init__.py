"""Scheduled jobs: one thin module each, listed in JOBS for the scheduler and the CLI."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from jobs import expire, publish_report, purge
from mutualaid.settings import Settings


@dataclass(frozen=True)
class Job:
    name: str
    #: Does the work through services and answers with counts only (the run's receipt).
    run: Callable[[Settings], Awaitable[dict[str, int]]]
    #: A crontab expression (UTC) for the scheduler.
    cron: str
    description: str
    #: Also run when the scheduler starts, so a missed run never leaves work undone.
    at_start: bool = True


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        Job(
            "expire",
            expire.run,
            "15 * * * *",
            "Open needs with no activity past the horizon become expired; offers and pledges "
            "past their last day end.",
        ),
        Job(
            "purge",
            purge.run,
            "45 * * * *",
            "Closed needs past retention are deleted with their threads and matches, ended"
            " community offers too; old audit events, job receipts and dead sessions.",
        ),
        Job(
            "publish-report",
            publish_report.run,
            "30 2 1 * *",
            "Every complete month not yet published gets its frozen, aggregate-only"
            " transparency report.",
        ),
    )
}
