"""/services.json against the Open Referral HSDS 3.0 schemas (CC BY-SA 4.0, Open Referral;
see tests/data/hsds-3.0/README.md), resolved across files with a `referencing` registry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import Database
from tests.pledges.conftest import member, organization, pledge

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "hsds-3.0" / "schema"
#: Where the files live upstream; their relative `$ref`s resolve against it.
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _registry() -> Registry[Any]:
    resources = [
        (
            BASE + path.name,
            Resource.from_contents(
                json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012
            ),
        )
        for path in sorted(SCHEMAS.glob("*.json"))
    ]
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validator(ref: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": BASE + ref},
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


SERVICE = validator("service.json")
PAGE = validator("openapi.json#/components/schemas/Page")


def undefined_fields(instance: Any, schema: dict[str, Any], at: str = "") -> list[str]:
    """Keys the schema doesn't define (HSDS allows extras; we promise to invent none)."""
    if "$ref" in schema:
        resolved = REGISTRY.resolver(BASE).lookup(BASE + schema["$ref"]).contents
        return undefined_fields(instance, resolved, at)
    found: list[str] = []
    if isinstance(instance, dict) and "properties" in schema:
        for key, value in instance.items():
            if key not in schema["properties"]:
                found.append(f"{at}/{key}")
            else:
                found += undefined_fields(value, schema["properties"][key], f"{at}/{key}")
    elif isinstance(instance, list) and "items" in schema:
        for index, item in enumerate(instance):
            found += undefined_fields(item, schema["items"], f"{at}/{index}")
    return found


def test_the_schemas_have_teeth() -> None:
    """A validator that accepted anything would prove nothing."""
    SERVICE.validate(
        {"id": "ac148810-d857-441c-9679-408f346de14b", "name": "x", "status": "active"}
    )
    for bad in (
        {"name": "x", "status": "active"},
        {"id": "not-a-uuid", "name": "x", "status": "active"},
        {"id": "ac148810-d857-441c-9679-408f346de14b", "name": "x", "status": "open"},
        {
            "id": "ac148810-d857-441c-9679-408f346de14b",
            "name": "x",
            "status": "active",
            "schedules": [{"id": "ac148810-d857-441c-9679-408f346de14b", "freq": "DAILY"}],
        },
        {
            "id": "ac148810-d857-441c-9679-408f346de14b",
            "name": "x",
            "status": "active",
            "organization": {"id": "ac148810-d857-441c-9679-408f346de14b", "name": "o"},
        },
    ):
        with pytest.raises(ValidationError):
            SERVICE.validate(bad)
    with pytest.raises(ValidationError):
        PAGE.validate({"total_items": "many"})
    invented = {"name": "x", "made_up": 1, "schedules": [{"byday": "MO", "bogus": 2}]}
    assert undefined_fields(invented, {"$ref": "service.json"}) == [
        "/made_up",
        "/schedules/0/bogus",
    ]


async def test_services_json_is_valid_hsds(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db, name="Night Owls Collective")
    staff = await member(db, org)
    await pledge(db, org, staff, title="Drop-in showers")
    await pledge(
        db,
        org,
        staff,
        title="Community hall",
        weekly_hours=(),
        available_until=None,
        location_note="Main St hall",
        location_public=True,
        areas=("downtown", "eastside"),
    )
    response = await client.get("/services.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    page = response.json()
    PAGE.validate(page)
    assert page["total_items"] == len(page["contents"]) == 2
    for service in page["contents"]:
        SERVICE.validate(service)
        assert undefined_fields(service, {"$ref": "service.json"}) == []
    showers = next(s for s in page["contents"] if s["name"] == "Drop-in showers")
    assert showers["organization"]["name"] == "Night Owls Collective"
    assert showers["organization"]["email"] == "frontdesk@example.org"
    assert [
        (s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in showers["schedules"]
    ] == [("WEEKLY", "MO,TU,WE,TH,FR", "10:00", "14:00")]
    assert [lang["code"] for lang in showers["languages"]] == ["en", "es"]
    assert [area["name"] for area in showers["service_areas"]] == ["Downtown"]
    assert showers["attributes"][0]["taxonomy_term"]["code"] == "hygiene"
    hall = next(s for s in page["contents"] if s["name"] == "Community hall")
    assert [a["name"] for a in hall["service_areas"]] == ["Downtown", "Eastside"]
    assert "valid_to" not in hall["schedules"][0]
    # The same data twice gives the same ids: other directories can update, not duplicate.
    assert (await client.get("/services.json")).json() == page


async def test_an_empty_directory_is_a_valid_empty_page(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = (await client.get("/services.json")).json()
    PAGE.validate(page)
    assert page["contents"] == [] and page["empty"] is True
