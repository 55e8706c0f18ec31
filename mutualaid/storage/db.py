"""Starting and stopping the database, and the SQLite settings deletion depends on."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any
from urllib.parse import urlencode, urlsplit

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

from mutualaid.crypto import FieldCipher
from mutualaid.storage.fields import install_cipher

MODELS_MODULE = "mutualaid.storage.models"

#: Privacy promise 5 on SQLite: freed pages are zeroed (secure_delete, set on every
#: connection because it is per connection) and the WAL is checkpointed after deletions.
SQLITE_PRAGMAS = {
    "secure_delete": "ON",
    "synchronous": "NORMAL",
    "busy_timeout": "5000",
    # Up to 64 MiB of page cache (allocated as used): the purge's deletes touch index pages
    # all over a large file, and at a million needs the default 2 MiB makes it thrash.
    "cache_size": "-65536",
}

#: The purge's page cache on SQLite, in KiB, only while it runs (then given back): a large
#: backlog deletes from about nine indexes in random order, and every index page that falls
#: out of the cache mid-transaction is written to the WAL again. 96 MiB keeps the purge's
#: process under 200 MB at its peak (benchmarks/jobs_bench.py; docs/jobs.md, "Speed").
PURGE_CACHE_KIB = 98_304


class StorageError(RuntimeError):
    """The database can't keep our deletion promise, so we refuse to start."""


def database_url(url: str) -> str:
    """The URL Tortoise should open: SQLite gets our PRAGMAs as query parameters."""
    if not url.startswith("sqlite://"):
        return url.replace("postgresql://", "postgres://", 1)
    parts = urlsplit(url)
    extra = {k: v for k, v in SQLITE_PRAGMAS.items() if f"{k}=" not in parts.query}
    query = "&".join(filter(None, [parts.query, urlencode(extra)]))
    return url.split("?", 1)[0] + "?" + query


def tortoise_config(url: str, *, with_aerich: bool = False) -> dict[str, Any]:
    models = [MODELS_MODULE, "aerich.models"] if with_aerich else [MODELS_MODULE]
    return {
        "connections": {"default": database_url(url)},
        "apps": {"models": {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for PostgreSQL or memory."""
    if not url.startswith("sqlite://"):
        return None
    path = url.removeprefix("sqlite://").split("?", 1)[0]
    return None if path in ("", ":memory:") else path


async def start_storage(url: str, encryption_key: bytes) -> None:
    """Open the database, install the field cipher, and check the deletion settings."""
    path = sqlite_path(url)
    if path:
        from pathlib import Path

        Path(path).parent.mkdir(parents=True, exist_ok=True)
    install_cipher(FieldCipher(encryption_key))
    await Tortoise.init(config=tortoise_config(url, with_aerich=True), _enable_global_fallback=True)
    quiet_sql_logging()
    if path is not None or url.startswith("sqlite://"):
        await _require_secure_delete()


async def stop_storage() -> None:
    await Tortoise.close_connections()
    install_cipher(None)


def connection() -> BaseDBAsyncClient:
    return Tortoise.get_connection("default")


def is_sqlite() -> bool:
    return connection().capabilities.dialect == "sqlite"


async def _require_secure_delete() -> None:
    _, rows = await connection().execute_query("PRAGMA secure_delete")
    if not rows or int(next(iter(dict(rows[0]).values()))) != 1:
        raise StorageError("SQLite secure_delete is off; deleted text could survive on disk")


@asynccontextmanager
async def larger_page_cache(kib: int) -> AsyncIterator[None]:
    """On SQLite, let the connection cache up to `kib` KiB of pages for the length of the
    block, then set its own size back and free what it held. PostgreSQL: nothing to do."""
    if not is_sqlite():
        yield
        return
    conn = connection()
    _, rows = await conn.execute_query("PRAGMA cache_size")
    before = int(next(iter(dict(rows[0]).values())))
    # PRAGMA takes no bound parameters; both values are ints.
    # nosemgrep: mutualaid-sql-built-from-strings
    await conn.execute_query(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        # nosemgrep: mutualaid-sql-built-from-strings
        await conn.execute_query(f"PRAGMA cache_size = {int(before)}")
        await conn.execute_query("PRAGMA shrink_memory")


@asynccontextmanager
async def transaction_without_foreign_key_actions() -> AsyncIterator[BaseDBAsyncClient]:
    """A write transaction for a caller that deletes every dependant row itself first, as
    services/erasure.py does (tests/jobs/test_purge.py checks its list against the schema).

    On SQLite, foreign keys are off on this connection for this transaction only: with them
    on, each deleted need makes SQLite look for children in four `need_id` indexes, in
    random order, though none are left (a sixth of the purge's time at a million needs).
    Other connections keep them on. `PRAGMA foreign_keys` can't change inside a transaction,
    so Tortoise's (still empty) one is ended, and ours opened, while Tortoise's lock keeps the
    connection ours; it is switched back on before anything else can use the connection.
    PostgreSQL: a plain transaction."""
    async with in_transaction() as conn:
        if conn.capabilities.dialect != "sqlite":
            yield conn
            return
        await conn.execute_query("COMMIT")
        await conn.execute_query("PRAGMA foreign_keys = OFF")
        try:
            await conn.execute_query("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with suppress(OperationalError):  # SQLite may have rolled back already
                    await conn.execute_query("ROLLBACK")
                raise
            await conn.execute_query("COMMIT")
        finally:
            await conn.execute_query("PRAGMA foreign_keys = ON")
            # An empty transaction again, for Tortoise to end as it expects.
            await conn.execute_query("BEGIN")


async def checkpoint() -> None:
    """After deleting, fold the WAL into the database and truncate it, so no copy survives."""
    if is_sqlite():
        await connection().execute_script("PRAGMA wal_checkpoint(TRUNCATE)")


def quiet_sql_logging() -> None:
    """Privacy promise 2: Tortoise logs SQL parameters (members' text) at DEBUG; never let it."""
    for name in ("tortoise", "tortoise.db_client", "aiosqlite", "asyncpg"):
        logging.getLogger(name).setLevel(logging.WARNING)
