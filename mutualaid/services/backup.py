"""Encrypted backups that follow the purge (requirement R15).

A backup file is a short header in clear (what made it, when, for which kind of database,
and the stream's salt) followed by the database sealed in chunks under the backup key
(mutualaid.stream_crypto). The header is bound to every chunk, so its time can't be
changed without the file failing to open. The backup key lives in the key file, never in
the database or a backup; a backup is useless without it.

Backups hold whatever the database held when they were made, so they must not outlive the
purge horizon: `restore` refuses an older file, and `backup DIR` deletes older files in DIR.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from mutualaid import stream_crypto
from mutualaid.crypto import DecryptionError
from mutualaid.settings import Settings
from mutualaid.storage.backup import DUMPERS, LOADERS, database_kind

MAGIC = b"MUTUALAID-BACKUP\n"
FORMAT = 1
NAME_PREFIX = "mutualaid-"
NAME_SUFFIX = ".backup"
#: File names say when the backup was made, to the minute (an operator's act, not a person's).
NAME_TIME = "%Y-%m-%dT%H%MZ"
MAX_HEADER_BYTES = 4096


class BackupRefused(Exception):
    """The file isn't a backup we can restore here; `reason` says why, for the operator."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BackupHeader:
    created_at: datetime
    database: str
    salt: bytes

    def encode(self) -> bytes:
        body = json.dumps(
            {
                "format": FORMAT,
                "created_at": self.created_at.strftime("%Y-%m-%dT%H:%MZ"),
                "database": self.database,
                "salt": self.salt.hex(),
            },
            sort_keys=True,
        ).encode()
        return MAGIC + len(body).to_bytes(2, "big") + body

    @classmethod
    def read(cls, handle: BinaryIO) -> tuple[BackupHeader, bytes]:
        """The header and its exact bytes (bound to every chunk)."""
        magic = handle.read(len(MAGIC))
        if magic != MAGIC:
            raise BackupRefused("this is not a mutualaid backup")
        size_bytes = handle.read(2)
        size = int.from_bytes(size_bytes, "big")
        body = handle.read(size) if 0 < size <= MAX_HEADER_BYTES else b""
        try:
            fields = json.loads(body)
            header = cls(
                created_at=datetime.strptime(fields["created_at"], "%Y-%m-%dT%H:%MZ").replace(
                    tzinfo=UTC
                ),
                database=str(fields["database"]),
                salt=bytes.fromhex(fields["salt"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BackupRefused("the backup's header is damaged") from error
        if fields.get("format") != FORMAT:
            raise BackupRefused("this backup was made by a newer version of mutualaid")
        return header, magic + size_bytes + body


def purge_horizon(settings: Settings) -> timedelta:
    """How long a backup may be kept: closed needs are deleted this long after closing, so
    a backup older than that holds needs the database no longer has."""
    return timedelta(days=settings.closed_retention_days)


def backup_name(created_at: datetime) -> str:
    return f"{NAME_PREFIX}{created_at.astimezone(UTC).strftime(NAME_TIME)}{NAME_SUFFIX}"


@dataclass(frozen=True)
class BackupReceipt:
    path: Path
    size: int
    #: Older backups deleted from the same directory (past the purge horizon).
    removed: list[Path]


def make_backup(settings: Settings, destination: Path, *, at: datetime) -> BackupReceipt:
    """Seal the database into `destination` (a file, or a directory to name one in). Into a
    directory, backups there older than the purge horizon are deleted afterwards."""
    kind = database_kind(settings.database_url)
    salt = stream_crypto.new_salt()
    header = BackupHeader(created_at=at.astimezone(UTC), database=kind, salt=salt)
    into_directory = destination.is_dir()
    path = destination / backup_name(at) if into_directory else destination
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    header_bytes = header.encode()
    chunks = stream_crypto.seal_chunks(
        settings.secret("backup_key"),
        header.salt,
        header_bytes,
        DUMPERS[kind](settings.database_url),
    )
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(header_bytes)
            for sealed in chunks:
                handle.write(sealed)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(draft, path)
    except BaseException:
        draft.unlink(missing_ok=True)
        raise
    removed = prune_backups(path.parent, settings, at=at, keep=path) if into_directory else []
    return BackupReceipt(path=path, size=path.stat().st_size, removed=removed)


def read_header(path: Path) -> BackupHeader:
    with path.open("rb") as handle:
        return BackupHeader.read(handle)[0]


def too_old(header: BackupHeader, settings: Settings, *, at: datetime) -> bool:
    return at - header.created_at > purge_horizon(settings)


def prune_backups(directory: Path, settings: Settings, *, at: datetime, keep: Path) -> list[Path]:
    """Delete our backups in `directory` made longer ago than the purge horizon."""
    removed = []
    for candidate in sorted(directory.glob(f"{NAME_PREFIX}*{NAME_SUFFIX}")):
        if candidate == keep:
            continue
        try:
            header = read_header(candidate)
        except (BackupRefused, OSError):
            continue  # not ours to judge: leave files we can't read alone
        if too_old(header, settings, at=at):
            candidate.unlink()
            removed.append(candidate)
    return removed


def restore_backup(settings: Settings, path: Path, *, at: datetime) -> BackupHeader:
    """Replace the database with a backup's contents. The caller then migrates and runs
    the purge, so nothing past the horizon comes back (see cli.restore)."""
    with path.open("rb") as handle:
        header, header_bytes = BackupHeader.read(handle)
        if too_old(header, settings, at=at):
            raise BackupRefused(
                f"this backup is older than the purge horizon "
                f"({settings.closed_retention_days} days); it may hold deleted needs"
            )
        kind = database_kind(settings.database_url)
        if header.database != kind:
            raise BackupRefused(f"this is a {header.database} backup; the database is {kind}")
        plain = _opened(settings.secret("backup_key"), header, header_bytes, handle)
        LOADERS[kind](settings.database_url, plain)
    return header


def _opened(
    key: bytes, header: BackupHeader, header_bytes: bytes, handle: BinaryIO
) -> Iterator[bytes]:
    try:
        yield from stream_crypto.open_chunks(key, header.salt, header_bytes, handle.read)
    except DecryptionError as error:
        raise BackupRefused(
            "the backup can't be opened: wrong backup key, or the file was damaged"
        ) from error
