"""The public directory (/services) and coordinators' offers (/staff/offers) over HTTP: what
is listed, what never is (community offers, confidential places), filters, and htmx."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import httpx2
import pytest

from mutualaid.domain.catalog import OfferKind
from mutualaid.domain.clock import today
from mutualaid.services.pledges import change_pledge, consume_capacity
from mutualaid.storage.models import AuditEvent, Offer, Organization
from tests.conftest import Database
from tests.pledges.conftest import (
    member,
    organization,
    pledge,
    sign_in_coordinator,
    sign_in_member,
    stored_pledge_row,
)
from tests.web.conftest import assert_security_headers

#: Community members' demo offers (from `load_demo`): never in the public directory.
COMMUNITY_NOTES = ("Groceries, twice a week", "Charging point at a drop-in", "Harm-reduction kits")


async def _everything_the_public_can_read(client: httpx2.AsyncClient) -> str:
    pages = [
        await client.get("/services"),
        await client.get(
            "/services", headers={"HX-Request": "true", "HX-Target": "directory-results"}
        ),
        await client.get("/es/services"),
        await client.get("/services.json"),
        await client.get("/es/services.json"),
    ]
    for query in ("category=hygiene", "area=downtown", "language=en", "category=transport"):
        pages.append(await client.get(f"/services?{query}"))
        pages.append(await client.get(f"/services.json?{query}"))
    assert all(page.status_code == 200 for page in pages)
    return "\n".join(page.text for page in pages)


async def test_the_directory_lists_live_listed_pledges_with_their_hours(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, name="Night Owls Collective")
    await pledge(db, org, title="Drop-in showers")
    response = await client.get("/services")
    assert response.status_code == 200
    assert_security_headers(response)
    text = response.text
    assert "Drop-in showers" in text
    assert "Night Owls Collective" in text
    assert "Mon–Fri 10:00–14:00" in text
    assert "frontdesk@example.org" in text
    assert "English, Español" in text
    assert "1 service" in text
    assert 'href="/services"' in text  # the navigation links here
    spanish = await client.get("/es/services")
    assert "lun–vie 10:00–14:00" in spanish.text.lower()


async def test_what_the_directory_never_lists(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    shown = await pledge(db, org, staff, title="SHOWN-live-and-listed")
    paused = await pledge(db, org, staff, title="HIDDEN-paused")
    await change_pledge(paused, "pause", organization_id=org, staff_id=staff)
    ended = await pledge(db, org, staff, title="HIDDEN-ended")
    await change_pledge(ended, "end", organization_id=org, staff_id=staff)
    await pledge(db, org, staff, title="HIDDEN-unlisted", listed=False)
    await pledge(
        db,
        org,
        staff,
        title="HIDDEN-expired",
        available_from=today() - timedelta(days=9),
        available_until=today() - timedelta(days=1),
    )
    await pledge(db, org, staff, title="HIDDEN-not-yet", available_from=today() + timedelta(days=2))
    used_up = await pledge(db, org, staff, title="HIDDEN-used-up", capacity=1)
    assert await consume_capacity(used_up)

    suspended = await organization(db, name="HIDDEN-suspended-org")
    await pledge(db, suspended, title="HIDDEN-suspended-pledge")
    await Organization.filter(id=suspended).update(status="suspended")
    pending = await organization(db, status="pending", name="HIDDEN-pending-org")
    await stored_pledge_row(pending, title="HIDDEN-pending-pledge")
    # Even a community offer wrongly marked as listed never reaches the public.
    await stored_pledge_row(None, title="HIDDEN-community", source_kind="community")

    text = await _everything_the_public_can_read(client)
    assert "SHOWN-live-and-listed" in text
    assert str(shown) in text
    assert "HIDDEN-" not in text
    for note in COMMUNITY_NOTES:
        assert note not in text
    community_ids = await Offer.filter(source_kind="community").values_list("id", flat=True)
    assert community_ids
    for offer_id in community_ids:
        assert str(offer_id) not in text


async def test_a_confidential_location_is_never_published(
    client: httpx2.AsyncClient, db: Database
) -> None:
    secret = f"CANARY-SAFE-HOUSE-{uuid.uuid4()}"
    public = f"CANARY-COMMUNITY-HALL-{uuid.uuid4()}"
    org = await organization(db)
    staff = await member(db, org)
    await pledge(db, org, staff, title="Confidential rooms", location_note=secret)
    await pledge(
        db, org, staff, title="Hall", location_note=public, location_public=True, listed=True
    )
    text = await _everything_the_public_can_read(client)
    assert "Confidential rooms" in text
    assert secret not in text
    assert public in text
    json_page = (await client.get("/services.json")).json()
    located = [s for s in json_page["contents"] if "service_at_locations" in s]
    assert [s["name"] for s in located] == ["Hall"]
    assert located[0]["service_at_locations"][0]["location"]["name"] == public


async def test_filters_by_category_area_and_language(
    client: httpx2.AsyncClient, db: Database
) -> None:
    food = await organization(db, name="Kitchen", languages="en,es")
    await pledge(
        db, food, title="Hot meals", kind=OfferKind.GOODS, category="food", areas=("downtown",)
    )
    rides = await organization(db, name="Wheels", languages="fr")
    await pledge(
        db,
        rides,
        title="Night rides",
        kind=OfferKind.RIDE,
        category="transport",
        areas=("eastside",),
    )

    async def titles(query: str) -> set[str]:
        response = await client.get(f"/services?{query}")
        assert response.status_code == 200, query
        found = set(re.findall(r"<h3>(.*?)</h3>", response.text))
        data = (await client.get(f"/services.json?{query}")).json()
        assert {s["name"] for s in data["contents"]} == found
        return found

    assert await titles("") == {"Hot meals", "Night rides"}
    assert await titles("category=food") == {"Hot meals"}
    assert await titles("area=eastside") == {"Night rides"}
    assert await titles("language=fr") == {"Night rides"}
    assert await titles("language=es&area=downtown") == {"Hot meals"}
    assert await titles("category=food&area=eastside") == set()
    assert await titles("category=&area=&language=") == {"Hot meals", "Night rides"}
    nothing = await client.get("/services?category=food&area=eastside")
    assert "Nothing matches those choices right now" in nothing.text


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("category=atlantis", "category"),
        ("category=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "category"),
        ("area=atlantis", "area"),
        ("language=xx", "language"),
        ("language=" + "e" * 5000, "language"),
        ("area=%00", "area"),
    ],
)
async def test_bad_filters_get_a_kind_message_and_never_an_error(
    client: httpx2.AsyncClient, db: Database, query: str, field: str
) -> None:
    org = await organization(db)
    await pledge(db, org, title="Drop-in showers")
    response = await client.get(f"/services?{query}")
    assert response.status_code == 422
    assert f'id="{field}-error"' in response.text
    assert "<script>alert(1)</script>" not in response.text
    # The filters that were fine still apply; here there are none, so everything shows.
    assert "Drop-in showers" in response.text
    data = await client.get(f"/services.json?{query}")
    assert data.status_code == 400
    assert set(data.json()["errors"]) == {field}


async def test_htmx_gets_only_the_results(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    await pledge(db, org, title="Drop-in showers")
    full = await client.get("/services?category=hygiene")
    assert 'hx-get="/services"' in full.text and 'action="/services"' in full.text
    assert 'method="get"' in full.text
    fragment = await client.get(
        "/services?category=hygiene",
        headers={"HX-Request": "true", "HX-Target": "directory-results"},
    )
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<section id="directory-results"')
    assert "<h1" not in fragment.text and "<html" not in fragment.text
    assert "Drop-in showers" in fragment.text
    assert fragment.headers["vary"] == "HX-Request, HX-Target"
    # Any other htmx request (a boosted link, a history miss) gets the page's content block.
    block = await client.get("/services", headers={"HX-Request": "true"})
    assert "<h1>Service directory</h1>" in block.text and "<html" not in block.text


async def test_coordinators_see_community_offers_beside_pledges(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, name="Night Owls Collective")
    staff = await member(db, org)
    await pledge(db, org, staff, title="Drop-in showers", notes="Side door after 6")
    paused = await pledge(db, org, staff, title="HIDDEN-paused")
    await change_pledge(paused, "pause", organization_id=org, staff_id=staff)
    suspended = await organization(db, name="HIDDEN-suspended-org")
    await pledge(db, suspended, title="HIDDEN-suspended-pledge")
    await Organization.filter(id=suspended).update(status="suspended")

    coordinator = await sign_in_coordinator(client, db)
    page = await client.get("/staff/offers")
    assert page.status_code == 200
    assert "Drop-in showers" in page.text and "Night Owls Collective" in page.text
    assert "Side door after 6" in page.text
    for note in COMMUNITY_NOTES:
        assert note in page.text
    assert "Community member (anonymous)" in page.text
    assert "HIDDEN-" not in page.text
    assert "Mon–Fri 10:00–14:00" in page.text
    assert await AuditEvent.filter(staff_id=coordinator, action="offers.view").exists()
    partial = await client.get("/staff/offers", headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.text and "Drop-in showers" in partial.text

    only_orgs = await client.get("/staff/offers?source=organization")
    assert "Drop-in showers" in only_orgs.text
    assert not any(note in only_orgs.text for note in COMMUNITY_NOTES)
    only_community = await client.get("/staff/offers?source=community&area=northside")
    assert "Harm-reduction kits" in only_community.text
    assert "Drop-in showers" not in only_community.text
    bad = await client.get("/staff/offers?source=everyone-else&category=%3Cb%3E")
    assert bad.status_code == 422
    assert 'id="source-error"' in bad.text and 'id="category-error"' in bad.text


async def test_staff_offers_is_for_coordinators_only(
    client: httpx2.AsyncClient, db: Database
) -> None:
    anonymous = await client.get("/staff/offers")
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == "/staff/login"
    org = await organization(db)
    await sign_in_member(client, db, org)
    assert (await client.get("/staff/offers")).status_code == 404
