"""Helpers for privacy tests: plant canaries, then search everywhere they must not be."""

from __future__ import annotations

import uuid

from tests.conftest import Database


def canary(label: str) -> str:
    """A unique marker that appears nowhere unless we put it there."""
    return f"CANARY{label}{uuid.uuid4().hex[:12]}"


async def stored_text_contains(db: Database, needle: str) -> bool:
    """Is `needle` anywhere in the database as stored? Raw file bytes on SQLite; every row as
    text on PostgreSQL (where the files belong to the server)."""
    if db.sqlite_file is not None:
        raw = needle.encode()
        return any(raw in path.read_bytes() for path in db.raw_files())
    from mutualaid.storage.db import connection

    conn = connection()
    _, columns = await conn.execute_query(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'public'"
    )
    for row in map(dict, columns):
        table, column = row["table_name"], row["column_name"]
        probe = (
            f"position(convert_to($1, 'UTF8') in \"{column}\")"
            if row["data_type"] == "bytea"
            else f'position($1 in "{column}"::text)'
        )
        sql = f'SELECT 1 FROM "{table}" WHERE {probe} > 0 LIMIT 1'
        _, hits = await conn.execute_query(sql, [needle])
        if hits:
            return True
    return False
