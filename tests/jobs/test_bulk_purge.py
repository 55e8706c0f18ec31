"""The purge's SQLite path for a backlog that is most of the table: what stays is set aside,
the need tables are emptied whole and what stays goes back. Everything that should stay
stays exactly as it was (rows, links, schema), everything due goes, and its bytes with it."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import time_machine

from mutualaid.domain.money import GENERAL, DisbursementMethod
from mutualaid.domain.needs import NeedEvent
from mutualaid.services import erasure, retention
from mutualaid.services.ledger import DisbursementDraft, record_disbursement
from mutualaid.services.matching import close_need, propose_match, suggestions_for
from mutualaid.services.needs import add_message, withdraw_need
from mutualaid.storage.db import connection
from mutualaid.storage.models import Disbursement, Need
from tests.conftest import Database
from tests.jobs.conftest import DAY, START, need_at, offer_at
from tests.privacy.conftest import canary

#: The tables a need's rows live in, and what the schema says about each.
NEED_TABLES = ("need", "message", "need_history", "match")


def _sqlite_only(db: Database) -> None:
    if db.sqlite_file is None:
        pytest.skip("emptying tables whole is the SQLite path; PostgreSQL deletes in batches")


async def _rows(table: str, of: list[uuid.UUID] | None = None) -> list[tuple[object, ...]]:
    """A table's rows with their rowids, in rowid order (what 'exactly as it was' means):
    all of them, or those of the needs `of`."""
    column = "id" if table == "need" else "need_id"
    where = f'WHERE "{column}" IN ({", ".join("?" * len(of))})' if of else ""
    _, rows = await connection().execute_query(
        f'SELECT rowid, * FROM "{table}" {where} ORDER BY rowid',
        [str(n) for n in of or ()],
    )
    return [tuple(dict(row).values()) for row in rows]


async def _schema() -> list[tuple[object, ...]]:
    _, rows = await connection().execute_query(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    )
    return [tuple(dict(row).values()) for row in rows]


async def _single(sql: str) -> list[object]:
    _, rows = await connection().execute_query(sql)
    return [next(iter(dict(row).values())) for row in rows]


async def _spend(need: uuid.UUID | None) -> uuid.UUID:
    draft = DisbursementDraft(100, GENERAL, date(2031, 1, 6), DisbursementMethod.CASH, need)
    disbursement, _ = await record_disbursement(draft, currency="usd", override=True, by=None)
    return disbursement


async def _plant_backlog_and_what_stays(key: bytes) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """Four closed needs past retention (one met through a match, with a thread and a
    disbursement) and three that stay: open with a thread, matched, and closed too recently."""
    due = [await need_at(START, key, text=canary(f"due {n}")) for n in range(4)]
    offer = await offer_at(START, key)
    with time_machine.travel(START + DAY, tick=False):
        await propose_match(due[0], (await suggestions_for(due[0]))[0].offer.id, by=uuid.uuid4())
        await add_message(due[0], author_role="member", body=canary("due thread"))
        await close_need(due[0], NeedEvent.FULFIL, actor_role="coordinator", by=uuid.uuid4())
        for need in due[1:]:
            await withdraw_need(need)
    later = START + 35 * DAY
    open_need = await need_at(later, key, text="stays open")
    matched = await need_at(later, key, text="stays matched")
    recent = await need_at(later, key, text="closed recently")
    with time_machine.travel(later, tick=False):
        await add_message(open_need, author_role="member", body="a thread that stays")
        await propose_match(matched, offer, by=uuid.uuid4())
        await withdraw_need(recent)
    return due, [open_need, matched, recent]


async def test_a_backlog_goes_and_everything_else_stays_exactly_as_it_was(
    db: Database, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only(db)
    due, stays = await _plant_backlog_and_what_stays(key)
    spent_on_due, spent_on_kept = await _spend(due[0]), await _spend(stays[0])
    due_blobs = [
        bytes(v)
        for v in await _single(
            "SELECT description FROM need WHERE status != 'open' AND status != 'matched'"
            " AND closed_at < '2031-02-01'"
        )
    ]
    assert len(due_blobs) == 4
    kept_ids = {str(n) for n in stays}
    before = {t: await _rows(t) for t in NEED_TABLES}
    kept_before = {t: await _rows(t, of=stays) for t in NEED_TABLES}
    assert all(kept_before[t] for t in ("need", "message", "need_history", "match"))
    schema = await _schema()
    taken: list[str] = []
    real = retention.delete_needs_keeping_the_rest

    async def spied(*args):  # type: ignore[no-untyped-def]
        taken.append("bulk")
        return await real(*args)

    monkeypatch.setattr(retention, "delete_needs_keeping_the_rest", spied)

    receipt = await retention.purge_closed(now=START + 40 * DAY, retention_days=30, bulk_min=2)

    assert taken == ["bulk"]
    assert receipt.needs == 4 and receipt.messages == 1 and receipt.matches == 1
    assert receipt.history == len(before["need_history"]) - len(kept_before["need_history"])
    # What stays is byte for byte what it was, rowids included (the table keeps its order).
    for table in NEED_TABLES:
        assert await _rows(table) == kept_before[table], table
    assert {str(n.id) for n in await Need.all()} == kept_ids
    assert (await Disbursement.get(id=spent_on_due)).need_id is None
    assert (await Disbursement.get(id=spent_on_kept)).need_id == stays[0]
    assert await _schema() == schema
    assert await _single("PRAGMA integrity_check") == ["ok"]
    assert await _single("PRAGMA foreign_key_check") == []
    assert await _single("PRAGMA foreign_keys") == [1]
    # The temp tables that held what stays are gone with the transaction.
    assert await _single("SELECT name FROM temp.sqlite_master") == []
    for blob in due_blobs:
        assert not any(blob in path.read_bytes() for path in db.raw_files())


async def test_a_small_purge_or_a_small_share_goes_row_by_row(
    db: Database, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only(db)
    due, stays = await _plant_backlog_and_what_stays(key)
    # Four due needs against three that stay: under the minimum it is row by row, and so it
    # is past the minimum when the due needs are under half of the table.
    for _ in range(3):
        await need_at(START + 35 * DAY, key)
    taken: list[str] = []

    async def refused(*args):  # type: ignore[no-untyped-def]
        taken.append("bulk")
        raise AssertionError("the bulk path was not due")

    monkeypatch.setattr(retention, "delete_needs_keeping_the_rest", refused)
    now = START + 40 * DAY
    assert (await retention.purge_closed(now=now, retention_days=30, bulk_min=5)).needs == 4
    assert taken == []
    assert not await Need.filter(id__in=due).exists()
    assert await Need.filter(id__in=stays).count() == 3


async def test_a_failed_bulk_purge_keeps_everything(
    db: Database, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only(db)
    await _plant_backlog_and_what_stays(key)
    before = {t: await _rows(t) for t in NEED_TABLES}
    real = erasure._columns
    failed: list[str] = []

    async def failing(conn, table):  # type: ignore[no-untyped-def]
        # The worst moment: every table emptied, what stays still set aside.
        if table == "need":
            failed.append(table)
            raise RuntimeError("power cut")
        return await real(conn, table)

    monkeypatch.setattr(erasure, "_columns", failing)
    with pytest.raises(RuntimeError):
        await retention.purge_closed(now=START + 40 * DAY, retention_days=30, bulk_min=2)
    assert failed == ["need"]
    for table in NEED_TABLES:
        assert await _rows(table) == before[table], table
    assert await _single("PRAGMA foreign_keys") == [1]
    assert await _single("SELECT name FROM temp.sqlite_master") == []
