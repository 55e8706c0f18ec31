"""What must hold in the database after a load run, crashed or not.

Taken with the server stopped, before and after the run (`snapshot`), then compared
(`broken`). The load never erases, withdraws, closes or declines, and the scheduler is off,
so every change the run makes is one of: a need posted, an offer posted, a match proposed
(the need goes matched, the offer gives up one unit), a match accepted, a message written.
Each invariant follows from services/needs.py, services/matching.py, services/counters.py
and services/queue_tally.py doing each of those in one transaction:

1. every need whose post was acknowledged (its codename came back) is stored;
2. SQLite: `PRAGMA integrity_check` says ok and `PRAGMA foreign_key_check` finds nothing;
3. the `needs_posted` counter grew by exactly the number of needs added;
4. the `needs_matched` counter grew by exactly the number of matches added;
5. every matched need has exactly one open match, and every open match's need is matched;
6. the queue's tally equals a recount of the needs it tallies;
7. for every offer, units used (capacity - capacity_left) minus matches holding a unit
   (proposed, accepted, fulfilled) is what it was before: no unit taken without its match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mutualaid.domain.match_rules import MatchStatus
from mutualaid.services.holdings import hash_typed_codename
from mutualaid.storage.db import connection, is_sqlite
from mutualaid.storage.models import Counter, Match, Need

#: Matches that hold one unit of their offer's capacity.
HOLDING_UNIT = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED, MatchStatus.FULFILLED)
OPEN_MATCH = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)

_TALLY_MISMATCHES = """
SELECT COUNT(*) AS "n" FROM (
  SELECT "status", "urgency", "category_id", "area_id", "language", "n" FROM "queue_tally"
  WHERE "n" <> 0
  EXCEPT
  SELECT "status", "urgency", "category_id", "area_id", "language", COUNT(*) FROM "need"
  WHERE "status" IN ('open', 'matched')
  GROUP BY "status", "urgency", "category_id", "area_id", "language"
) AS "a"
"""
_TALLY_MISSING = """
SELECT COUNT(*) AS "n" FROM (
  SELECT "status", "urgency", "category_id", "area_id", "language", COUNT(*) FROM "need"
  WHERE "status" IN ('open', 'matched')
  GROUP BY "status", "urgency", "category_id", "area_id", "language"
  EXCEPT
  SELECT "status", "urgency", "category_id", "area_id", "language", "n" FROM "queue_tally"
) AS "b"
"""
_UNITS = """
SELECT "o"."id" AS "id", "o"."capacity" - "o"."capacity_left" - (
  SELECT COUNT(*) FROM "match" AS "m"
  WHERE "m"."offer_id" = "o"."id" AND "m"."status" IN ('proposed', 'accepted', 'fulfilled')
) AS "drift" FROM "offer" AS "o"
"""
_MATCHED_WITHOUT_ONE_OPEN = """
SELECT COUNT(*) AS "n" FROM "need" AS "n"
WHERE "n"."status" = 'matched' AND (
  SELECT COUNT(*) FROM "match" AS "m"
  WHERE "m"."need_id" = "n"."id" AND "m"."status" IN ('proposed', 'accepted')
) <> 1
"""
_OPEN_ON_UNMATCHED = """
SELECT COUNT(*) AS "n" FROM "match" AS "m" JOIN "need" AS "n" ON "n"."id" = "m"."need_id"
WHERE "m"."status" IN ('proposed', 'accepted') AND "n"."status" <> 'matched'
"""


@dataclass(frozen=True)
class Snapshot:
    needs: int
    matches: int
    posted: int
    matched: int
    unit_drift: dict[str, int]


async def _rows(sql: str) -> list[dict[str, Any]]:
    _, rows = await connection().execute_query(sql)
    return [dict(row) for row in rows]


async def _count(sql: str) -> int:
    return int((await _rows(sql))[0]["n"])


async def _metric(name: str) -> int:
    values = await Counter.filter(metric=name).values_list("value", flat=True)
    return sum(int(v) for v in values)  # type: ignore[call-overload]


async def snapshot() -> Snapshot:
    return Snapshot(
        needs=await Need.all().count(),
        matches=await Match.all().count(),
        posted=await _metric("needs_posted"),
        matched=await _metric("needs_matched"),
        unit_drift={str(row["id"]): int(row["drift"]) for row in await _rows(_UNITS)},
    )


async def missing_needs(codenames: list[str], codename_key: bytes) -> int:
    """How many acknowledged needs are not in the database (codenames stay in memory)."""
    missing = 0
    for codename in codenames:
        digest = hash_typed_codename(codename, codename_key)
        missing += not await Need.filter(codename_hash=digest).exists()
    return missing


async def broken(before: Snapshot, codenames: list[str], codename_key: bytes) -> list[str]:
    """Every invariant that does not hold, in words (empty when all hold)."""
    problems = []
    lost = await missing_needs(codenames, codename_key)
    if lost:
        problems.append(f"{lost} acknowledged needs are missing")
    if is_sqlite():
        integrity = [next(iter(row.values())) for row in await _rows("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        if await _rows("PRAGMA foreign_key_check"):
            problems.append("foreign_key_check found rows pointing nowhere")
    after = await snapshot()
    if after.posted - before.posted != after.needs - before.needs:
        problems.append(
            f"needs_posted moved by {after.posted - before.posted}, needs by "
            f"{after.needs - before.needs}"
        )
    if after.matched - before.matched != after.matches - before.matches:
        problems.append(
            f"needs_matched moved by {after.matched - before.matched}, matches by "
            f"{after.matches - before.matches}"
        )
    if count := await _count(_MATCHED_WITHOUT_ONE_OPEN):
        problems.append(f"{count} matched needs without exactly one open match")
    if count := await _count(_OPEN_ON_UNMATCHED):
        problems.append(f"{count} open matches on needs that are not matched")
    if count := await _count(_TALLY_MISMATCHES) + await _count(_TALLY_MISSING):
        problems.append(f"queue tally differs from a recount in {count} places")
    drifted = [
        offer
        for offer, drift in after.unit_drift.items()
        if drift != before.unit_drift.get(offer, 0)
    ]
    if drifted:
        problems.append(f"{len(drifted)} offers lost or gained units without a match")
    return problems
