"""Deleting needs and community offers for good: the one path shared by the member's "erase
everything now" and the scheduled purge (privacy promise 5)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient


@dataclass(frozen=True)
class NeedsDeleted:
    """How many rows went: counts only, never what they held."""

    needs: int = 0
    messages: int = 0
    matches: int = 0
    history: int = 0

    def __add__(self, other: NeedsDeleted) -> NeedsDeleted:
        return NeedsDeleted(
            self.needs + other.needs,
            self.messages + other.messages,
            self.matches + other.matches,
            self.history + other.history,
        )


#: (table, column) pairs deleted by id; fixed names, never input.
NEED_CHILDREN = (("message", "need_id"), ("need_history", "need_id"), ("match", "need_id"))


def _marks(conn: BaseDBAsyncClient, count: int) -> str:
    """Bound-parameter marks in the connection's dialect."""
    if conn.capabilities.dialect == "sqlite":
        return ", ".join("?" * count)
    return ", ".join(f"${n}" for n in range(1, count + 1))


async def _delete_where_in(
    conn: BaseDBAsyncClient, table: str, column: str, ids: Sequence[uuid.UUID]
) -> int:
    """DELETE ... WHERE column IN (ids), parameters bound in each dialect's style.

    Plain SQL rather than the ORM's query builder: at a million rows the purge would spend
    half its time composing the same statement (benchmarks/jobs_bench.py)."""
    # Table and column are our own constants, and every id is a bound parameter.
    sql = f'DELETE FROM "{table}" WHERE "{column}" IN ({_marks(conn, len(ids))})'  # noqa: S608 # nosec B608
    # nosemgrep: mutualaid-sql-built-from-strings
    deleted, _ = await conn.execute_query(sql, [str(i) for i in ids])
    return int(deleted)


async def _delete_needs(
    conn: BaseDBAsyncClient, need_ids: str, need_rows: str, params: Sequence[object]
) -> NeedsDeleted:
    """Children first, so each count is of its own table: `need_ids` is the SQL set of the
    needs' ids (a list of marks or a subquery), `need_rows` the condition on `need` itself."""
    counts = []
    for table, column in NEED_CHILDREN:
        # Fixed SQL: table and column from NEED_CHILDREN, values bound by the caller.
        sql = f'DELETE FROM "{table}" WHERE "{column}" IN {need_ids}'  # noqa: S608 # nosec B608
        # nosemgrep: mutualaid-sql-built-from-strings
        deleted, _ = await conn.execute_query(sql, list(params))
        counts.append(int(deleted))
    # Fixed SQL from this module's callers (marks or a subquery); values bound.
    need_sql = f'DELETE FROM "need" WHERE {need_rows}'  # noqa: S608 # nosec B608
    # nosemgrep: mutualaid-sql-built-from-strings
    needs, _ = await conn.execute_query(need_sql, list(params))
    messages, history, matches = counts
    return NeedsDeleted(needs=int(needs), messages=messages, matches=matches, history=history)


async def delete_needs(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> NeedsDeleted:
    """Delete needs with their threads, history and matches (consent lives on the match).
    Counters are the caller's business."""
    if not ids:
        return NeedsDeleted()
    marks = _marks(conn, len(ids))
    return await _delete_needs(conn, f"({marks})", f'"id" IN ({marks})', [str(i) for i in ids])


async def delete_needs_in_table_order(
    conn: BaseDBAsyncClient, where: str, params: Sequence[object], limit: int
) -> NeedsDeleted:
    """SQLite only: delete, as `delete_needs` does, the first `limit` needs matching `where`
    (fixed SQL with `?` marks, never input) in the table's own order.

    A SQLite table whose key isn't an integer keeps its rows in insertion order (rowid), and
    a need's messages, matches and history were mostly written around the same time: walking
    needs by rowid keeps each batch's deletes on neighbouring pages of every table, and
    deleting the needs themselves by rowid skips a lookup in their id index. The selection
    stays inside SQLite (no ids through Python), so a batch can be larger than the limit on
    bound parameters. NOT INDEXED: otherwise SQLite reads every matching need through an
    index and sorts them all by rowid, for every statement."""
    if conn.capabilities.dialect != "sqlite":
        raise ValueError("table order is SQLite's rowid")
    tail = f"FROM need NOT INDEXED WHERE {where} ORDER BY rowid LIMIT {int(limit)}"
    return await _delete_needs(
        conn, f'(SELECT "id" {tail})', f"rowid IN (SELECT rowid {tail})", params
    )


async def delete_offers(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> int:
    """Delete offers with their area links; matches keep their row with the offer unset."""
    if not ids:
        return 0
    # The links first: they'd cascade, but SQLite would count them with the offers.
    await _delete_where_in(conn, "offer_area", "offer_id", ids)
    return await _delete_where_in(conn, "offer", "id", ids)
