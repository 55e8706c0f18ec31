"""Migrations: the committed ones build exactly the schema the models describe."""

from __future__ import annotations

import re
from typing import Any

from tortoise import Tortoise

from mutualaid.settings import Settings
from mutualaid.storage.db import tortoise_config
from tests.conftest import PG_ADMIN_URL, Database


async def _schema() -> dict[str, Any]:
    conn = Tortoise.get_connection("default")
    if conn.capabilities.dialect == "sqlite":
        _, tables = await conn.execute_query(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'aerich'"
        )
        schema: dict[str, Any] = {}
        for row in tables:
            name = dict(row)["name"]
            _, cols = await conn.execute_query(f'PRAGMA table_info("{name}")')
            _, idx = await conn.execute_query(f'PRAGMA index_list("{name}")')
            schema[name] = (
                sorted((c["name"], c["type"], c["notnull"], c["pk"]) for c in map(dict, cols)),
                sorted((i["unique"], i["origin"]) for i in map(dict, idx)),
            )
        return schema
    _, cols = await conn.execute_query(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name != 'aerich'"
    )
    _, idx = await conn.execute_query(
        "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        "AND tablename != 'aerich'"
    )
    return {
        "columns": sorted(tuple(dict(c).values()) for c in cols),
        # Index names differ between generators; what they index must not.
        "indexes": sorted(re.sub(r"INDEX \S+ ON", "INDEX ON", dict(i)["indexdef"]) for i in idx),
    }


async def test_migrations_match_the_models(db: Database, settings: Settings) -> None:
    migrated = await _schema()
    await Tortoise.close_connections()
    if PG_ADMIN_URL:
        from tests.conftest import _pg_admin, pg_database_url

        name = "mutualaid_models_only"
        await _pg_admin(f'DROP DATABASE IF EXISTS "{name}"')
        await _pg_admin(f'CREATE DATABASE "{name}"')
        url = pg_database_url(PG_ADMIN_URL, name)
    else:
        url = settings.database_url.replace("test.sqlite3", "models_only.sqlite3")
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    await Tortoise.generate_schemas()
    from_models = await _schema()
    await Tortoise.close_connections()
    if PG_ADMIN_URL:
        await _pg_admin('DROP DATABASE IF EXISTS "mutualaid_models_only" WITH (FORCE)')
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)
    assert migrated == from_models


def test_migrating_again_changes_nothing(settings: Settings) -> None:
    import asyncio

    from mutualaid.storage.migrate import apply_migrations

    assert asyncio.run(apply_migrations(settings.database_url)) == []
