"""Where the time goes: each SQL statement of one call, its time, and the slowest plans."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from mutualaid.services.matching import suggestions_for
from mutualaid.storage.db import connection, is_sqlite
from mutualaid.storage.models import Need


@dataclass
class Statement:
    sql: str
    values: list[Any]
    ms: float


@contextmanager
def recording(into: list[Statement]) -> Iterator[None]:
    """Record every statement the default connection runs, with its time."""
    cls = type(connection())
    originals = {name: getattr(cls, name) for name in ("execute_query", "execute_query_dict")}

    def wrap(original: Any) -> Any:
        async def timed(self: Any, query: str, values: list[Any] | None = None) -> Any:
            started = time.perf_counter()
            try:
                return await original(self, query, values)
            finally:
                ms = (time.perf_counter() - started) * 1000
                into.append(Statement(query, list(values or []), ms))

        return timed

    for name, original in originals.items():
        setattr(cls, name, wrap(original))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(cls, name, original)


async def plan(statement: Statement) -> list[str]:
    """EXPLAIN QUERY PLAN on SQLite; EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL."""
    if is_sqlite():
        _, rows = await connection().execute_query(
            "EXPLAIN QUERY PLAN " + statement.sql, statement.values
        )
        depth: dict[int, int] = {0: 0}
        lines = []
        for row in rows:
            item = dict(row)
            level = depth.get(item["parent"], 0) + 1
            depth[item["id"]] = level
            lines.append("  " * level + str(item["detail"]))
        return lines
    _, rows = await connection().execute_query(
        "EXPLAIN (ANALYZE, BUFFERS) " + statement.sql, statement.values
    )
    return ["  " + str(dict(row)["QUERY PLAN"]) for row in rows]


async def explain_call(
    label: str, call: Callable[[], Awaitable[object]], *, plans: int = 2, width: int = 160
) -> str:
    """One call's statements with their times (wall time too), and the slowest ones' plans."""
    statements: list[Statement] = []
    started = time.perf_counter()
    with recording(statements):
        await call()
    wall = (time.perf_counter() - started) * 1000
    sql = sum(s.ms for s in statements)
    out = [f"-- {label}: {wall:.2f} ms wall, {len(statements)} statements, {sql:.2f} ms in SQL"]
    out += [f"   {s.ms:7.2f} ms  {s.sql[:width]}" for s in statements]
    for statement in sorted(statements, key=lambda s: -s.ms)[:plans]:
        out.append(f"-- plan of the {statement.ms:.2f} ms statement:\n{statement.sql}")
        out.append(f"   values: {_short(statement.values)}")
        out += await plan(statement)
    return "\n".join(out)


def _short(values: list[Any], keep: int = 12) -> str:
    shown = ", ".join(repr(v) for v in values[:keep])
    return f"[{shown}{', …' if len(values) > keep else ''}] ({len(values)} values)"


async def explain_suggestions(rng: random.Random, *, samples: int = 2) -> str:
    ids: list[uuid.UUID] = list(await Need.filter(status="open").values_list("id", flat=True))  # type: ignore[arg-type]
    parts = []
    for need_id in rng.sample(ids, k=samples):
        parts.append(
            await explain_call(
                f"suggestions_for({need_id})", partial(suggestions_for, need_id), plans=1
            )
        )
    return "\n".join(parts)
