"""Opening and closing the database for a whole process (the app, a command), so the web
layer and the command line never import storage themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from mutualaid.settings import Settings
from mutualaid.storage.db import start_storage, stop_storage


@asynccontextmanager
async def storage_open(settings: Settings) -> AsyncIterator[None]:
    """The database open, with the field cipher installed, for the duration of the block."""
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    try:
        yield
    finally:
        await stop_storage()
