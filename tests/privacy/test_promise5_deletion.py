"""Privacy promise 5: deletion is real. Erased records leave no bytes behind."""

from __future__ import annotations

import httpx2

from mutualaid.storage.models import Message, Need
from tests.conftest import Database, post_form, post_need
from tests.privacy.conftest import stored_text_contains


async def test_erase_everything_now_leaves_nothing_in_any_file(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client, contact="signal: someone")
    await post_form(client, "/check/message", {"codename": codename, "body": "thread text"})
    need = await Need.get().prefetch_related("messages")
    traces = [str(need.id), need.codename_hash, *(str(m.id) for m in need.messages)]
    blobs: list[bytes] = []
    if db.sqlite_file is not None:
        from mutualaid.storage.db import connection

        _, rows = await connection().execute_query("SELECT description, contact FROM need")
        blobs = [bytes(v) for v in dict(rows[0]).values()]
        blobs += [
            bytes(dict(r)["body"])
            for r in (await connection().execute_query("SELECT body FROM message"))[1]
        ]
        assert all(any(b in p.read_bytes() for p in db.raw_files()) for b in blobs)
    for trace in traces:
        assert await stored_text_contains(db, trace)

    response = await post_form(client, "/check/erase", {"codename": codename, "confirm": "yes"})
    assert response.status_code == 303

    assert await Need.all().count() == 0
    assert await Message.all().count() == 0
    for trace in traces:
        assert not await stored_text_contains(db, trace)
    for blob in blobs:
        assert not any(blob in path.read_bytes() for path in db.raw_files())
    again = await post_form(client, "/check", {"codename": codename})
    assert again.status_code == 404


async def test_withdrawing_erases_contact_details_at_once(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client, contact="signal: reach-me")
    if db.sqlite_file is not None:
        from mutualaid.storage.db import connection

        _, rows = await connection().execute_query("SELECT contact FROM need")
        blob = bytes(dict(rows[0])["contact"])
    await post_form(client, "/check/withdraw", {"codename": codename})
    need = await Need.get()
    assert need.status == "withdrawn"
    assert need.contact is None
    if db.sqlite_file is not None:
        assert not any(blob in path.read_bytes() for path in db.raw_files())
