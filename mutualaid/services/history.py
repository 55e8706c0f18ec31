"""A need's history: events and roles in order, never words or names."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.domain.clock import this_hour
from mutualaid.storage.models import NeedHistory


async def record_history(
    conn: BaseDBAsyncClient, need_id: uuid.UUID, event: str, actor_role: str, *, first: bool = False
) -> None:
    """Append an event; `first` for a need created in this transaction, whose history is
    empty (one statement fewer on every post)."""
    last = (
        []
        if first
        else await NeedHistory.filter(need_id=need_id)
        .using_db(conn)
        .order_by("-seq")
        .limit(1)
        .values_list("seq", flat=True)
    )
    await NeedHistory.create(
        need_id=need_id,
        seq=int(last[0]) + 1 if last else 1,  # type: ignore[call-overload]
        event=event,
        actor_role=actor_role,
        created_at=this_hour(),
        using_db=conn,
    )
