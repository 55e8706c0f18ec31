"""A need's history: events and roles in order, never words or names."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.domain.clock import this_hour
from mutualaid.storage.models import NeedHistory
from mutualaid.storage.writes import Write, execute, insert_of


def history_write(need_id: uuid.UUID, seq: int, event: str, actor_role: str) -> Write:
    """The statement that records event number `seq` of a need (1 for a new need)."""
    entry = NeedHistory(
        need_id=need_id, seq=seq, event=event, actor_role=actor_role, created_at=this_hour()
    )
    return insert_of(entry)


async def record_history(
    conn: BaseDBAsyncClient, need_id: uuid.UUID, event: str, actor_role: str
) -> None:
    """Append an event inside the caller's transaction."""
    last = (
        await NeedHistory.filter(need_id=need_id)
        .using_db(conn)
        .order_by("-seq")
        .limit(1)
        .values_list("seq", flat=True)
    )
    seq = int(last[0]) + 1 if last else 1  # type: ignore[call-overload]
    await execute(conn, [history_write(need_id, seq, event, actor_role)])
