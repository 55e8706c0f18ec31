"""Expire quiet needs. Not run directly: see JOBS."""

from mutualaid.domain.clock import now
from mutualaid.services.retention import expire_quiet_needs
from mutualaid.settings import Settings


async def run(settings: Settings) -> str:
    count = await expire_quiet_needs(now=now(), horizon_days=settings.need_expiry_days)
    return f"expired {count} needs"
