"""Retention: expiring quiet needs and deleting closed ones for good (privacy promise 5).

State-based: each run deletes everything past its horizon, however many runs were missed,
and a second run finds nothing left to do.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from mutualaid.domain import needs as rules
from mutualaid.domain.catalog import OfferStatus
from mutualaid.domain.staff import ABSOLUTE_TIMEOUT
from mutualaid.services.erasure import (
    NeedsDeleted,
    delete_needs,
    delete_needs_in_table_order,
    delete_needs_keeping_the_rest,
    delete_offers,
)
from mutualaid.services.needs import apply_event
from mutualaid.storage.db import (
    PURGE_CACHE_KIB,
    checkpoint,
    is_sqlite,
    larger_page_cache,
    transaction_without_foreign_key_actions,
)
from mutualaid.storage.models import AuditEvent, JobRun, Need, Offer, StaffSession

#: Ids per transaction: memory stays flat however much is due (10,000 ids is a few MB), and
#: the batch stays under both databases' limit on bound parameters (32,766 on SQLite).
BATCH = 10_000

#: Needs per transaction on SQLite, where the purge picks them inside the database (no ids
#: in Python, so memory doesn't grow with it). Each batch rewrites most pages of every
#: random-id index, so fewer batches write less, but at a million needs 100,000 cost no
#: more CPU than 200,000 and hold the write lock half as long (docs/jobs.md, "Speed").
SQLITE_BATCH = 100_000

#: On SQLite, a purge of at least this many needs that is also at least half of the table
#: sets aside what stays and empties the tables instead (erasure.delete_needs_keeping_the_rest):
#: at a million needs that is 15 s instead of 70 s of CPU (docs/jobs.md, "Speed"). Below
#: it, row by row costs less than copying what stays.
SQLITE_BULK_MIN = 50_000


@dataclass(frozen=True)
class PurgeReceipt:
    """Counts only: a receipt must never say what was deleted."""

    needs: int
    messages: int
    offers: int
    audit_events: int = 0
    sessions: int = 0
    matches: int = 0
    history: int = 0
    job_runs: int = 0

    def counts(self) -> dict[str, int]:
        return asdict(self)


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
            # One transaction per need: the status change and its counters move together.
            async with in_transaction() as conn:
                need = await Need.filter(id=need_id).select_for_update().using_db(conn).get()
                await apply_event(conn, need, rules.NeedEvent.EXPIRE)
                expired += 1
    if expired:
        await checkpoint()
    return expired


async def _most_of_the_table(due: int, bulk_min: int) -> bool:
    """Whether `due` needs are at least `bulk_min` and at least half of all needs."""
    return due >= bulk_min and 2 * due >= await Need.all().count()


async def _purge_needs(cutoff: datetime, batch: int, bulk_min: int) -> NeedsDeleted:
    closed = [s.value for s in rules.CLOSED]
    due = Need.filter(status__in=closed, closed_at__lt=cutoff)
    total = NeedsDeleted()
    if is_sqlite():
        where = f'"status" IN ({", ".join("?" * len(closed))}) AND "closed_at" < ?'
        # Datetimes are bound as the ORM stores them (isoformat with a space), in UTC.
        params = [*closed, cutoff.astimezone(UTC)]
        if await _most_of_the_table(await due.count(), bulk_min):
            async with transaction_without_foreign_key_actions() as conn:
                return await delete_needs_keeping_the_rest(conn, where, params)
        async with larger_page_cache(PURGE_CACHE_KIB):
            while True:
                async with transaction_without_foreign_key_actions() as conn:
                    deleted = await delete_needs_in_table_order(conn, where, params, batch)
                if not deleted.needs:
                    return total
                total += deleted
    while ids := await _ids(due, batch):
        async with in_transaction() as conn:
            total += await delete_needs(conn, ids)
    return total


async def _purge_offers(cutoff: datetime, batch: int) -> int:
    ended = Offer.filter(
        status=OfferStatus.ENDED.value, source_kind="community", closed_at__lt=cutoff
    )
    total = 0
    while ids := await _ids(ended, batch):
        async with in_transaction() as conn:
            total += await delete_offers(conn, ids)
    return total


async def _ids(query: object, batch: int) -> list[uuid.UUID]:
    """The next batch of ids from a filtered queryset (a fresh query each time)."""
    rows = await query.limit(batch).values_list("id", flat=True)  # type: ignore[attr-defined]
    return list(rows)


async def purge_closed(
    *,
    now: datetime,
    retention_days: int,
    audit_retention_days: int = 90,
    batch: int | None = None,
    bulk_min: int | None = None,
) -> PurgeReceipt:
    """Delete closed needs (with their threads, history and matches) and ended community
    offers past retention; audit events, job receipts and dead staff sessions past theirs."""
    cutoff = now - timedelta(days=retention_days)
    needs = await _purge_needs(
        cutoff, batch or (SQLITE_BATCH if is_sqlite() else BATCH), bulk_min or SQLITE_BULK_MIN
    )
    offers = await _purge_offers(cutoff, batch or BATCH)
    audit_cutoff = now - timedelta(days=audit_retention_days)
    audit_events = await AuditEvent.filter(created_at__lt=audit_cutoff).delete()
    job_runs = await JobRun.filter(ran_at__lt=audit_cutoff).delete()
    # Sessions past the absolute limit can never be used again; don't keep them around.
    sessions = await StaffSession.filter(created_at__lt=now - ABSOLUTE_TIMEOUT).delete()
    # On SQLite, fold the WAL into the (secure_delete) file and truncate it: no copy survives.
    await checkpoint()
    return PurgeReceipt(
        needs=needs.needs,
        messages=needs.messages,
        offers=offers,
        audit_events=audit_events,
        sessions=sessions,
        matches=needs.matches,
        history=needs.history,
        job_runs=job_runs,
    )
