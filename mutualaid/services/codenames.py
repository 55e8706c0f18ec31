"""Storing something under a fresh codename, shown once and never kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from mutualaid.domain.codenames import codename_hash, generate_codename
from mutualaid.services import used_forms
from mutualaid.storage.writes import Write, run_atomically

Store = Callable[[BaseDBAsyncClient, str], Awaitable[None]]
WritesFor = Callable[[str], list[Write]]


async def store_under_new_codename(
    store: Store, *, codename_key: bytes, form_id: str | None = None
) -> str:
    """Run `store(conn, codename_hash)` in a transaction; return the codename it was stored under.

    With `form_id`, the form is recorded as used in the same transaction
    (used_forms.FormAlreadyUsed, and nothing stored, if it was sent before).
    """

    async def attempt(digest: str) -> None:
        async with in_transaction() as conn:
            if form_id is not None:
                await used_forms.claim(conn, form_id)
            await store(conn, digest)

    return await _under_new_codename(attempt, codename_key)


async def write_under_new_codename(
    writes_for: WritesFor, *, codename_key: bytes, form_id: str | None = None
) -> str:
    """As store_under_new_codename, for a store that is a list of statements,
    `writes_for(codename_hash)`: sent with the form's claim as one transaction, in one trip
    to the database where it can be (storage.writes.run_atomically)."""

    async def attempt(digest: str) -> None:
        claim = used_forms.claim_writes(form_id) if form_id is not None else []
        await run_atomically([*claim, *writes_for(digest)])

    return await _under_new_codename(attempt, codename_key)


async def _under_new_codename(
    attempt: Callable[[str], Awaitable[None]], codename_key: bytes
) -> str:
    # A collision of two 90-bit codenames is astronomically rare; if it ever happens, the
    # unique index refuses the second and we simply draw again.
    for _ in range(3):
        codename = generate_codename()
        try:
            await attempt(codename_hash(codename, codename_key))
        except IntegrityError:
            continue
        return codename
    raise RuntimeError("could not draw an unused codename")
