"""Areas over HTTP: the list, adding one (short name made or typed), changing it, neighbours
saved both ways, deactivating (never deleting) and bad input answered kindly."""

from __future__ import annotations

import re
from typing import Any

import httpx2
import pytest
from markupsafe import escape

from mutualaid.services.coordinator_tools import derive_slug, set_area_active
from mutualaid.storage.models import Area, AuditEvent, Need
from mutualaid.web.tools_forms import TOOLS_FIELD_MESSAGES
from tests.conftest import Database, need_form, post_form, post_need
from tests.pledges.conftest import organization, sign_in_coordinator, sign_in_member
from tests.tools.conftest import area_form, area_id, neighbour_pairs, tools_state

REMOVE = None


def _area_options(page: httpx2.Response) -> set[str]:
    block = page.text.split('id="area"', 1)[1].split("</select>", 1)[0]
    return set(re.findall(r'<option value="([a-z0-9-]+)"', block))


def _mirror(pairs: set[tuple[str, str]]) -> bool:
    return all((b, a) in pairs for a, b in pairs)


async def test_coordinators_see_every_area_with_its_neighbours(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    page = await client.get("/staff/areas")
    assert page.status_code == 200
    for name in ("Downtown", "Eastside", "Westside", "Northside", "Southside"):
        assert name in page.text
    row = page.text.split('id="area-eastside"', 1)[1].split("</tr>", 1)[0]
    assert "Downtown, Northside" in row
    assert "East" in row
    # The home page links here, and htmx gets the same content without the layout.
    assert 'href="/staff/areas"' in (await client.get("/staff")).text
    fragment = await client.get("/staff/areas", headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and "Add an area" in fragment.text


async def test_adding_an_area_makes_a_short_name_and_saves_neighbours_both_ways(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    response = await post_form(client, "/staff/areas", area_form(name="Harbour Side"))
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/areas?done=created"
    area = await Area.get(slug="harbour-side")
    assert (area.name, area.group, area.active) == ("Harbour Side", "Central", True)
    assert area.position == max(a.position for a in await Area.all())
    pairs = await neighbour_pairs()
    assert {("harbour-side", "downtown"), ("downtown", "harbour-side")} <= pairs
    assert {("harbour-side", "westside"), ("westside", "harbour-side")} <= pairs
    assert not {p for p in pairs if "harbour-side" in p} - {
        ("harbour-side", "downtown"),
        ("downtown", "harbour-side"),
        ("harbour-side", "westside"),
        ("westside", "harbour-side"),
    }
    assert _mirror(pairs)
    event = await AuditEvent.get(action="area.create")
    assert (event.staff_id, event.record_type, event.record_id) == (staff_id, "area", str(area.id))
    notice = await client.get("/staff/areas?done=created")
    assert "The area is added" in notice.text
    # Every form offers it now.
    assert "harbour-side" in _area_options(await client.get("/ask"))


async def test_a_typed_short_name_is_kept(client: httpx2.AsyncClient, db: Database) -> None:
    await sign_in_coordinator(client, db)
    form = area_form(name="Old Town", slug="oldtown-2", neighbours=REMOVE)
    response = await post_form(client, "/staff/areas", form)
    assert response.status_code == 303
    area = await Area.get(slug="oldtown-2")
    assert area.name == "Old Town"
    assert not {p for p in await neighbour_pairs() if "oldtown-2" in p}


def test_short_names_are_made_from_names() -> None:
    assert derive_slug("Old Town East") == "old-town-east"
    assert derive_slug("  Café  Élysée!! ") == "cafe-elysee"
    assert derive_slug("東京") == ""
    assert derive_slug("--a--b--") == "a-b"
    assert len(derive_slug("x" * 200)) == 60


async def test_changing_an_area_rewrites_its_neighbours_both_ways(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    eastside = await area_id("eastside")
    before = await neighbour_pairs()
    page = await client.get(f"/staff/areas/{eastside}")
    assert page.status_code == 200
    # The form shows today's neighbours checked, and never the area itself.
    assert re.search(r'value="downtown" checked', page.text)
    assert re.search(r'value="northside" checked', page.text)
    assert not re.search(r'value="westside" checked', page.text)
    assert 'value="eastside"' not in page.text

    form = {"name": "East End", "group": "East", "neighbours": ["westside", "southside"]}
    response = await post_form(client, f"/staff/areas/{eastside}", form)
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/areas/{eastside}?done=updated"
    area = await Area.get(id=eastside)
    assert (area.slug, area.name, area.group) == ("eastside", "East End", "East")
    pairs = await neighbour_pairs()
    assert _mirror(pairs)
    assert {p for p in pairs if "eastside" in p} == {
        ("eastside", "westside"),
        ("westside", "eastside"),
        ("eastside", "southside"),
        ("southside", "eastside"),
    }
    # Pairs that don't involve this area are untouched.
    assert {p for p in pairs if "eastside" not in p} == {p for p in before if "eastside" not in p}
    event = await AuditEvent.get(action="area.update")
    assert (event.staff_id, event.record_id) == (staff_id, str(eastside))

    # No neighbours at all is a choice too.
    response = await post_form(
        client, f"/staff/areas/{eastside}", {"name": "East End", "group": "East"}
    )
    assert response.status_code == 303
    assert not {p for p in await neighbour_pairs() if "eastside" in p}


async def test_a_one_way_neighbour_from_older_data_is_mended_or_removed_both_ways(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    westside = await Area.get(slug="westside")
    northside = await Area.get(slug="northside")
    await westside.neighbours.add(northside)  # one direction only
    # Seen from the other side, it is a neighbour, and saving it keeps it both ways.
    page = await client.get(f"/staff/areas/{northside.id}")
    assert re.search(r'value="westside" checked', page.text)
    form = {"name": "Northside", "group": "North", "neighbours": ["downtown", "westside"]}
    assert (await post_form(client, f"/staff/areas/{northside.id}", form)).status_code == 303
    pairs = await neighbour_pairs()
    assert {("westside", "northside"), ("northside", "westside")} <= pairs
    # Leaving it out removes both directions.
    form["neighbours"] = ["downtown"]
    assert (await post_form(client, f"/staff/areas/{northside.id}", form)).status_code == 303
    pairs = await neighbour_pairs()
    assert not {("westside", "northside"), ("northside", "westside")} & pairs
    assert _mirror(pairs)


async def test_deactivating_hides_an_area_from_forms_and_keeps_it_for_needs(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await post_need(client, area="southside")
    staff_id = await sign_in_coordinator(client, db)
    southside = await area_id("southside")
    response = await post_form(client, f"/staff/areas/{southside}/deactivate", {})
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/areas/{southside}?done=deactivated"
    assert (await Area.get(id=southside)).active is False
    assert await Need.filter(area_id=southside).count() == 1  # never deleted
    assert "southside" not in _area_options(await client.get("/ask"))
    assert "Southside" not in (await client.get("/offer")).text
    refused = await post_form(client, "/ask", need_form(area="southside"), page="/ask")
    assert refused.status_code == 422
    assert await Need.filter(area_id=southside).count() == 1
    page = await client.get(f"/staff/areas/{southside}?done=deactivated")
    assert "inactive: no form offers it" in page.text
    assert "Reactivate this area" in page.text

    again = await post_form(client, f"/staff/areas/{southside}/deactivate", {})
    assert again.headers["location"].endswith("?done=unchanged")

    response = await post_form(client, f"/staff/areas/{southside}/reactivate", {})
    assert response.headers["location"].endswith("?done=reactivated")
    assert "southside" in _area_options(await client.get("/ask"))
    actions = await AuditEvent.filter(record_id=str(southside)).values_list("action", "staff_id")
    assert sorted(actions) == [("area.deactivate", staff_id), ("area.reactivate", staff_id)]


async def test_the_last_active_area_stays_active(client: httpx2.AsyncClient, db: Database) -> None:
    staff_id = await sign_in_coordinator(client, db)
    for slug in ("eastside", "westside", "northside", "southside"):
        await set_area_active(await area_id(slug), active=False, by=staff_id)
    downtown = await area_id("downtown")
    response = await post_form(client, f"/staff/areas/{downtown}/deactivate", {})
    assert response.headers["location"].endswith("?done=last")
    assert (await Area.get(id=downtown)).active is True
    page = await client.get(response.headers["location"])
    assert "At least one area has to stay active" in page.text


async def test_sending_the_same_form_twice_adds_one_area(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    page = await client.get("/staff/areas")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    form_id = page.text.split('name="form_id" value="', 1)[1].split('"', 1)[0]
    body = {"csrf_token": token, "form_id": form_id, **area_form()}
    first = await client.post("/staff/areas", data=body)
    second = await client.post("/staff/areas", data=body)
    assert first.status_code == second.status_code == 303
    assert await Area.filter(slug="harbourside").count() == 1


#: case -> (changes to a good "add" form, the field that needs attention, text kept)
ADD_CASES: dict[str, tuple[dict[str, Any], str, str | None]] = {
    "no-name": ({"name": REMOVE}, "name", None),
    "blank-name": ({"name": "   "}, "name", None),
    "long-name": ({"name": "n" * 121}, "name", "n" * 121),
    "nul-name": ({"name": "Harbour\x00Side"}, "name", None),
    "escape-name": ({"name": "Harbour \x1b[2J"}, "name", None),
    "html-name": ({"name": "<script>alert(1)</script>", "group": ""}, "group", "<script>"),
    "no-group": ({"group": REMOVE}, "group", None),
    "long-group": ({"group": "g" * 61}, "group", "g" * 61),
    "upper-slug": ({"slug": "Harbour"}, "slug", "Harbour"),
    "spaced-slug": ({"slug": "harbour side"}, "slug", "harbour side"),
    "dashes-slug": ({"slug": "-harbour-"}, "slug", "-harbour-"),
    "long-slug": ({"slug": "s" * 61}, "slug", "s" * 61),
    "sql-slug": ({"slug": "x' OR '1'='1"}, "slug", None),
    "taken-slug": ({"slug": "downtown"}, "slug_taken", "downtown"),
    "taken-derived": ({"name": "Downtown"}, "slug_taken", "Downtown"),
    "no-ascii-name": ({"name": "東京"}, "slug_needed", "東京"),
    "unknown-neighbour": ({"neighbours": ["downtown", "atlantis"]}, "neighbours", None),
    "bad-neighbour": ({"neighbours": ["Down Town"]}, "neighbours", None),
    "sql-neighbour": ({"neighbours": ["x' OR '1'='1"]}, "neighbours", None),
    "many-neighbours": ({"neighbours": ["downtown"] * 95}, "neighbours", None),
}


@pytest.mark.parametrize("case", ADD_CASES, ids=str)
async def test_bad_input_when_adding_gets_a_kind_answer_and_stores_nothing(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    await sign_in_coordinator(client, db)
    changes, field, kept = ADD_CASES[case]
    before = await tools_state()
    response = await post_form(client, "/staff/areas", area_form(**changes))
    assert response.status_code == 422
    assert str(escape(TOOLS_FIELD_MESSAGES[field])) in response.text
    assert "Nothing you typed was lost" in response.text
    if kept is not None:
        assert str(escape(kept)) in response.text
    assert "<script>alert" not in response.text
    assert await tools_state() == before


EDIT_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "blank-name": ({"name": ""}, "name"),
    "long-group": ({"group": "g" * 61}, "group"),
    "itself": ({"neighbours": ["eastside"]}, "neighbours"),
    "unknown": ({"neighbours": ["atlantis"]}, "neighbours"),
    "control": ({"group": "East\x07"}, "group"),
}


@pytest.mark.parametrize("case", EDIT_CASES, ids=str)
async def test_bad_input_when_changing_keeps_what_was_typed(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    await sign_in_coordinator(client, db)
    eastside = await area_id("eastside")
    changes, field = EDIT_CASES[case]
    form = {"name": "East End typed", "group": "East", "neighbours": ["westside"], **changes}
    before = await tools_state()
    response = await post_form(client, f"/staff/areas/{eastside}", form)
    assert response.status_code == 422
    assert str(escape(TOOLS_FIELD_MESSAGES[field])) in response.text
    if field != "name":
        assert 'value="East End typed"' in response.text
    assert await tools_state() == before


async def test_unknown_or_malformed_areas_are_not_found(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    before = await tools_state()
    missing = "0f0f0f0f-0000-4000-8000-000000000000"
    for method, path in [
        ("GET", f"/staff/areas/{missing}"),
        ("POST", f"/staff/areas/{missing}"),
        ("POST", f"/staff/areas/{missing}/deactivate"),
        ("POST", f"/staff/areas/{missing}/reactivate"),
        ("GET", "/staff/areas/downtown"),
        ("POST", "/staff/areas/../../etc/passwd/deactivate"),
    ]:
        if method == "GET":
            response = await client.get(path)
        else:
            response = await post_form(client, path, {"name": "x", "group": "y"})
        assert response.status_code == 404, path
        assert "Traceback" not in response.text
    assert await tools_state() == before


async def test_organization_members_cant_reach_area_tools(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_member(client, db, await organization(db))
    before = await tools_state()
    eastside = await area_id("eastside")
    assert (await client.get("/staff/areas")).status_code == 404
    response = await post_form(client, "/staff/areas", area_form())
    assert response.status_code == 404
    response = await post_form(client, f"/staff/areas/{eastside}/deactivate", {})
    assert response.status_code == 404
    assert await tools_state() == before
