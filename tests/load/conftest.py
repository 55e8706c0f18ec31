"""A database of its own for each load test: the server process under load owns it, so it
can't be the shared, truncated one of the `db` fixture."""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mutualaid.settings import Settings
from tests.conftest import PG_ADMIN_URL, _pg_admin, make_settings, pg_database_url


@pytest.fixture
def own_database(tmp_path: Path, migrated_template: str) -> Iterator[Settings]:
    if not PG_ADMIN_URL:
        target = tmp_path / "load.sqlite3"
        shutil.copyfile(migrated_template, target)
        yield make_settings(tmp_path, database_url=f"sqlite://{target}")
        return
    name = f"mutualaid_load_{uuid.uuid4().hex[:12]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield make_settings(tmp_path, database_url=pg_database_url(PG_ADMIN_URL, name))
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
