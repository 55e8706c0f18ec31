"""The staff audit log: who did what to which record, never anyone's words (promise 8)."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.domain.clock import this_hour
from mutualaid.storage.models import AuditEvent


async def record(
    conn: BaseDBAsyncClient | None,
    *,
    staff_id: uuid.UUID | None,
    action: str,
    record_type: str,
    record_id: uuid.UUID | str,
) -> None:
    """Write one audit event, inside the caller's transaction when one is given."""
    await AuditEvent.create(
        staff_id=staff_id,
        action=action,
        record_type=record_type,
        record_id=str(record_id),
        created_at=this_hour(),
        using_db=conn,
    )
