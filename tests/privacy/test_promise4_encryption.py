"""Privacy promise 4: sensitive text is encrypted at rest, with a key outside the database."""

from __future__ import annotations

import httpx2

from mutualaid.storage.models import Need, Offer
from tests.conftest import Database, post_form, post_need
from tests.privacy.conftest import canary, stored_text_contains


async def test_every_sensitive_field_is_unreadable_in_storage(
    client: httpx2.AsyncClient, db: Database
) -> None:
    planted = {
        "description": canary("desc"),
        "contact": canary("contact"),
        "preferred_name": canary("name"),
        "pronouns": canary("pro")[:30],
    }
    codename = await post_need(client, **planted)
    message = canary("msg")
    await post_form(client, "/check/message", {"codename": codename, "body": message})
    notes = canary("notes")
    offer_page = await post_form(
        client,
        "/offer",
        {
            "kind": "goods",
            "category": "food",
            "areas": "downtown",
            "capacity": "2",
            "notes": notes,
            "language": "en",
        },
        page="/offer",
    )
    assert offer_page.status_code == 200
    # The app can read them back, so they are really stored...
    need = await Need.get().prefetch_related("messages")
    assert need.description == planted["description"]
    assert need.messages[0].body == message
    assert any(o.notes == notes for o in await Offer.all())
    # ...but not as plaintext anywhere in the database.
    for value in [*planted.values(), message, notes]:
        assert not await stored_text_contains(db, value)


async def test_the_encryption_key_is_not_in_the_database(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await post_need(client)
    for name in ("encryption_key", "codename_key", "session_key"):
        secret = db.settings.secret(name)
        assert not await stored_text_contains(db, secret.hex())
        if db.sqlite_file is not None:
            assert not any(secret in p.read_bytes() for p in db.raw_files())
