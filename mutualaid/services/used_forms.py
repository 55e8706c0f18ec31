"""Refusing the same form twice (a double click, a reload), whichever worker answers.

A page carries a random form id; the first submission records a hash of it. The record says
nothing about anyone, holds no time finer than the hour, and the purge job deletes it
within two hours: long enough for any double submission, short enough to be no log.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.domain.clock import this_hour
from mutualaid.storage.db import connection
from mutualaid.storage.models import UsedForm
from mutualaid.storage.writes import Write, execute

#: How long a used form id is refused (at least; up to an hour more, as times are hourly).
KEEP = timedelta(hours=1)


def _digest(form_id: str) -> str:
    return hashlib.sha256(form_id.encode("utf-8", "replace")).hexdigest()


def well_formed(form_id: str) -> bool:
    return 16 <= len(form_id) <= 64


async def first_time(form_id: str) -> bool:
    """True the first time a form id is presented; malformed ids count as new (the page
    that would have carried them is not ours, so there is nothing to protect)."""
    try:
        await claim(connection(), form_id)
    except FormAlreadyUsed:
        return False
    return True


#: Records a form id unless it is there already; the RETURNING row says which.
_CLAIM = (
    'INSERT INTO "used_form" ("digest", "seen_at") VALUES (?, ?) ON CONFLICT ("digest") DO NOTHING'
)


class FormAlreadyUsed(Exception):
    """This form was sent before (a double click, a reload): nothing new is stored."""


def claim_writes(form_id: str) -> list[Write]:
    """The statement that records a form id, refusing with FormAlreadyUsed if it was
    recorded before (none for a malformed id), to run with what the form stores."""
    if not well_formed(form_id):
        return []
    return [Write(_CLAIM, (_digest(form_id), this_hour()), refuse=FormAlreadyUsed)]


async def claim(conn: BaseDBAsyncClient, form_id: str) -> None:
    """Record a form id inside the caller's transaction, so the form and what it stores are
    kept together or not at all (a failure after this leaves the form free to send again);
    FormAlreadyUsed if it was recorded before, which rolls the caller's transaction back."""
    await execute(conn, claim_writes(form_id))


async def forget(form_id: str) -> None:
    """The submission was refused after all, so the same form may be sent again."""
    if well_formed(form_id):
        await UsedForm.filter(digest=_digest(form_id)).delete()


async def forget_used_before(now: datetime) -> int:
    """Delete records past their time (the purge job); returns how many."""
    return await UsedForm.filter(seen_at__lt=now - KEEP).delete()
