"""Privacy promise 3: codenames, not accounts; only a keyed hash is stored."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
from urllib.parse import unquote

import httpx2
import pytest

from mutualaid.storage.models import Need
from tests.conftest import Database, post_form, post_need
from tests.privacy.conftest import stored_text_contains


async def test_only_the_keyed_hash_of_a_codename_is_stored(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    need = await Need.get()
    key = db.settings.secret("codename_key")
    assert need.codename_hash == hmac.new(key, codename.encode(), hashlib.sha256).hexdigest()
    assert not await stored_text_contains(db, codename)
    assert not await stored_text_contains(db, hashlib.sha256(codename.encode()).hexdigest())
    # No three consecutive words of it survive anywhere either.
    words = codename.split()
    for i in range(len(words) - 2):
        assert not await stored_text_contains(db, " ".join(words[i : i + 3]))


async def test_no_cookie_carries_a_codename(client: httpx2.AsyncClient, db: Database) -> None:
    codename = await post_need(client)
    response = await post_form(client, "/check", {"codename": codename})
    cookies = [v for k, v in response.headers.multi_items() if k == "set-cookie"]
    values = [c.value for c in client.cookies.jar] + cookies
    assert [c.name for c in client.cookies.jar] == ["csrf"]
    for value in values:
        decoded = [value, unquote(value)]
        with contextlib.suppress(ValueError):
            decoded.append(base64.urlsafe_b64decode(value + "==").decode("latin-1"))
        for word in codename.split():
            assert not any(f" {word} " in f" {d} " for d in decoded)


async def test_a_different_key_finds_nothing(client: httpx2.AsyncClient, db: Database) -> None:
    """Rotating the codename key makes old codenames fail: the key is really in use."""
    from mutualaid.domain.errors import UnknownCodename
    from mutualaid.services.holdings import find_holding

    codename = await post_need(client)
    await find_holding(codename, db.settings.secret("codename_key"))
    with pytest.raises(UnknownCodename):
        await find_holding(codename, b"k" * 32)
