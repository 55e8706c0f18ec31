"""Asking for help through the real form."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx2
import pytest

from mutualaid.domain.clock import this_hour
from mutualaid.storage.models import Need, UsedForm
from mutualaid.storage.writes import Write
from mutualaid.web.app import create_app
from tests.conftest import CANARY_CLIENT, CODENAME, Database, need_form, post_form, post_need
from tests.web.conftest import MakeClient

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize("htmx", [False, True])
async def test_the_form_asks_only_what_the_need_requires(
    client: httpx2.AsyncClient, htmx: bool
) -> None:
    headers = {"HX-Request": "true"} if htmx else {}
    page = await client.get("/ask", headers=headers)
    assert page.status_code == 200
    names = set(re.findall(r'<(?:input|select|textarea)[^>]* name="([a-z_]+)"', page.text))
    assert names == {
        "csrf_token",
        "form_id",
        "category",
        "area",
        "urgency",
        "window_start",
        "window_end",
        "description",
        "contact",
        "preferred_name",
        "pronouns",
        "language",
    }
    assert ("<html" in page.text) is (not htmx)
    assert page.headers["vary"] == "HX-Request, HX-Target"


async def test_posting_a_need_shows_a_seven_word_codename(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    assert len(codename.split()) == 7


async def test_missing_fields_are_explained_and_input_is_kept(client: httpx2.AsyncClient) -> None:
    response = await post_form(
        client, "/ask", {"description": "Soap and <b>towels</b>", "urgency": "soon"}, page="/ask"
    )
    assert response.status_code == 422
    assert "Choose what kind of help this is." in response.text
    assert "Choose the area closest to you" in response.text
    assert "Soap and &lt;b&gt;towels&lt;/b&gt;</textarea>" in response.text
    assert 'value="soon" checked' in response.text
    assert not CODENAME.search(response.text)


async def test_the_same_form_sent_twice_makes_one_need(client: httpx2.AsyncClient) -> None:
    page = await client.get("/ask")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)
    form_id = re.search(r'name="form_id" value="([^"]+)"', page.text).group(1)
    body = {"csrf_token": token, "form_id": form_id, **need_form()}
    first = await client.post("/ask", data=body)
    second = await client.post("/ask", data=body)
    assert first.status_code == 200 and CODENAME.search(first.text)
    assert second.status_code == 409
    assert "We already have this" in second.text


async def test_a_form_sent_again_to_another_worker_is_still_refused(
    client: httpx2.AsyncClient, db: Database
) -> None:
    """Workers share nothing in memory: the used form is remembered in the database."""
    page = await client.get("/ask")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)
    form_id = re.search(r'name="form_id" value="([^"]+)"', page.text).group(1)
    body = {"csrf_token": token, "form_id": form_id, **need_form()}
    assert (await client.post("/ask", data=body)).status_code == 200

    other_worker = create_app(db.settings, manage_storage=False)
    transport = httpx2.ASGITransport(app=other_worker, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as again:
        again.cookies = client.cookies
        second = await again.post("/ask", data=body)
    assert second.status_code == 409
    assert await Need.all().count() == 1
    stored = await UsedForm.all().values_list("digest", flat=True)
    assert stored and form_id not in stored  # only a hash of the id


async def test_used_form_records_are_purged_within_two_hours(db: Database) -> None:
    from jobs import purge

    await UsedForm.create(digest="a" * 64, seen_at=this_hour() - timedelta(hours=2))
    await UsedForm.create(digest="b" * 64, seen_at=this_hour())
    counts = await purge.run(db.settings)
    assert counts["used_forms"] == 1
    assert await UsedForm.all().values_list("digest", flat=True) == ["b" * 64]


async def test_a_post_that_fails_leaves_its_form_free_to_send_again(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form id is recorded in the need's own transaction: if storing the need fails
    (the disk, the database), the person's resend is taken, not refused as a double."""
    from mutualaid.services import needs

    _, client = await make_client(raise_app_exceptions=False)
    page = await client.get("/ask")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)
    form_id = re.search(r'name="form_id" value="([^"]+)"', page.text).group(1)
    body = {"csrf_token": token, "form_id": form_id, **need_form()}
    real = needs.bump_writes

    def failing(*args: object, **kwargs: object) -> list[Write]:
        # The last statement of the post fails in the database, after the claim and the need.
        return [Write('UPDATE "counter" SET "value" = no_such_function()')]

    monkeypatch.setattr(needs, "bump_writes", failing)
    failed = await client.post("/ask", data=body)
    assert failed.status_code == 500
    assert await Need.all().count() == 0 and await UsedForm.all().count() == 0
    monkeypatch.setattr(needs, "bump_writes", real)
    again = await client.post("/ask", data=body)
    assert again.status_code == 200 and CODENAME.search(again.text)
    assert await Need.all().count() == 1 and await UsedForm.all().count() == 1
    assert (await client.post("/ask", data=body)).status_code == 409


async def test_a_blank_form_follows_the_catalogue_and_the_language(
    client: httpx2.AsyncClient,
) -> None:
    """A blank form's fields are rendered once per language and catalogue: a category
    added or closed by a coordinator shows at the next visit, and each language gets its
    own words and its own answer language preselected."""
    from mutualaid.storage.models import Category

    before = (await client.get("/ask")).text
    assert "Bike repair" not in before
    await Category.create(slug="bike-repair", name="Bike repair", position=99)
    added = (await client.get("/ask")).text
    assert 'value="bike-repair"' in added and "Bike repair" in added
    await Category.filter(slug="bike-repair").update(active=False)
    assert 'value="bike-repair"' not in (await client.get("/ask")).text

    spanish = (await client.get("/es/ask")).text
    assert "¿Qué necesitas?" in spanish and "What do you need?" not in spanish
    assert re.search(r'<option value="es"[^>]*selected', spanish)
    english = (await client.get("/ask")).text
    assert "What do you need?" in english and "¿Qué necesitas?" not in english
    assert re.search(r'<option value="en"[^>]*selected', english)
    # The per-visit fields stay per visit.
    ids = {re.search(r'name="form_id" value="([^"]+)"', page).group(1) for page in (added, english)}
    assert len(ids) == 2
