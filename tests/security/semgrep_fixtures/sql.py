"""Bad examples for mutualaid-sql-built-from-strings: never imported, only scanned."""

from typing import Any


async def bound(conn: Any, status: str) -> None:
    # ok: mutualaid-sql-built-from-strings
    await conn.execute_query('SELECT "id" FROM "need" WHERE "status" = ?', [status])


async def f_string(conn: Any, status: str) -> None:
    # ruleid: mutualaid-sql-built-from-strings
    await conn.execute_query(f'SELECT "id" FROM "need" WHERE "status" = \'{status}\'')


async def through_a_variable(conn: Any, table: str) -> None:
    sql = f'DELETE FROM "{table}"'
    # ruleid: mutualaid-sql-built-from-strings
    await conn.execute_script(sql)


async def percent(conn: Any, area: str) -> None:
    # ruleid: mutualaid-sql-built-from-strings
    await conn.execute_query("SELECT * FROM need WHERE area_id = '%s'" % area)


async def dot_format(conn: Any, area: str) -> None:
    # ruleid: mutualaid-sql-built-from-strings
    await conn.execute_query("SELECT * FROM need WHERE area_id = '{}'".format(area))


async def joined_parts(conn: Any, areas: list[str]) -> None:
    parts = []
    for area in areas:
        parts.append(f"SELECT * FROM need WHERE area_id = '{area}'")
    statement = " UNION ALL ".join(parts)
    # ruleid: mutualaid-sql-built-from-strings
    await conn.execute_query(statement)


def raw_query(model: Any, name: str) -> Any:
    # ruleid: mutualaid-sql-built-from-strings
    return model.raw(f"SELECT * FROM organization WHERE name = '{name}'")
