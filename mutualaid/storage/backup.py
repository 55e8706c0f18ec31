"""The database as a stream of bytes and back: what `mutualaid backup` seals and `restore`
opens. Nothing here encrypts (see services/backup.py) and nothing logs.

SQLite: a consistent online copy through the sqlite3 backup API, taken into a 0600 file
beside the database (the same disk that already holds the same pages), streamed, then
overwritten and removed. PostgreSQL: `pg_dump --format=custom` read from a pipe, and
`pg_restore --clean --single-transaction` fed through a pipe: no plaintext file at all.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mutualaid.storage.db import sqlite_path

CHUNK_BYTES = 1024 * 1024
WIPE_BYTES = 1024 * 1024


class BackupToolError(RuntimeError):
    """pg_dump or pg_restore is missing or failed (its own messages went to stderr)."""


def database_kind(url: str) -> str:
    return "sqlite" if url.startswith("sqlite://") else "postgresql"


# --- SQLite -------------------------------------------------------------------------------


def _database_file(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise ValueError("an in-memory database can't be backed up")
    return Path(path)


@contextlib.contextmanager
def _private_scratch(beside: Path) -> Iterator[Path]:
    """A 0600 file next to the database, wiped and removed afterwards (with its WAL)."""
    scratch = beside.with_name(f".{beside.name}.backup-{secrets.token_hex(6)}")
    os.close(os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        yield scratch
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            _wipe(leftover)


def _wipe(path: Path) -> None:
    """Overwrite a scratch copy with zeros before removing it, so its pages don't linger in
    free disk blocks after the database itself has purged them (best effort on SSDs)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for _ in range(0, size, WIPE_BYTES):
            handle.write(bytes(min(WIPE_BYTES, size - handle.tell())))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _copy_sqlite(source: Path, target: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        dst.execute("PRAGMA secure_delete = ON")
        src.backup(dst)


def dump_sqlite(url: str) -> Iterator[bytes]:
    """The database file's bytes, from a consistent copy taken while the app may run."""
    database = _database_file(url)
    if not database.exists():
        raise FileNotFoundError(f"there is no database at {database}")
    with _private_scratch(database) as scratch:
        _copy_sqlite(database, scratch)
        with contextlib.closing(sqlite3.connect(scratch)) as copy:
            # A copy of a WAL database is in WAL mode: fold it into one self-contained file.
            copy.execute("PRAGMA journal_mode = DELETE")
        with scratch.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                yield chunk


def load_sqlite(url: str, chunks: Iterable[bytes]) -> None:
    """Replace the database's contents with the backup's (the app must be stopped)."""
    database = _database_file(url)
    database.parent.mkdir(parents=True, exist_ok=True)
    with _private_scratch(database) as scratch:
        with scratch.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        with contextlib.closing(sqlite3.connect(scratch)) as copy:
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
        if verdict != "ok":
            raise BackupToolError("the restored SQLite file fails its integrity check")
        _copy_sqlite(scratch, database)


# --- PostgreSQL ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PgTarget:
    """Where pg_dump and pg_restore connect; the password goes through the environment,
    never the command line (which any local user can read)."""

    host: str
    port: int
    user: str
    password: str
    database: str

    @classmethod
    def from_url(cls, url: str) -> PgTarget:
        parts = urlsplit(url.split("?", 1)[0])
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            database=unquote(parts.path.lstrip("/")),
        )

    def arguments(self) -> list[str]:
        return [
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--username",
            self.user,
            "--dbname",
            self.database,
            "--no-password",
        ]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "PGPASSWORD": self.password}


def pg_tool(name: str) -> str:
    """The newest installed PostgreSQL's own tool (as scripts/pg-throwaway.sh finds initdb),
    else whatever is on PATH."""
    installed = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: [int(p) if p.isdigit() else 0 for p in path.split("/")[4].split(".")],
    )
    found = installed[-1] if installed else shutil.which(name)
    if found is None:
        raise BackupToolError(f"{name} is not installed (Debian: postgresql-client)")
    return found


def dump_postgresql(url: str) -> Iterator[bytes]:
    target = PgTarget.from_url(url)
    command = [pg_tool("pg_dump"), "--format=custom", *target.arguments()]
    with subprocess.Popen(  # noqa: S603 (fixed arguments, no shell)
        command, stdout=subprocess.PIPE, env=target.environment()
    ) as process:
        output = process.stdout
        while output is not None and (chunk := output.read(CHUNK_BYTES)):
            yield chunk
    if process.returncode != 0:
        raise BackupToolError(f"pg_dump failed (exit {process.returncode})")


def load_postgresql(url: str, chunks: Iterable[bytes]) -> None:
    target = PgTarget.from_url(url)
    command = [
        pg_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *target.arguments(),
    ]
    with subprocess.Popen(  # noqa: S603 (fixed arguments, no shell)
        command, stdin=subprocess.PIPE, env=target.environment()
    ) as process:
        feed = process.stdin
        if feed is None:
            raise BackupToolError("pg_restore has no input")
        try:
            for chunk in chunks:
                feed.write(chunk)
        except BaseException:
            # A damaged or forged backup: stop pg_restore before it sees the end of the
            # input, so its single transaction rolls back and nothing changes.
            process.kill()
            raise
        feed.close()
    if process.returncode != 0:
        raise BackupToolError(f"pg_restore failed (exit {process.returncode})")


DUMPERS: dict[str, Callable[[str], Iterator[bytes]]] = {
    "sqlite": dump_sqlite,
    "postgresql": dump_postgresql,
}
LOADERS: dict[str, Callable[[str, Iterable[bytes]], None]] = {
    "sqlite": load_sqlite,
    "postgresql": load_postgresql,
}
