"""Writes prepared as plain statements, so a hot path can send them together.

A `Write` is one parameterized statement. `execute` runs writes inside the caller's
transaction, one statement each; `run_atomically` runs them as a transaction of its own in
as few trips as the database allows: one into aiosqlite's thread on SQLite, one statement
between BEGIN and COMMIT on PostgreSQL. The trips are the point: every statement through
Tortoise is a hop to aiosqlite's thread or a round trip to PostgreSQL (about 0.1 ms of CPU
each), and posting a need was nine of them (docs/performance.md).

Statements are written with `?` placeholders; `in_dialect` numbers them for PostgreSQL.
None of our SQL has a literal question mark, which keeps that rewrite trivial.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from mutualaid.storage.db import connection

_PLACEHOLDER = re.compile(r"\?")


@dataclass(frozen=True)
class Write:
    """One statement and its values; with `refuse`, that exception is raised (and the
    transaction rolled back) when the statement changes no row."""

    sql: str
    values: Sequence[Any] = ()
    refuse: type[Exception] | None = field(default=None, compare=False)
    #: A SELECT that guards the writes after it (see `check`): it returns rows itself.
    is_check: bool = False

    @classmethod
    def check(cls, sql: str, values: Sequence[Any], refuse: type[Exception]) -> Write:
        """A SELECT that must find a row, or `refuse` is raised and nothing is written: for
        a condition the writes rely on, tested inside their transaction."""
        return cls(sql, values, refuse=refuse, is_check=True)

    def checked_sql(self) -> str:
        # RETURNING counts the rows on both databases: Tortoise reads no row count from a
        # PostgreSQL INSERT, and an upsert that did nothing returns no row.
        return f"{self.sql} RETURNING 1" if self.refuse and not self.is_check else self.sql


def in_dialect(sql: str, dialect: str) -> str:
    """`?` placeholders as the database wants them: $1, $2, ... on PostgreSQL."""
    if dialect != "postgres":
        return sql
    numbers = iter(range(1, sql.count("?") + 1))
    return _PLACEHOLDER.sub(lambda _: f"${next(numbers)}", sql)


def insert_of(instance: Model) -> Write:
    """The INSERT `Model.create` would send for `instance`: the same columns, and values
    converted by the model's own fields (so encrypted fields are sealed as the ORM seals
    them)."""
    meta = instance._meta
    db = connection()
    columns = db.executor_class(model=type(instance), db=db).regular_columns_all
    values = [
        meta.fields_map[name].to_db_value(getattr(instance, name), instance) for name in columns
    ]
    names = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in columns)
    marks = ", ".join("?" * len(columns))
    # Only the model's own table and column names are spliced in; every value is bound.
    sql = f'INSERT INTO "{meta.db_table}" ({names}) VALUES ({marks})'  # noqa: S608 # nosec B608
    return Write(sql, values)


async def execute(conn: BaseDBAsyncClient, writes: Sequence[Write]) -> None:
    """Run writes in order inside the caller's transaction."""
    dialect = conn.capabilities.dialect
    for write in writes:
        sql = in_dialect(write.checked_sql(), dialect)
        if write.refuse is None:
            await conn.execute_query(sql, list(write.values))
        # Fetched, not executed: on PostgreSQL Tortoise executes an INSERT without reading
        # the rows it returns.
        elif not await conn.execute_query_dict(sql, list(write.values)):
            raise write.refuse()


async def run_atomically(writes: Sequence[Write]) -> None:
    """Run writes as one transaction of their own: all of them or none.

    The writes must be independent: none reads a row another writes (a foreign key to a
    row inserted before it is fine), and no two change the same row. That lets each
    database take them in few trips:
    - SQLite: one call into aiosqlite's thread, holding the lock Tortoise takes for every
      statement on that connection, so nothing else can interleave with it;
    - PostgreSQL: BEGIN, the checks (`Write.check`), then every write in one statement
      (each a data-modifying WITH query), COMMIT. The checks go first because the writes
      of one statement all run: a write that relies on a failed check could raise an
      error (a foreign key) before its refusal is read.
    Must not be called inside another transaction.
    """
    client = connection()
    if client.capabilities.dialect == "sqlite":
        await _on_sqlite(client, writes)
        return
    checks = [write for write in writes if write.is_check]
    changes = [write for write in writes if not write.is_check]
    async with in_transaction() as conn:
        await execute(conn, checks)
        if not changes:
            return
        sql, refusals = _as_one_statement(changes)
        rows = await conn.execute_query_dict(in_dialect(sql, "postgres"), _values(changes))
        for index, refuse in refusals:
            if not rows[0][f"w{index}"]:
                raise refuse()


def _as_one_statement(writes: Sequence[Write]) -> tuple[str, list[tuple[int, type[Exception]]]]:
    """WITH "w0" AS (...), "w1" AS (...) SELECT the row count of each write that can refuse.
    PostgreSQL runs every data-modifying WITH query to completion, read or not."""
    queries = ", ".join(
        f'"w{index}" AS ({write.checked_sql()})' for index, write in enumerate(writes)
    )
    refusals = [(index, w.refuse) for index, w in enumerate(writes) if w.refuse is not None]
    counts = ", ".join(
        f'(SELECT count(*) FROM "w{index}") AS "w{index}"'  # noqa: S608 # nosec B608
        for index, _ in refusals
    )
    # Our own statements and numbered names only; every value is bound.
    return f"WITH {queries} SELECT {counts or '1'}", refusals


def _values(writes: Sequence[Write]) -> list[Any]:
    return [value for write in writes for value in write.values]


async def _on_sqlite(client: BaseDBAsyncClient, writes: Sequence[Write]) -> None:
    async with client.acquire_connection() as database:
        # aiosqlite has no public call for "run this function on the connection's thread";
        # `_execute` is that call (Tortoise itself reaches for `_conn` the same way), and
        # tests/services/test_writes.py holds it to its behaviour.
        try:
            await database._execute(_run_on_sqlite, database._conn, writes)
        except sqlite3.IntegrityError as problem:
            raise IntegrityError(problem) from problem
        except sqlite3.OperationalError as problem:
            raise OperationalError(problem) from problem


def _run_on_sqlite(database: sqlite3.Connection, writes: Sequence[Write]) -> None:
    """On aiosqlite's thread: BEGIN IMMEDIATE (the write lock up front, so two processes
    never deadlock upgrading a read lock), the writes, COMMIT; ROLLBACK on anything."""
    database.execute("BEGIN IMMEDIATE")
    try:
        for write in writes:
            cursor = database.execute(write.checked_sql(), write.values)
            if write.refuse is not None and not cursor.fetchall():
                raise write.refuse()
            cursor.close()
        database.execute("COMMIT")
    except BaseException:
        if database.in_transaction:
            database.execute("ROLLBACK")
        raise
