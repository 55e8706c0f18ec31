"""Storing something under a fresh codename, shown once and never kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from mutualaid.domain.codenames import codename_hash, generate_codename
from mutualaid.services import used_forms

Store = Callable[[BaseDBAsyncClient, str], Awaitable[None]]


async def store_under_new_codename(
    store: Store, *, codename_key: bytes, form_id: str | None = None
) -> str:
    """Run `store(conn, codename_hash)` in a transaction; return the codename it was stored under.

    With `form_id`, the form is recorded as used in the same transaction
    (used_forms.FormAlreadyUsed, and nothing stored, if it was sent before). A collision of
    two 90-bit codenames is astronomically rare; if it ever happens, the unique index
    refuses the second and we simply draw again.
    """
    for _ in range(3):
        codename = generate_codename()
        try:
            async with in_transaction() as conn:
                if form_id is not None:
                    await used_forms.claim(conn, form_id)
                await store(conn, codename_hash(codename, codename_key))
        except IntegrityError:
            continue
        return codename
    raise RuntimeError("could not draw an unused codename")
