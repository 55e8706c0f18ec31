"""Categories over HTTP: built-ins (translated) and custom ones, adding, renaming only custom
ones, deactivating and reactivating, and bad input answered kindly."""

from __future__ import annotations

import re
from typing import Any

import httpx2
import pytest
from markupsafe import escape

from mutualaid.services.coordinator_tools import (
    LastActive,
    create_category,
    rename_category,
    set_category_active,
)
from mutualaid.storage.models import AuditEvent, Category, Need, Offer
from mutualaid.web.tools_forms import TOOLS_FIELD_MESSAGES
from tests.conftest import Database, need_form, post_form, post_need
from tests.pledges.conftest import organization, sign_in_coordinator, sign_in_member
from tests.tools.conftest import category_id, tools_state

REMOVE = None


def _category_options(page: httpx2.Response) -> set[str]:
    return set(re.findall(r'name="category" value="([a-z0-9-]+)"', page.text))


def _row(page: httpx2.Response, slug: str) -> str:
    return page.text.split(f'id="category-{slug}"', 1)[1].split("</tr>", 1)[0]


async def test_the_list_shows_built_ins_translated_and_custom_ones_as_named(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    await create_category("Laundry", slug="laundry", by=staff_id)
    page = await client.get("/staff/categories")
    assert page.status_code == 200
    assert "Hygiene and harm-reduction supplies" in _row(page, "hygiene")
    assert "built-in" in _row(page, "hygiene")
    # Built-ins have no rename form; custom ones do.
    assert "Rename" not in _row(page, "hygiene")
    assert 'value="Laundry"' in _row(page, "laundry")
    assert "Rename" in _row(page, "laundry")
    spanish = await client.get("/es/staff/categories")
    assert spanish.status_code == 200
    assert "Comida" in _row(spanish, "food")
    assert 'value="Laundry"' in _row(spanish, "laundry")
    assert 'href="/staff/categories"' in (await client.get("/staff")).text


async def test_adding_a_custom_category_offers_it_on_every_form(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    form = {"name": "Laundry & showers", "slug": ""}
    response = await post_form(client, "/staff/categories", form)
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/categories?done=created"
    category = await Category.get(slug="laundry-showers")
    assert (category.name, category.active) == ("Laundry & showers", True)
    assert category.position == max(c.position for c in await Category.all())
    event = await AuditEvent.get(action="category.create")
    assert (event.staff_id, event.record_type, event.record_id) == (
        staff_id,
        "category",
        str(category.id),
    )
    assert "laundry-showers" in _category_options(await client.get("/ask"))
    assert "Laundry &amp; showers" in (await client.get("/offer")).text
    # Community members can use it at once.
    await post_need(client, category="laundry-showers")
    assert await Need.filter(category_id=category.id).count() == 1


async def test_renaming_keeps_the_short_name_and_built_ins_cant_be_renamed(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    custom = await create_category("Laundry", slug="laundry", by=staff_id)
    response = await post_form(client, f"/staff/categories/{custom}", {"name": "Washing clothes"})
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/categories?done=renamed"
    category = await Category.get(id=custom)
    assert (category.slug, category.name) == ("laundry", "Washing clothes")
    assert await AuditEvent.filter(action="category.rename", record_id=str(custom)).count() == 1

    food = await category_id("food")
    before = await tools_state()
    response = await post_form(client, f"/staff/categories/{food}", {"name": "Groceries"})
    assert response.headers["location"] == "/staff/categories?done=builtin"
    notice = (await client.get(response.headers["location"])).text
    assert str(escape("can't be renamed")) in notice
    assert await tools_state() == before
    assert (await Category.get(id=food)).name == ""


async def test_deactivating_hides_a_category_and_reactivating_brings_it_back(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await post_need(client, category="childcare")
    staff_id = await sign_in_coordinator(client, db)
    childcare = await category_id("childcare")
    response = await post_form(client, f"/staff/categories/{childcare}/deactivate", {})
    assert response.headers["location"] == "/staff/categories?done=deactivated"
    assert (await Category.get(id=childcare)).active is False
    assert await Need.filter(category_id=childcare).count() == 1  # never deleted
    assert "childcare" not in _category_options(await client.get("/ask"))
    refused = await post_form(client, "/ask", need_form(category="childcare"), page="/ask")
    assert refused.status_code == 422
    assert await Need.filter(category_id=childcare).count() == 1
    page = await client.get("/staff/categories")
    assert "inactive" in _row(page, "childcare")
    assert "Reactivate" in _row(page, "childcare")

    again = await post_form(client, f"/staff/categories/{childcare}/deactivate", {})
    assert again.headers["location"] == "/staff/categories?done=unchanged"
    response = await post_form(client, f"/staff/categories/{childcare}/reactivate", {})
    assert response.headers["location"] == "/staff/categories?done=reactivated"
    assert "childcare" in _category_options(await client.get("/ask"))
    actions = await AuditEvent.filter(record_id=str(childcare)).values_list("action", "staff_id")
    assert sorted(actions) == [
        ("category.deactivate", staff_id),
        ("category.reactivate", staff_id),
    ]


async def test_the_last_active_category_stays_active(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    slugs = await Category.all().values_list("slug", flat=True)
    for slug in slugs[1:]:
        await set_category_active(await category_id(str(slug)), active=False, by=staff_id)
    last = await category_id(str(slugs[0]))
    response = await post_form(client, f"/staff/categories/{last}/deactivate", {})
    assert response.headers["location"] == "/staff/categories?done=last"
    assert (await Category.get(id=last)).active is True
    with pytest.raises(LastActive):
        await set_category_active(last, active=False, by=staff_id)


#: case -> (the form, the field that needs attention, text kept)
ADD_CASES: dict[str, tuple[dict[str, Any], str, str | None]] = {
    "no-name": ({"name": REMOVE}, "name", None),
    "blank-name": ({"name": "  "}, "name", None),
    "long-name": ({"name": "n" * 121}, "name", "n" * 121),
    "nul-name": ({"name": "Laundry\x00"}, "name", None),
    "bad-slug": ({"slug": "Laundry Day"}, "slug", "Laundry Day"),
    "long-slug": ({"slug": "l" * 61}, "slug", "l" * 61),
    "built-in-slug": ({"slug": "food"}, "slug_taken", "food"),
    "built-in-derived": ({"name": "Food"}, "slug_taken", "Food"),
    "no-ascii": ({"name": "洗濯"}, "slug_needed", "洗濯"),
    "html": ({"name": "<img src=x onerror=alert(1)>", "slug": "UP"}, "slug", "<img src=x"),
}


@pytest.mark.parametrize("case", ADD_CASES, ids=str)
async def test_bad_input_when_adding_gets_a_kind_answer_and_stores_nothing(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    await sign_in_coordinator(client, db)
    changes, field, kept = ADD_CASES[case]
    form = {k: v for k, v in {"name": "Laundry", "slug": "", **changes}.items() if v is not None}
    before = await tools_state()
    response = await post_form(client, "/staff/categories", form)
    assert response.status_code == 422
    assert str(escape(TOOLS_FIELD_MESSAGES[field])) in response.text
    if kept is not None:
        assert str(escape(kept)) in response.text
    assert "<img src=x" not in response.text
    assert await tools_state() == before


@pytest.mark.parametrize("name", ["", "   ", "r" * 121, "tab\x0bbed"])
async def test_a_bad_new_name_is_shown_beside_its_category(
    client: httpx2.AsyncClient, db: Database, name: str
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    custom = await create_category("Laundry", slug="laundry", by=staff_id)
    before = await tools_state()
    response = await post_form(client, f"/staff/categories/{custom}", {"name": name})
    assert response.status_code == 422
    row = _row(response, "laundry")
    assert str(escape(TOOLS_FIELD_MESSAGES["name"])) in row
    assert 'id="name-laundry-error"' in row
    assert 'href="#name-laundry"' in response.text  # the summary leads to the field
    if name.strip() and "\x0b" not in name:
        assert f'value="{name}"' in row
    assert await tools_state() == before


async def test_unknown_categories_are_not_found_and_members_cant_reach_them(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    before = await tools_state()
    missing = "0f0f0f0f-0000-4000-8000-000000000000"
    for path in (
        f"/staff/categories/{missing}",
        f"/staff/categories/{missing}/deactivate",
        f"/staff/categories/{missing}/reactivate",
        "/staff/categories/food/deactivate",
    ):
        response = await post_form(client, path, {"name": "x"})
        assert response.status_code == 404, path
    assert await tools_state() == before
    client.cookies.clear()
    await sign_in_member(client, db, await organization(db))
    food = await category_id("food")
    before = await tools_state()
    assert (await client.get("/staff/categories")).status_code == 404
    response = await post_form(client, f"/staff/categories/{food}/deactivate", {})
    assert response.status_code == 404
    assert await tools_state() == before


async def test_a_renamed_category_keeps_its_offers_and_needs(db: Database) -> None:
    from tests.conftest import make_staff

    staff_id, _ = await make_staff(db, role="coordinator")
    custom = await create_category("Laundry", slug="laundry", by=staff_id)
    await rename_category(custom, "Washing", by=staff_id)
    assert await Offer.filter(category_id=custom).count() == 0
    assert (await Category.get(id=custom)).slug == "laundry"
