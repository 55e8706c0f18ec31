"""`mutualaid backup` and `restore` on SQLite and PostgreSQL (requirement R15): sealed,
refused past the purge horizon, and followed by the purge so nothing past it comes back."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx2
import pytest
import pytest_asyncio

from mutualaid import cli
from mutualaid.domain.clock import now
from mutualaid.domain.codenames import codename_hash
from mutualaid.services.backup import (
    MAGIC,
    BackupRefused,
    make_backup,
    read_header,
    restore_backup,
)
from mutualaid.settings import Settings
from mutualaid.storage.db import start_storage, stop_storage
from mutualaid.storage.models import Need
from tests.conftest import (
    PG_ADMIN_URL,
    Database,
    _pg_admin,
    make_settings,
    pg_database_url,
    post_need,
)
from tests.deploy.conftest import ROOT, server_environment

DAY = timedelta(days=1)


@pytest_asyncio.fixture
async def target(db: Database, tmp_path: Path) -> AsyncIterator[Settings]:
    """Another, empty database with the same secrets: where a backup is restored."""
    secrets = {
        name: getattr(db.settings, name).get_secret_value()
        for name in ("codename_key", "encryption_key", "session_key", "backup_key")
    }
    if not PG_ADMIN_URL:
        url = f"sqlite://{tmp_path}/restored.sqlite3"
        yield make_settings(tmp_path / "restored", database_url=url, **secrets)
        return
    name = f"mutualaid_restore_{uuid.uuid4().hex[:10]}"
    await _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        url = pg_database_url(PG_ADMIN_URL, name)
        yield make_settings(tmp_path / "restored", database_url=url, **secrets)
    finally:
        await _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _exists(path: Path) -> bool:
    return path.exists()


def _backup_names(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.glob("*.backup"))


async def _target_is_empty(target: Settings) -> bool:
    if not PG_ADMIN_URL:
        return not _exists(Path(target.database_url.removeprefix("sqlite://")))
    import asyncpg

    connection = await asyncpg.connect(target.database_url)
    try:
        tables = await connection.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
    finally:
        await connection.close()
    return bool(tables == 0)


async def _closed(need_id: uuid.UUID, days_ago: int) -> None:
    await Need.filter(id=need_id).update(status="fulfilled", closed_at=now() - days_ago * DAY)


async def test_a_restore_brings_needs_back_readable_and_purges_what_retention_removed(
    client: httpx2.AsyncClient, db: Database, target: Settings, tmp_path: Path
) -> None:
    key = db.settings.secret("codename_key")
    kept = await post_need(client, description="Nappies and wipes, size 4")
    closed_long_ago = await post_need(client, description="A ride to the clinic")
    closed_lately = await post_need(client, description="Two bags of rice")
    ids = {
        name: (await Need.get(codename_hash=codename_hash(codename, key))).id
        for name, codename in (
            ("kept", kept),
            ("long_ago", closed_long_ago),
            ("lately", closed_lately),
        )
    }
    # Made 10 days ago, when one need had been closed for 25 days: at restore it has been
    # closed for 35, past the 30 days' retention, so the purge must take it again.
    await _closed(ids["long_ago"], days_ago=35)
    await _closed(ids["lately"], days_ago=5)
    receipt = make_backup(db.settings, tmp_path, at=now() - 10 * DAY)

    restored = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "mutualaid", "restore", str(receipt.path)],
        cwd=ROOT,
        env=server_environment(target),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert restored.returncode == 0, restored.stdout
    assert "purge: 1 needs" in restored.stdout

    await stop_storage()
    await start_storage(target.database_url, target.secret("encryption_key"))
    try:
        back = await Need.get(codename_hash=codename_hash(kept, key))
        assert back.description == "Nappies and wipes, size 4"  # still decrypts
        assert await Need.filter(id=ids["lately"]).exists()
        assert not await Need.filter(id=ids["long_ago"]).exists()
    finally:
        await stop_storage()
        await start_storage(db.url, db.settings.secret("encryption_key"))


async def test_a_backup_holds_nothing_in_clear_and_never_the_keys(
    client: httpx2.AsyncClient, db: Database, tmp_path: Path
) -> None:
    canary = f"CANARY-NEED-{uuid.uuid4().hex}"
    codename = await post_need(client, description=canary)
    receipt = make_backup(db.settings, tmp_path, at=now())
    raw = receipt.path.read_bytes()
    assert raw.startswith(MAGIC)
    assert receipt.path.stat().st_mode & 0o077 == 0  # private to its owner
    secrets = [getattr(db.settings, n).get_secret_value() for n in ("encryption_key", "backup_key")]
    for clear in (canary, codename, "downtown", "CREATE TABLE", "SQLite format 3", *secrets):
        assert clear.encode() not in raw
    assert canary.encode("utf-16-le") not in raw


async def test_a_backup_older_than_the_purge_horizon_is_refused(
    db: Database, target: Settings, tmp_path: Path
) -> None:
    horizon = db.settings.closed_retention_days
    receipt = make_backup(db.settings, tmp_path, at=now() - (horizon + 1) * DAY)
    with pytest.raises(BackupRefused, match="older than the purge horizon"):
        restore_backup(target, receipt.path, at=now())
    assert await _target_is_empty(target)


async def test_a_changed_backup_or_another_key_is_refused_and_changes_nothing(
    db: Database, target: Settings, tmp_path: Path
) -> None:
    receipt = make_backup(db.settings, tmp_path / "b.backup", at=now())
    raw = bytearray(receipt.path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    changed = tmp_path / "changed.backup"
    changed.write_bytes(bytes(raw))
    with pytest.raises(BackupRefused, match="can't be opened"):
        restore_backup(target, changed, at=now())
    other_key = target.model_copy(update={"backup_key": db.settings.session_key})
    with pytest.raises(BackupRefused, match="can't be opened"):
        restore_backup(other_key, receipt.path, at=now())
    # The time in the header is bound to the contents: making it younger breaks the file.
    header = read_header(receipt.path)
    older = json.dumps(header.created_at.strftime("%Y-%m-%dT%H:%MZ")).encode()
    younger = json.dumps((header.created_at + DAY).strftime("%Y-%m-%dT%H:%MZ")).encode()
    redated = tmp_path / "redated.backup"
    redated.write_bytes(receipt.path.read_bytes().replace(older, younger, 1))
    with pytest.raises(BackupRefused, match="can't be opened"):
        restore_backup(target, redated, at=now())
    assert await _target_is_empty(target)


async def test_backing_up_into_a_directory_deletes_backups_past_the_horizon(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    horizon = db.settings.closed_retention_days
    old = make_backup(db.settings, tmp_path, at=now() - (horizon + 2) * DAY).path
    recent = make_backup(db.settings, tmp_path, at=now() - (horizon - 2) * DAY).path
    unrelated = tmp_path / "mutualaid-notes.backup"
    unrelated.write_text("not a backup: left alone")
    assert cli.backup(db.settings, tmp_path) == 0  # what `mutualaid backup DIR` runs
    said = capsys.readouterr().out
    assert f"deleted a backup older than the purge horizon: {old.name}" in said
    made = Path(said.split("backup sealed with the backup key: ", 1)[1].split(" (", 1)[0])
    assert not old.exists() and recent.exists() and unrelated.exists()
    assert _backup_names(tmp_path) == sorted([recent.name, made.name, unrelated.name])
