"""Purge closed records past retention. Not run directly: see JOBS."""

from mutualaid.domain.clock import now
from mutualaid.services.retention import purge_closed
from mutualaid.settings import Settings


async def run(settings: Settings) -> dict[str, int]:
    receipt = await purge_closed(
        now=now(),
        retention_days=settings.closed_retention_days,
        audit_retention_days=settings.audit_retention_days,
    )
    return receipt.counts()
