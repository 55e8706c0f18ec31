"""Deleting needs and community offers for good: the one path shared by the member's "erase
everything now" and the scheduled purge (privacy promise 5)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
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

#: Every table a need's rows live in, children first (the order they are emptied in).
NEED_TABLES = (*(table for table, _ in NEED_CHILDREN), "need")

#: (table, column) pairs that keep their row with the link to the need unset.
NEED_LINKS = (("disbursement", "need_id"),)


def _marks(conn: BaseDBAsyncClient, count: int) -> str:
    """Bound-parameter marks in the connection's dialect."""
    if conn.capabilities.dialect == "sqlite":
        return ", ".join("?" * count)
    return ", ".join(f"${n}" for n in range(1, count + 1))


async def _delete_where_in(
    conn: BaseDBAsyncClient, table: str, column: str, ids: Sequence[uuid.UUID]
) -> int:
    """DELETE ... WHERE column IN (ids), parameters bound in each dialect's style.

    Plain SQL rather than the ORM's query builder: at a million rows the purge would spend
    half its time composing the same statement (benchmarks/jobs_bench.py)."""
    # Table and column are our own constants, and every id is a bound parameter.
    sql = f'DELETE FROM "{table}" WHERE "{column}" IN ({_marks(conn, len(ids))})'  # noqa: S608 # nosec B608
    # nosemgrep: mutualaid-sql-built-from-strings
    deleted, _ = await conn.execute_query(sql, [str(i) for i in ids])
    return int(deleted)


async def _delete_needs(
    conn: BaseDBAsyncClient,
    child_rows: Callable[[str, str], str],
    need_rows: str,
    params: Sequence[object],
) -> NeedsDeleted:
    """Children first, so each count is of its own table, and links unset, so the foreign
    keys' own actions on `need` find nothing left to do (and the purge can do without them:
    storage/db.py, `transaction_without_foreign_key_actions`): `child_rows(table, column)` is
    the condition on a child table, `need_rows` the one on `need` itself, both with the same
    bound `params`."""
    counts = []
    for table, column in NEED_CHILDREN:
        # Fixed SQL: table and column from NEED_CHILDREN, values bound by the caller.
        sql = f'DELETE FROM "{table}" WHERE {child_rows(table, column)}'  # noqa: S608 # nosec B608
        # nosemgrep: mutualaid-sql-built-from-strings
        deleted, _ = await conn.execute_query(sql, list(params))
        counts.append(int(deleted))
    for table, column in NEED_LINKS:
        # Fixed SQL: table and column from NEED_LINKS, values bound by the caller.
        unset = f'UPDATE "{table}" SET "{column}" = NULL WHERE {child_rows(table, column)}'  # noqa: S608 # nosec B608
        # nosemgrep: mutualaid-sql-built-from-strings
        await conn.execute_query(unset, list(params))
    # Fixed SQL from this module's callers (marks or a subquery); values bound.
    need_sql = f'DELETE FROM "need" WHERE {need_rows}'  # noqa: S608 # nosec B608
    # nosemgrep: mutualaid-sql-built-from-strings
    needs, _ = await conn.execute_query(need_sql, list(params))
    messages, history, matches = counts
    return NeedsDeleted(needs=int(needs), messages=messages, matches=matches, history=history)


async def delete_needs(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> NeedsDeleted:
    """Delete needs with their threads, history and matches (consent lives on the match).
    Counters are the caller's business."""
    if not ids:
        return NeedsDeleted()
    marks = _marks(conn, len(ids))
    return await _delete_needs(
        conn,
        lambda _table, column: f'"{column}" IN ({marks})',
        f'"id" IN ({marks})',
        [str(i) for i in ids],
    )


#: The batch being purged on SQLite: each need's id (to find its children through their
#: `need_id` index) and its rowid (to delete it without a lookup in the id index). A temp
#: table lives in this connection only and holds no content, just the doomed ids.
_BATCH_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS purge_batch"
    " (id TEXT PRIMARY KEY, need_rowid INTEGER NOT NULL) WITHOUT ROWID"
)


def _child_rows_in_table_order(table: str, column: str) -> str:
    """A child table's rows of the batch, deleted in the child table's own (rowid) order.

    CROSS JOIN keeps the batch as the outer loop, so the child's `need_id` index is only
    probed for the batch's ids (in sorted order), never scanned whole; SQLite sorts the
    rowids it finds before deleting, so the table's pages are visited once each, in order,
    instead of at random (which, at a million needs, is most of the purge's cost)."""
    # Fixed SQL: table and column from NEED_CHILDREN and NEED_LINKS, never input.
    rows = f'SELECT c.rowid FROM temp.purge_batch AS b CROSS JOIN "{table}" AS c'  # noqa: S608 # nosec B608
    return f'rowid IN ({rows} ON c."{column}" = b.id)'


async def delete_needs_in_table_order(
    conn: BaseDBAsyncClient, where: str, params: Sequence[object], limit: int
) -> NeedsDeleted:
    """SQLite only: delete, as `delete_needs` does, the first `limit` needs matching `where`
    (fixed SQL with `?` marks, never input) in the table's own order.

    A SQLite table whose key isn't an integer keeps its rows in insertion order (rowid), and
    a need's messages, matches and history were mostly written around the same time: walking
    needs by rowid, and each child table by its own rowid, keeps a batch's deletes on
    neighbouring pages of every table. The batch is chosen once, inside SQLite, into a temp
    table (no ids through Python, so a batch can be larger than the limit on bound
    parameters). NOT INDEXED: otherwise SQLite reads every matching need through an index
    and sorts them all by rowid."""
    if conn.capabilities.dialect != "sqlite":
        raise ValueError("table order is SQLite's rowid")
    await conn.execute_query(_BATCH_TABLE)
    await conn.execute_query("DELETE FROM temp.purge_batch")
    # Fixed SQL from this module's callers; values bound, the limit an int.
    chosen = f"SELECT id, rowid FROM need NOT INDEXED WHERE {where}"  # noqa: S608 # nosec B608
    fill = (
        f"INSERT INTO temp.purge_batch (id, need_rowid) {chosen} ORDER BY rowid LIMIT {int(limit)}"
    )
    # nosemgrep: mutualaid-sql-built-from-strings
    await conn.execute_query(fill, list(params))
    deleted = await _delete_needs(
        conn,
        _child_rows_in_table_order,
        "rowid IN (SELECT need_rowid FROM temp.purge_batch)",
        [],
    )
    await conn.execute_query("DELETE FROM temp.purge_batch")
    return deleted


async def _rows_in(conn: BaseDBAsyncClient, table: str) -> int:
    # Fixed SQL: our own table names, never input.
    # nosemgrep: mutualaid-sql-built-from-strings
    _, rows = await conn.execute_query(f'SELECT count(*) AS n FROM "{table}"')  # noqa: S608 # nosec B608
    return int(rows[0]["n"])


async def _columns(conn: BaseDBAsyncClient, table: str) -> str:
    """A table's columns as a quoted list, read from the schema itself."""
    # Fixed SQL: our own table names, never input (PRAGMA takes no bound parameters).
    # nosemgrep: mutualaid-sql-built-from-strings
    _, rows = await conn.execute_query(f'PRAGMA table_info("{table}")')
    return ", ".join(f'"{dict(row)["name"]}"' for row in rows)


async def _set_aside(
    conn: BaseDBAsyncClient, table: str, where: str, params: Sequence[object]
) -> None:
    """Copy a table's rows matching `where` (fixed SQL) into temp."kept_<table>", each
    under its own rowid."""
    columns = await _columns(conn, table)
    # Fixed SQL: our own table names, the schema's own columns, conditions from this module.
    empty = f'CREATE TEMP TABLE "kept_{table}" AS SELECT {columns} FROM "{table}" WHERE 0'  # noqa: S608 # nosec B608
    copy = (
        f'INSERT INTO temp."kept_{table}" (rowid, {columns})'  # noqa: S608 # nosec B608
        f' SELECT rowid, {columns} FROM "{table}" WHERE {where}'
    )
    # nosemgrep: mutualaid-sql-built-from-strings
    await conn.execute_query(empty)
    # nosemgrep: mutualaid-sql-built-from-strings
    await conn.execute_query(copy, list(params))


async def delete_needs_keeping_the_rest(
    conn: BaseDBAsyncClient, where: str, params: Sequence[object]
) -> NeedsDeleted:
    """SQLite only: delete every need matching `where` (fixed SQL with `?` marks, never
    input), with its children, by setting aside what stays, emptying the four tables and
    putting what stays back, in one transaction with foreign-key actions off.

    For a backlog that is most of the table (a server that was down for weeks, a restored
    backup). Deleting row by row touches about nine random-id indexes in random order, so
    at a million needs nearly every page of each is rewritten several times (docs/jobs.md,
    "Speed"); emptying a table frees its pages in one pass, each zeroed by secure_delete
    (promise 5), and the rows that stay are few by the caller's choice. The rows set aside
    keep their rowids, so tables keep their order; the schema (tables, indexes,
    constraints) is never touched. What stays passes through a temp table on this
    connection only (SQLite's temp file, unlinked from the start): live records, never
    deleted ones."""
    if conn.capabilities.dialect != "sqlite":
        raise ValueError("emptying a table this way is SQLite's truncate optimization")
    before = {table: await _rows_in(conn, table) for table in NEED_TABLES}
    # IS NOT 1 rather than NOT: a row the condition can't decide (NULL) stays, as it would
    # row by row.
    await _set_aside(conn, "need", f"({where}) IS NOT 1", params)
    for table, column in NEED_CHILDREN:
        # Fixed SQL: column from NEED_CHILDREN, never input.
        kept = f'"{column}" IN (SELECT id FROM temp."kept_need")'  # noqa: S608 # nosec B608
        await _set_aside(conn, table, kept, [])
    for table, column in NEED_LINKS:
        # Fixed SQL: table and column from NEED_LINKS, never input.
        unset = (
            f'UPDATE "{table}" SET "{column}" = NULL WHERE "{column}" IS NOT NULL'  # noqa: S608 # nosec B608
            f' AND "{column}" NOT IN (SELECT id FROM temp."kept_need")'
        )
        # nosemgrep: mutualaid-sql-built-from-strings
        await conn.execute_query(unset)
    after: dict[str, int] = {}
    for table in NEED_TABLES:
        # No WHERE and no triggers, foreign keys off: SQLite frees the table's and its
        # indexes' pages whole instead of visiting each row.
        # nosemgrep: mutualaid-sql-built-from-strings
        await conn.execute_query(f'DELETE FROM "{table}"')  # noqa: S608 # nosec B608
        columns = await _columns(conn, table)
        # Fixed SQL: our own table names and the schema's own columns. The temp table is
        # read in its rowid order, which is the original table's: no sort, no memory.
        back = (
            f'INSERT INTO "{table}" (rowid, {columns})'  # noqa: S608 # nosec B608
            f' SELECT rowid, {columns} FROM temp."kept_{table}"'
        )
        # nosemgrep: mutualaid-sql-built-from-strings
        after[table], _ = await conn.execute_query(back)
        # nosemgrep: mutualaid-sql-built-from-strings
        await conn.execute_query(f'DROP TABLE temp."kept_{table}"')
    return NeedsDeleted(
        needs=before["need"] - int(after["need"]),
        messages=before["message"] - int(after["message"]),
        matches=before["match"] - int(after["match"]),
        history=before["need_history"] - int(after["need_history"]),
    )


async def delete_offers(conn: BaseDBAsyncClient, ids: Sequence[uuid.UUID]) -> int:
    """Delete offers with their area links; matches keep their row with the offer unset."""
    if not ids:
        return 0
    # The links first: they'd cascade, but SQLite would count them with the offers.
    await _delete_where_in(conn, "offer_area", "offer_id", ids)
    return await _delete_where_in(conn, "offer", "id", ids)
