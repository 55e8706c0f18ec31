"""Public pages that promise something: the live data practices, quick exit, health."""

from __future__ import annotations

import re

import httpx2

from mutualaid.storage.db import start_storage, stop_storage
from tests.conftest import Database
from tests.web.conftest import MakeClient, assert_security_headers


def _schedule(text: str) -> str:
    match = re.search(r'<section aria-labelledby="schedule">(.*?)</section>', text, re.S)
    assert match
    return match.group(1)


async def test_privacy_shows_the_live_retention_settings(make_client: MakeClient) -> None:
    _, client = await make_client(
        closed_retention_days=17, need_expiry_days=9, audit_retention_days=44, report_threshold=13
    )
    response = await client.get("/privacy")
    assert response.status_code == 200
    schedule = _schedule(response.text)
    assert "deleted 17 days after closing" in schedule
    assert "no activity for 9 days expire" in schedule
    assert "deleted after 44 days" in schedule
    assert "fewer than 13" in schedule
    # The field-by-field table uses the same live numbers, and never the defaults.
    assert "deleted 17 days after it closes" in response.text
    assert "no activity for 9 days close by themselves" in response.text
    # (Stripe's notices are kept a fixed 30 days: "deleted after 30 days, when Stripe...")
    assert "30 days after" not in response.text and "21 days" not in response.text


async def test_privacy_with_default_settings(client: httpx2.AsyncClient, db: Database) -> None:
    schedule = _schedule((await client.get("/privacy")).text)
    assert "deleted 30 days after closing" in schedule
    assert "no activity for 21 days expire" in schedule


async def test_privacy_lists_every_table_we_keep(client: httpx2.AsyncClient, db: Database) -> None:
    text = (await client.get("/privacy")).text
    for caption in (
        "Requests for help",
        "Messages",
        "Offers of help",
        "Areas",
        "Kinds of help",
        "Totals for reports",
    ):
        assert f"<caption>{caption}</caption>" in text
    assert "Your IP address" in text


async def test_quick_exit_leaves_and_clears_the_browser(make_client: MakeClient) -> None:
    _, client = await make_client(quick_exit_url="https://weather.example/today")
    for headers in ({}, {"HX-Request": "true"}):
        response = await client.get("/exit", headers=headers)
        assert response.status_code == 303
        assert response.headers["location"] == "https://weather.example/today"
        assert response.headers["clear-site-data"] == '"cache", "cookies", "storage"'
        assert response.content == b""
        assert_security_headers(response)


async def test_every_page_links_to_quick_exit(client: httpx2.AsyncClient, db: Database) -> None:
    for path in ("/", "/ask", "/offer", "/check", "/privacy", "/agreements"):
        text = (await client.get(path)).text
        assert '<a class="quick-exit" id="quick-exit" href="/exit">' in text
        assert text.index('id="quick-exit"') < text.index("<header")


async def test_healthz_answers_json(client: httpx2.AsyncClient, db: Database) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert_security_headers(response)


async def test_healthz_says_unavailable_when_the_database_is_gone(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await stop_storage()
    try:
        response = await client.get("/healthz")
    finally:
        await start_storage(db.url, db.settings.secret("encryption_key"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert_security_headers(response)
