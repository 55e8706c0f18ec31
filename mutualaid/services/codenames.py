"""Storing something under a fresh codename, shown once and never kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from mutualaid.domain.codenames import codename_hash, generate_codename

Store = Callable[[BaseDBAsyncClient, str], Awaitable[None]]


async def store_under_new_codename(store: Store, *, codename_key: bytes) -> str:
    """Run `store(conn, codename_hash)` in a transaction; return the codename it was stored under.

    A collision of two 90-bit codenames is astronomically rare; if it ever happens, the
    unique index refuses the second and we simply draw again.
    """
    for _ in range(3):
        codename = generate_codename()
        try:
            async with in_transaction() as conn:
                await store(conn, codename_hash(codename, codename_key))
        except IntegrityError:
            continue
        return codename
    raise RuntimeError("could not draw an unused codename")
