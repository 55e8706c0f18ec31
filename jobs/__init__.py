"""Scheduled jobs: one thin module each, listed in JOBS for the scheduler and the CLI."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from jobs import expire, purge
from mutualaid.settings import Settings


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[Settings], Awaitable[str]]
    #: A cron expression (UTC) for the scheduler.
    cron: str
    description: str


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
            "Closed needs past retention are deleted with their threads; old audit events"
            " and dead sessions too.",
        ),
    )
}
