"""One run of a job at a time across processes: a PostgreSQL advisory lock, or on SQLite an
exclusive lock on a file beside the database (SQLite is one machine, so a file lock is
enough there).

The lock is tried, never waited for: a process that doesn't get it skips the run, because
another one is doing the same work right now.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg

from mutualaid.storage.db import sqlite_path


def lock_key(job: str) -> int:
    """A stable signed 64-bit advisory-lock key for a job's name."""
    digest = hashlib.sha256(b"mutualaid-job:" + job.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock_file(database_url: str, job: str) -> Path:
    """Where a SQLite deployment locks a job: `<database>.job-<name>.lock`."""
    path = sqlite_path(database_url)
    if path is None:
        raise ValueError("file locks are for SQLite databases on disk")
    return Path(f"{path}.job-{job}.lock")


@contextlib.asynccontextmanager
async def job_lock(database_url: str, job: str) -> AsyncIterator[bool]:
    """Yields True while this process holds the job's lock, False if another holds it."""
    if database_url.startswith("sqlite://"):
        async with _file_lock(database_url, job) as held:
            yield held
        return
    async with _advisory_lock(database_url, job) as held:
        yield held


@contextlib.asynccontextmanager
async def _advisory_lock(database_url: str, job: str) -> AsyncIterator[bool]:
    # A connection of its own, held for the whole run: the lock is per session, and the
    # database releases it by itself if this process dies.
    dsn = database_url.split("?", 1)[0].replace("asyncpg://", "postgres://", 1)
    connection = await asyncpg.connect(dsn)
    try:
        held = bool(await connection.fetchval("SELECT pg_try_advisory_lock($1)", lock_key(job)))
        try:
            yield held
        finally:
            if held:
                await connection.fetchval("SELECT pg_advisory_unlock($1)", lock_key(job))
    finally:
        await connection.close()


@contextlib.asynccontextmanager
async def _file_lock(database_url: str, job: str) -> AsyncIterator[bool]:
    path = sqlite_path(database_url)
    if path is None:  # an in-memory database lives in one process: nothing to share
        yield True
        return
    descriptor = os.open(lock_file(database_url, job), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
