"""Purge records past retention: closed needs and their threads, then money records that
have served their purpose. Not run directly: see JOBS."""

from dataclasses import asdict

from mutualaid.domain.clock import now
from mutualaid.services.gifts import purge_money_records
from mutualaid.services.retention import purge_closed
from mutualaid.services.used_forms import forget_used_before
from mutualaid.settings import Settings


async def run(settings: Settings) -> dict[str, int]:
    at = now()
    receipt = await purge_closed(
        now=at,
        retention_days=settings.closed_retention_days,
        audit_retention_days=settings.audit_retention_days,
    )
    money = await purge_money_records(now=at)
    used_forms = await forget_used_before(at)
    return receipt.counts() | asdict(money) | {"used_forms": used_forms}
