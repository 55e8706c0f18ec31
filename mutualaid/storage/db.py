"""Starting and stopping the database, and the SQLite settings deletion depends on."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode, urlsplit

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient

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


async def checkpoint() -> None:
    """After deleting, fold the WAL into the database and truncate it, so no copy survives."""
    if is_sqlite():
        await connection().execute_script("PRAGMA wal_checkpoint(TRUNCATE)")


def quiet_sql_logging() -> None:
    """Privacy promise 2: Tortoise logs SQL parameters (members' text) at DEBUG; never let it."""
    for name in ("tortoise", "tortoise.db_client", "aiosqlite", "asyncpg"):
        logging.getLogger(name).setLevel(logging.WARNING)
