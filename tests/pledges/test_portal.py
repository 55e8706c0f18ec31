"""The organizations' portal over HTTP: who may enter, pledging, editing, pausing, ending,
and other organizations' pledges answering 404 without anything changing."""

from __future__ import annotations

import re
import uuid

import httpx2
import pytest
from markupsafe import escape

from mutualaid.services.pledges import consume_capacity
from mutualaid.storage.models import AuditEvent, Offer
from tests.conftest import Database, post_form
from tests.pledges.conftest import (
    organization,
    pledge,
    pledge_form,
    sign_in_coordinator,
    sign_in_member,
    snapshot,
)

NEW = "/portal/pledges/new"
LOCATION = re.compile(r"^/portal\?notice=(\w+)$")


def _notice(response: httpx2.Response) -> str:
    assert response.status_code == 303, response.status_code
    match = LOCATION.match(response.headers["location"])
    assert match, response.headers["location"]
    return match.group(1)


def pledge_paths(pledge_id: uuid.UUID | str) -> list[tuple[str, str]]:
    base = f"/portal/pledges/{pledge_id}"
    return [
        ("GET", base),
        ("POST", base),
        ("POST", f"{base}/pause"),
        ("POST", f"{base}/resume"),
        ("POST", f"{base}/end"),
    ]


async def test_anonymous_visitors_are_sent_to_sign_in(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    pledge_id = await pledge(db, org)
    before = await snapshot()
    for method, path in [("GET", "/portal"), ("GET", NEW), ("POST", NEW), *pledge_paths(pledge_id)]:
        if method == "GET":
            response = await client.get(path)
        else:
            response = await post_form(client, path, pledge_form())
        assert response.status_code == 303, path
        assert response.headers["location"] == "/staff/login", path
    assert await snapshot() == before


async def test_a_coordinator_is_not_an_organization_member(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    for path in ("/portal", NEW):
        assert (await client.get(path)).status_code == 404


async def test_a_pending_organization_waits_kindly_and_cant_pledge(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, status="pending", name="Harbour Collective")
    await sign_in_member(client, db, org)
    home = await client.get("/portal")
    assert home.status_code == 200
    assert "Harbour Collective" in home.text
    assert "waiting for approval" in home.text.lower()
    assert NEW not in home.text
    new = await client.get(NEW)
    assert new.status_code == 200
    assert 'id="approval-status"' in new.text
    assert 'name="title"' not in new.text
    before = await snapshot()
    refused = await post_form(client, NEW, pledge_form(), page=NEW)
    assert refused.status_code == 403
    assert "waiting for approval" in refused.text
    assert "Nothing was saved" in refused.text
    assert await snapshot() == before
    assert not await Offer.filter(organization_id=org).exists()


async def test_an_approved_organization_pledges_through_the_form(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    staff_id = await sign_in_member(client, db, org)
    home = await client.get("/portal")
    assert NEW in home.text and 'id="no-pledges"' in home.text
    form = await client.get(NEW)
    assert form.status_code == 200
    # Seven day rows, two optional slots each, plain time inputs: no JavaScript needed.
    assert len(re.findall(r'<input type="time"', form.text)) == 7 * 2 * 2
    assert 'name="no_conditions"' in form.text
    response = await post_form(client, NEW, pledge_form(), page=NEW)
    assert _notice(response) == "created"
    offer = await Offer.get(organization_id=org).prefetch_related("areas", "category")
    assert offer.title == "Phone charging at the drop-in"
    assert offer.kind == "space" and offer.category.slug == "phone-charging"
    assert sorted(a.slug for a in offer.areas) == ["downtown", "eastside"]
    assert (offer.capacity, offer.capacity_left) == (12, 12)
    assert offer.weekly_hours == [
        {"day": 0, "opens": "10:00", "closes": "14:00"},
        {"day": 0, "opens": "16:00", "closes": "18:00"},
    ]
    assert offer.listed and offer.no_conditions and not offer.location_public
    assert offer.notes == "Ask for Jo at the desk"
    assert await AuditEvent.filter(action="pledge.create", staff_id=staff_id).count() == 1

    page = await client.get(response.headers["location"])
    assert "Your pledge is saved." in page.text
    assert "12 / 12" in page.text
    assert "Mon 10:00–14:00, 16:00–18:00" in page.text
    await consume_capacity(offer.id)
    assert "11 / 12" in (await client.get("/portal")).text


async def test_the_same_form_sent_twice_makes_one_pledge(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    page = await client.get(NEW)
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
    form_id = re.search(r'name="form_id" value="([^"]+)"', page.text)
    assert token and form_id
    body = {"csrf_token": token.group(1), "form_id": form_id.group(1), **pledge_form()}
    first = await client.post(NEW, data=body)
    second = await client.post(NEW, data=body)
    assert first.status_code == second.status_code == 303
    assert await Offer.filter(organization_id=org).count() == 1


async def test_edit_pause_resume_and_end(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    staff_id = await sign_in_member(client, db, org)
    pledge_id = await pledge(db, org, staff_id, capacity=5)
    await consume_capacity(pledge_id)
    path = f"/portal/pledges/{pledge_id}"

    page = await client.get(path)
    assert page.status_code == 200
    assert 'value="Drop-in showers"' in page.text
    assert 'id="hours_4_0_opens" name="hours_4_0_opens" value="10:00"' in page.text
    assert "4 / 5" in page.text

    changed = pledge_form(title="Showers and laundry", capacity="10", listed="")
    assert _notice(await post_form(client, path, changed, page=path)) == "updated"
    offer = await Offer.get(id=pledge_id)
    assert (offer.title, offer.capacity, offer.capacity_left, offer.listed) == (
        "Showers and laundry",
        10,
        9,
        False,
    )

    assert _notice(await post_form(client, f"{path}/pause", {}, page=path)) == "pause"
    assert (await Offer.get(id=pledge_id)).status == "paused"
    assert _notice(await post_form(client, f"{path}/pause", {}, page=path)) == "unchanged"
    assert _notice(await post_form(client, f"{path}/resume", {}, page=path)) == "resume"
    assert (await Offer.get(id=pledge_id)).status == "active"
    assert _notice(await post_form(client, f"{path}/end", {}, page=path)) == "end"
    assert (await Offer.get(id=pledge_id)).status == "ended"

    ended_page = await client.get(path)
    assert ended_page.status_code == 200
    assert 'id="ended"' in ended_page.text and 'name="title"' not in ended_page.text
    before = await snapshot()
    refused = await post_form(client, path, pledge_form(title="Back again"), page="/portal")
    assert refused.status_code == 409
    assert "can&#39;t change any more" in refused.text
    assert _notice(await post_form(client, f"{path}/resume", {}, page="/portal")) == "unchanged"
    assert await snapshot() == before
    actions = await AuditEvent.filter(staff_id=staff_id).values_list("action", flat=True)
    assert {"pledge.update", "pledge.pause", "pledge.resume", "pledge.end"} <= set(actions)  # type: ignore[arg-type]


async def test_another_organizations_pledge_is_404_and_nothing_changes(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org_a = await organization(db, name="Org A")
    org_b = await organization(db, name="Org B")
    pledge_id = await pledge(db, org_a, title="A's showers")
    await sign_in_member(client, db, org_b)
    before = await snapshot()
    for method, path in pledge_paths(pledge_id):
        if method == "GET":
            response = await client.get(path)
        else:
            response = await post_form(client, path, pledge_form(title="Taken over"))
        assert response.status_code == 404, (method, path)
        assert "A&#39;s showers" not in response.text and "A's showers" not in response.text
    assert await snapshot() == before
    assert "A&#39;s showers" not in (await client.get("/portal")).text


@pytest.mark.parametrize(
    "pledge_id",
    ["not-a-uuid", "1234", "0" * 33, "g" * 32, "..%2F..%2Fportal", str(uuid.uuid4())],
)
async def test_malformed_or_unknown_ids_are_404(
    client: httpx2.AsyncClient, db: Database, pledge_id: str
) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    before = await snapshot()
    for method, path in pledge_paths(pledge_id):
        if method == "GET":
            response = await client.get(path)
        else:
            response = await post_form(client, path, pledge_form())
        assert response.status_code == 404, (method, path)
        assert "find that page" in response.text
    assert await snapshot() == before


async def test_a_forged_or_missing_token_is_refused(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    pledge_id = await pledge(db, org)
    await client.get(NEW)  # the browser has its CSRF cookie
    before = await snapshot()
    for path in (NEW, f"/portal/pledges/{pledge_id}", f"/portal/pledges/{pledge_id}/end"):
        for token in ("0" * 64, "", "forged"):
            response = await client.post(path, data={"csrf_token": token, **pledge_form()})
            assert response.status_code == 403, path
            assert "Nothing was saved" in response.text
        cross_site = await post_form(
            client, path, pledge_form(), page=NEW, headers={"Sec-Fetch-Site": "cross-site"}
        )
        assert cross_site.status_code == 403
    assert await snapshot() == before


HUGE = "x" * 5000
BAD_INPUT = [
    ({"title": None}, "title", "Give the pledge a short name"),
    ({"title": ""}, "title", "Give the pledge a short name"),
    ({"title": HUGE}, "title", "Give the pledge a short name"),
    ({"title": "Nul\x00byte"}, "title", "Give the pledge a short name"),
    ({"public_description": HUGE}, "public_description", "under 2,000 characters"),
    ({"kind": "spaceship"}, "kind", "Choose what kind of help this is."),
    ({"kind": None}, "kind", "Choose what kind of help this is."),
    ({"category": "<script>alert(1)</script>"}, "category", "Choose what kind of need it meets."),
    ({"category": "atlantis"}, "category", "Choose what kind of need it meets."),
    ({"areas": ["atlantis"]}, "areas", "Choose at least one area you serve."),
    ({"areas": None}, "areas", "Choose at least one area you serve."),
    ({"capacity": "0"}, "capacity", "Enter a whole number from 1 to 10,000."),
    ({"capacity": "-1"}, "capacity", "Enter a whole number from 1 to 10,000."),
    ({"capacity": "abc"}, "capacity", "Enter a whole number from 1 to 10,000."),
    ({"capacity": "2.5"}, "capacity", "Enter a whole number from 1 to 10,000."),
    ({"capacity": "9" * 400}, "capacity", "Enter a whole number from 1 to 10,000."),
    ({"capacity": "10001"}, "capacity", "Enter a whole number from 1 to 10,000."),
    ({"available_from": "yesterday"}, "available_from", "up to a year from today"),
    ({"available_from": "1999-01-01"}, "available_from", "up to a year from today"),
    ({"available_from": "2999-01-01"}, "available_from", "up to a year from today"),
    ({"available_until": "2000-01-01"}, "available_until", "Choose a last day from today on"),
    ({"hours_2_0_opens": "25:00"}, "hours_2", "Wednesday: write times as hours and minutes"),
    ({"hours_3_0_opens": "9am", "hours_3_0_closes": "5pm"}, "hours_3", "Thursday: write times"),
    (
        {"hours_1_0_opens": "14:00", "hours_1_0_closes": "10:00"},
        "hours_1",
        "Tuesday: the closing time must be after the opening time",
    ),
    (
        {"hours_0_1_opens": "12:00", "hours_0_1_closes": "15:00"},
        "hours_0",
        "Monday: the two openings overlap",
    ),
    ({"hours_6_0_opens": "10:00"}, "hours_6", "Sunday: give both an opening and a closing time"),
    ({"hours_5_1_closes": HUGE}, "hours_5", "Saturday: write times"),
    ({"location_note": HUGE}, "location_note", "under 200 characters"),
    ({"location_public": "maybe"}, "location_public", "Tick the box"),
    ({"listed": "<b>"}, "listed", "Tick the box"),
    ({"notes": HUGE[:600]}, "notes", "under 500 characters"),
    ({"language": "xx"}, "language", "Choose a language from the list."),
    ({"no_conditions": None}, "no_conditions", "Every pledge carries no conditions."),
    ({"no_conditions": "no"}, "no_conditions", "Every pledge carries no conditions."),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
async def test_bad_input_on_the_new_pledge_form(
    client: httpx2.AsyncClient,
    db: Database,
    changes: dict[str, object],
    field: str,
    message: str,
) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    before = await snapshot()
    values = pledge_form(**{"title": "Kept <title> & all", **changes})
    response = await post_form(client, NEW, values, page=NEW)
    assert response.status_code == 422
    assert str(escape(message)) in response.text
    assert f'id="{field}-error"' in response.text
    assert "Nothing you typed was lost" in response.text
    # What they typed comes back, escaped.
    if "title" not in changes:
        assert 'value="Kept &lt;title&gt; &amp; all"' in response.text
    assert 'value="Ask for Jo at the desk"' not in response.text  # notes are a textarea
    if "notes" not in changes:
        assert ">Ask for Jo at the desk</textarea>" in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"capacity": "0"}, "capacity"),
        ({"hours_4_0_opens": "25:00"}, "hours_4"),
        ({"no_conditions": None}, "no_conditions"),
        ({"title": HUGE}, "title"),
    ],
)
async def test_bad_input_on_the_edit_form_changes_nothing(
    client: httpx2.AsyncClient, db: Database, changes: dict[str, object], field: str
) -> None:
    org = await organization(db)
    staff_id = await sign_in_member(client, db, org)
    pledge_id = await pledge(db, org, staff_id)
    path = f"/portal/pledges/{pledge_id}"
    before = await snapshot()
    response = await post_form(client, path, pledge_form(**changes), page=path)
    assert response.status_code == 422
    assert f'id="{field}-error"' in response.text
    assert await snapshot() == before


async def test_portal_pages_with_and_without_htmx(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    staff_id = await sign_in_member(client, db, org)
    pledge_id = await pledge(db, org, staff_id)
    h1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
    for path in ("/portal", NEW, f"/portal/pledges/{pledge_id}"):
        full = await client.get(path)
        partial = await client.get(path, headers={"HX-Request": "true"})
        assert full.status_code == partial.status_code == 200, path
        assert "<html" in full.text and "<html" not in partial.text
        assert h1.findall(full.text) == h1.findall(partial.text) and len(h1.findall(full.text)) == 1
        assert full.headers["vary"] == "HX-Request, HX-Target"
        assert not re.search(r"\s(?:on[a-z]+|style)=", full.text), path


async def test_private_pledge_text_is_encrypted_at_rest(db: Database) -> None:
    from mutualaid.storage.db import connection

    location = f"CANARY-ROOM-{uuid.uuid4()}"
    notes = f"CANARY-NOTES-{uuid.uuid4()}"
    org = await organization(db)
    pledge_id = await pledge(db, org, location_note=location, notes=notes)
    _, rows = await connection().execute_query("SELECT location_note, notes FROM offer")
    raw = b"".join(bytes(v) for row in rows for v in dict(row).values() if v is not None)
    assert raw and location.encode() not in raw and notes.encode() not in raw
    offer = await Offer.get(id=pledge_id)
    assert (offer.location_note, offer.notes) == (location, notes)
    if db.sqlite_file is not None:
        for path in db.raw_files():
            content = path.read_bytes()
            assert location.encode() not in content and notes.encode() not in content
