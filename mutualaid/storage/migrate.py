"""Applying the committed aerich migrations (`mutualaid migrate`, and `make run`)."""

from __future__ import annotations

from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from mutualaid.storage.db import tortoise_config

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


async def apply_migrations(url: str) -> list[str]:
    """Bring the database to the newest migration; returns the names applied."""
    command = Command(
        tortoise_config=tortoise_config(url, with_aerich=True),
        app="models",
        location=str(MIGRATIONS_DIR),
    )
    await command.init()
    try:
        applied: list[str] = await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()
    return applied
