"""Retention: expiring quiet needs and deleting closed ones for good (privacy promise 5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from mutualaid.domain import needs as rules
from mutualaid.domain.catalog import OfferStatus
from mutualaid.domain.staff import ABSOLUTE_TIMEOUT
from mutualaid.services.needs import apply_event
from mutualaid.storage.db import checkpoint
from mutualaid.storage.models import (
    AuditEvent,
    Match,
    Message,
    Need,
    NeedHistory,
    Offer,
    StaffSession,
)

BATCH = 500


@dataclass(frozen=True)
class PurgeReceipt:
    """Counts only: a receipt must never say what was deleted."""

    needs: int
    messages: int
    offers: int
    audit_events: int = 0
    sessions: int = 0


async def expire_quiet_needs(*, now: datetime, horizon_days: int) -> int:
    """Active needs with no activity past the horizon become expired, counters and all."""
    cutoff = now - timedelta(days=horizon_days)
    expired = 0
    while True:
        ids = (
            await Need.filter(
                status__in=[s.value for s in rules.ACTIVE], last_activity_at__lt=cutoff
            )
            .limit(BATCH)
            .values_list("id", flat=True)
        )
        if not ids:
            break
        for need_id in ids:
            async with in_transaction() as conn:
                need = await Need.filter(id=need_id).select_for_update().using_db(conn).get()
                await apply_event(conn, need, rules.NeedEvent.EXPIRE)
                expired += 1
    if expired:
        await checkpoint()
    return expired


async def purge_closed(
    *, now: datetime, retention_days: int, audit_retention_days: int = 90
) -> PurgeReceipt:
    """Delete closed needs (with their threads) and ended community offers past retention."""
    cutoff = now - timedelta(days=retention_days)
    needs = messages = offers = 0
    closed = [s.value for s in rules.CLOSED]
    while (
        ids := await Need.filter(status__in=closed, closed_at__lt=cutoff)
        .limit(BATCH)
        .values_list("id", flat=True)
    ):
        async with in_transaction() as conn:
            messages += await Message.filter(need_id__in=ids).using_db(conn).delete()
            # Children first, so the count below is of needs alone.
            await NeedHistory.filter(need_id__in=ids).using_db(conn).delete()
            await Match.filter(need_id__in=ids).using_db(conn).delete()
            needs += await Need.filter(id__in=ids).using_db(conn).delete()
    while (
        ids := await Offer.filter(
            status=OfferStatus.ENDED.value, source_kind="community", closed_at__lt=cutoff
        )
        .limit(BATCH)
        .values_list("id", flat=True)
    ):
        async with in_transaction() as conn:
            for offer in await Offer.filter(id__in=ids).using_db(conn):
                await offer.areas.clear(using_db=conn)
            offers += await Offer.filter(id__in=ids).using_db(conn).delete()
    audit_events = await AuditEvent.filter(
        created_at__lt=now - timedelta(days=audit_retention_days)
    ).delete()
    # Sessions past the absolute limit can never be used again; don't keep them around.
    sessions = await StaffSession.filter(created_at__lt=now - ABSOLUTE_TIMEOUT).delete()
    await checkpoint()
    return PurgeReceipt(
        needs=needs, messages=messages, offers=offers, audit_events=audit_events, sessions=sessions
    )
