"""Expire quiet needs, and end offers past their last day. Not run directly: see JOBS."""

from mutualaid.domain.clock import now
from mutualaid.services.pledges import end_expired_offers
from mutualaid.services.retention import expire_quiet_needs
from mutualaid.settings import Settings


async def run(settings: Settings) -> dict[str, int]:
    moment = now()
    needs = await expire_quiet_needs(now=moment, horizon_days=settings.need_expiry_days)
    offers = await end_expired_offers(today=moment.date())
    return {"needs_expired": needs, "offers_ended": offers}
