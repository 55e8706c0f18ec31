"""The purge job (R14): canaries past every horizon, time moved on past two missed runs,
then one run. Rows gone, their bytes gone from the .db, -wal and -shm files, totals as
they were, a receipt with counts only, and a second run changes nothing."""

from __future__ import annotations

import uuid

import httpx2
import pytest
import time_machine

from jobs import JOBS
from jobs.runner import run_by_hand, run_scheduled
from mutualaid.domain.needs import NeedEvent
from mutualaid.services import erasure, needs, retention
from mutualaid.services.job_runs import recent_receipts
from mutualaid.services.matching import close_need, propose_match, set_consent, suggestions_for
from mutualaid.services.needs import add_message, erase_need, withdraw_need
from mutualaid.services.offers import change_offer
from mutualaid.storage.db import connection
from mutualaid.storage.models import (
    AuditEvent,
    JobRun,
    Match,
    Message,
    Need,
    NeedHistory,
    Offer,
)
from tests.conftest import Database, make_staff, sign_in_client
from tests.jobs.conftest import DAY, START, all_counters, need_at, offer_at
from tests.privacy.conftest import canary, stored_text_contains


async def _ciphertexts(planted: dict[str, uuid.UUID]) -> list[bytes]:
    """The planted records' encrypted bytes as stored (SQLite), to look for afterwards."""
    blobs: list[bytes] = []
    needs_ = [str(planted[k]) for k in ("met", "withdrawn", "quiet")]
    for sql, ids in (
        ("SELECT description, contact, preferred_name FROM need WHERE id = ?", needs_),
        ("SELECT body FROM message WHERE need_id = ?", needs_),
        ("SELECT notes FROM offer WHERE id = ?", [str(planted["offer"])]),
    ):
        for record in ids:
            _, rows = await connection().execute_query(sql, [record])
            blobs += [bytes(v) for row in rows for v in dict(row).values() if v is not None]
    return blobs


async def _plant(db: Database, key: bytes) -> dict[str, uuid.UUID]:
    """A met need (matched, consent given, thread), a withdrawn one, one that goes quiet
    and expires, and an ended community offer: all past their horizons later on."""
    met = await need_at(START, key, text=canary("met"), contact=canary("contact"))
    withdrawn = await need_at(START, key, text=canary("withdrawn"))
    quiet = await need_at(START, key, text=canary("quiet"))
    offer = await offer_at(START, key)
    with time_machine.travel(START + DAY, tick=False):
        chosen = (await suggestions_for(met))[0].offer.id
        await propose_match(met, chosen, by=uuid.uuid4())
        await set_consent(met, share=True)
        await add_message(met, author_role="member", body=canary("message"))
        await add_message(withdrawn, author_role="member", body=canary("message"))
        await close_need(met, NeedEvent.FULFIL, actor_role="coordinator", by=uuid.uuid4())
        await withdraw_need(withdrawn)
        await change_offer(offer, "end")
    # The expire job runs on time; then the purge misses its runs for months.
    with time_machine.travel(START + 22 * DAY, tick=False):
        assert (await run_scheduled(JOBS["expire"], db.settings)).counts["needs_expired"] == 1
    return {"met": met, "withdrawn": withdrawn, "quiet": quiet, "offer": offer}


@pytest.mark.parametrize(
    ("days_late", "bulk_min"),
    [(0, retention.SQLITE_BULK_MIN), (400, retention.SQLITE_BULK_MIN), (0, 1)],
    ids=["on time", "400 days late", "emptying the tables (SQLite)"],
)
async def test_purge_leaves_no_trace_and_changes_no_total(
    db: Database, key: bytes, days_late: int, bulk_min: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bulk_min=1: every need is due, so on SQLite the job takes the backlog path.
    monkeypatch.setattr(retention, "SQLITE_BULK_MIN", bulk_min)
    planted = await _plant(db, key)
    traces = [str(v) for v in planted.values()]
    traces += [n.codename_hash for n in await Need.all() if n.id in planted.values()]
    blobs = await _ciphertexts(planted) if db.sqlite_file is not None else []
    if db.sqlite_file is not None:
        assert blobs and all(any(b in p.read_bytes() for p in db.raw_files()) for b in blobs)
    for trace in traces:
        assert await stored_text_contains(db, trace)
    assert await AuditEvent.all().count() > 0
    totals = await all_counters()

    # Past every horizon (30 days after the last closing, 90 after the audit events), with
    # every hourly purge slot since the expiry missed: thousands of them, not just two.
    later = START + 92 * DAY + days_late * DAY
    with time_machine.travel(later, tick=False):
        outcome = await run_scheduled(JOBS["purge"], db.settings)
    assert outcome.ran
    counts = outcome.counts
    # The demo data's community offers ended long ago and go too.
    assert counts["needs"] == 3 and counts["messages"] == 2 and counts["offers"] >= 1
    assert counts["matches"] == 1 and counts["history"] >= 6 and counts["audit_events"] >= 2

    for model in (Need, Message, Match, NeedHistory, AuditEvent):
        assert await model.all().count() == 0, model.__name__
    assert not await Offer.filter(id=planted["offer"]).exists()
    for trace in traces:
        assert not await stored_text_contains(db, trace)
    if db.sqlite_file is not None:
        for blob in blobs:
            assert not any(blob in path.read_bytes() for path in db.raw_files())
        wal = db.sqlite_file.with_name(db.sqlite_file.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated
    assert await all_counters() == totals  # published figures don't move

    with time_machine.travel(later + DAY, tick=False):
        again = await run_by_hand(JOBS["purge"], db.settings)
    assert again.ran and not any(again.counts[k] for k in ("needs", "messages", "offers"))
    assert await all_counters() == totals


async def test_receipts_hold_counts_only_and_staff_can_read_them(
    client: httpx2.AsyncClient, db: Database, key: bytes
) -> None:
    planted = await _plant(db, key)
    with time_machine.travel(START + 60 * DAY, tick=False):
        await run_scheduled(JOBS["purge"], db.settings)
    (receipt,) = [r for r in await recent_receipts() if r.job == "purge"]
    assert receipt.finished and receipt.counts["needs"] == 3
    assert all(isinstance(v, int) for v in receipt.counts.values())
    row = await JobRun.get(job="purge")
    assert row.ran_at == row.ran_at.replace(minute=0, second=0, microsecond=0)
    assert "CANARY" not in str(row.counts) and str(planted["met"]) not in str(row.counts)

    staff_id, secret = await make_staff(db, role="coordinator")
    await sign_in_client(client, db, staff_id, secret)
    page = await client.get("/staff/jobs")
    assert page.status_code == 200
    assert 'data-job="purge"' in page.text and "requests deleted: 3" in page.text
    assert "CANARY" not in page.text


async def test_purge_works_in_batches_of_a_fixed_size(
    db: Database, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays flat: never more than one batch of needs deleted per transaction."""
    for _ in range(7):
        need = await need_at(START, key)
        with time_machine.travel(START, tick=False):
            await withdraw_need(need)
    sizes: list[int] = []
    real = erasure._delete_needs

    async def counted(*args):  # type: ignore[no-untyped-def]
        deleted = await real(*args)
        sizes.append(deleted.needs)
        return deleted

    # The core both ways of choosing needs go through (SQLite: inside the database).
    monkeypatch.setattr(erasure, "_delete_needs", counted)
    receipt = await retention.purge_closed(now=START + 40 * DAY, retention_days=30, batch=3)
    assert receipt.needs == 7 and sizes[:3] == [3, 3, 1] and not any(sizes[3:])


async def test_erase_everything_now_takes_the_purge_path(
    db: Database, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    need = await need_at(START, key)
    calls: list[list[uuid.UUID]] = []
    real = erasure.delete_needs

    async def recorded(conn, ids):  # type: ignore[no-untyped-def]
        calls.append(list(ids))
        return await real(conn, ids)

    monkeypatch.setattr(needs, "delete_needs", recorded)
    await erase_need(need)
    assert calls == [[need]]
    assert not await Need.filter(id=need).exists()
