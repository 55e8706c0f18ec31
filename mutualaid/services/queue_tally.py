"""The queue's tally: how many needs share each QueuePlace, kept exact inside the caller's
transaction, so the queue's counts are sums over a few thousand rows, never a recount.

Every change that puts a need in the queue, moves it within or takes it out goes through
`move_in_queue`: creating a need (services.needs.post_need), changing its status (the one
place for that, services.needs.apply_event: matches, declines, closes, expiry) and
deleting it (services.needs.erase_need; the purge deletes closed needs only, which the
tally never counted).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.domain.queue import QueuePlace, tally_changes
from mutualaid.storage.db import connection
from mutualaid.storage.models import Need
from mutualaid.storage.writes import Write, execute

# One statement, atomic on both databases: concurrent first inserts of the same key can't
# both succeed, and n = n + delta never loses an increment.
_ADD = (
    'INSERT INTO "queue_tally" ("status", "urgency", "category_id", "area_id", "language", "n") '
    "VALUES (?, ?, ?, ?, ?, ?) "
    'ON CONFLICT ("status", "urgency", "category_id", "area_id", "language") '
    'DO UPDATE SET "n" = "queue_tally"."n" + excluded."n"'
)

#: The statuses are QUEUE_STATUSES (a test holds the rebuilt tally to the moved one).
_REBUILD = """
DELETE FROM "queue_tally";
INSERT INTO "queue_tally" ("status", "urgency", "category_id", "area_id", "language", "n")
SELECT "status", "urgency", "category_id", "area_id", "language", COUNT(*) FROM "need"
WHERE "status" IN ('open', 'matched')
GROUP BY "status", "urgency", "category_id", "area_id", "language";
"""


def place_of(need: Need, *, status: str | None = None) -> QueuePlace:
    """The need's place in the tally (with another status, for where a step takes it)."""
    return QueuePlace(
        status=status or need.status,
        urgency=need.urgency,
        category_id=need.category_id,  # type: ignore[attr-defined]
        area_id=need.area_id,  # type: ignore[attr-defined]
        language=need.language,
    )


def tally_writes(before: QueuePlace | None, after: QueuePlace | None) -> list[Write]:
    """The statements that move one need in the tally: from `before` (None: it is new) to
    `after` (None: it is deleted). They must run in the transaction that makes the change."""
    return [
        Write(
            _ADD,
            (
                place.status,
                place.urgency,
                str(place.category_id),
                str(place.area_id),
                place.language,
                delta,
            ),
        )
        for place, delta in tally_changes(before, after)
    ]


async def move_in_queue(
    conn: BaseDBAsyncClient, before: QueuePlace | None, after: QueuePlace | None
) -> None:
    """Move one need in the tally inside the caller's transaction (see tally_writes)."""
    await execute(conn, tally_writes(before, after))


async def rebuild_queue_tally(conn: BaseDBAsyncClient | None = None) -> None:
    """Recount the tally from the needs: for needs stored without the services (bulk loads
    in benchmarks and tests) or to repair it. Not needed in normal running."""
    await (conn or connection()).execute_script(_REBUILD)
