"""Deleting needs and community offers for good: the one path shared by the member's "erase
everything now" and the scheduled purge (privacy promise 5)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.storage.models import Match, Message, Need, NeedHistory, Offer


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


async def delete_needs(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> NeedsDeleted:
    """Delete needs with their threads, history and matches (consent lives on the match),
    children first so each count is of its own table. Counters are the caller's business."""
    if not ids:
        return NeedsDeleted()
    messages = await Message.filter(need_id__in=ids).using_db(conn).delete()
    history = await NeedHistory.filter(need_id__in=ids).using_db(conn).delete()
    matches = await Match.filter(need_id__in=ids).using_db(conn).delete()
    needs = await Need.filter(id__in=ids).using_db(conn).delete()
    return NeedsDeleted(needs=needs, messages=messages, matches=matches, history=history)


async def delete_offers(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> int:
    """Delete offers with their area links; matches keep their row with the offer unset."""
    if not ids:
        return 0
    # The links first (they'd cascade, but SQLite would count them with the offers). The
    # link table has no model: one statement, placeholders bound in each dialect's style.
    if conn.capabilities.dialect == "sqlite":
        marks = ", ".join("?" for _ in ids)
    else:
        marks = ", ".join(f"${n}" for n in range(1, len(ids) + 1))
    await conn.execute_query(
        f"DELETE FROM offer_area WHERE offer_id IN ({marks})",  # noqa: S608 (placeholders only)
        [str(i) for i in ids],
    )
    return await Offer.filter(id__in=ids).using_db(conn).delete()
