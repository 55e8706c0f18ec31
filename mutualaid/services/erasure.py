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


async def _delete_where_in(
    conn: BaseDBAsyncClient, table: str, column: str, ids: Sequence[uuid.UUID]
) -> int:
    """DELETE ... WHERE column IN (ids), parameters bound in each dialect's style.

    Plain SQL rather than the ORM's query builder: at a million rows the purge would spend
    half its time composing the same statement (benchmarks/jobs_bench.py)."""
    if conn.capabilities.dialect == "sqlite":
        marks = ", ".join("?" * len(ids))
    else:
        marks = ", ".join(f"${n}" for n in range(1, len(ids) + 1))
    sql = f'DELETE FROM "{table}" WHERE "{column}" IN ({marks})'  # noqa: S608 (fixed names)
    deleted, _ = await conn.execute_query(sql, [str(i) for i in ids])
    return int(deleted)


async def delete_needs(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> NeedsDeleted:
    """Delete needs with their threads, history and matches (consent lives on the match),
    children first so each count is of its own table. Counters are the caller's business."""
    if not ids:
        return NeedsDeleted()
    messages, history, matches = [
        await _delete_where_in(conn, table, column, ids) for table, column in NEED_CHILDREN
    ]
    needs = await _delete_where_in(conn, "need", "id", ids)
    return NeedsDeleted(needs=needs, messages=messages, matches=matches, history=history)


async def delete_offers(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> int:
    """Delete offers with their area links; matches keep their row with the offer unset."""
    if not ids:
        return 0
    # The links first: they'd cascade, but SQLite would count them with the offers.
    await _delete_where_in(conn, "offer_area", "offer_id", ids)
    return await _delete_where_in(conn, "offer", "id", ids)
