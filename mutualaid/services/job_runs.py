"""Job runs: claimed before they start, so each schedule slot runs once across processes,
and kept as receipts (counts only) that coordinators and admins can read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from mutualaid.domain.clock import this_hour
from mutualaid.storage.models import JobRun

RECEIPTS_SHOWN = 100


@dataclass(frozen=True)
class Receipt:
    job: str
    ran_at: datetime
    finished: bool
    counts: dict[str, int]


async def claim(job: str, slot: str) -> bool:
    """Take a slot for a job; False when another process (or an earlier run) already did."""
    try:
        await JobRun.create(job=job, slot=slot, ran_at=this_hour(), counts={})
    except IntegrityError:
        return False
    return True


async def finish(job: str, slot: str, counts: dict[str, int]) -> None:
    await JobRun.filter(job=job, slot=slot).update(finished=True, counts=counts)


async def recent_receipts(limit: int = RECEIPTS_SHOWN) -> list[Receipt]:
    """The newest runs first; a run that never finished shows as such."""
    rows = await JobRun.all().order_by("-id").limit(limit)
    return [Receipt(r.job, r.ran_at, r.finished, dict(r.counts)) for r in rows]


async def runs_of(job: str) -> int:
    return await JobRun.filter(job=job).count()
