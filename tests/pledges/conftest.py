"""Helpers for pledge tests: organizations in each standing, pledges through the real service,
signed-in members, and a snapshot of everything a refused request must leave alone."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx2

from mutualaid.domain.catalog import OfferKind
from mutualaid.domain.clock import now, today
from mutualaid.domain.pledges import OpeningSlot, PledgeDraft
from mutualaid.services.pledges import change_pledge, create_pledge
from mutualaid.storage.models import Area, AuditEvent, Counter, Offer, Organization
from tests.conftest import Database, approved_organization, make_staff, sign_in_client

#: Monday to Friday, 10:00 to 14:00: a drop-in's hours.
WEEKDAYS_10_TO_2 = tuple(OpeningSlot(day, "10:00", "14:00") for day in range(5))


async def organization(
    db: Database,
    *,
    status: str = "approved",
    name: str | None = None,
    languages: str = "en,es",
) -> uuid.UUID:
    """An organization in any standing (its application flow is tested elsewhere)."""
    org_id = await approved_organization(db, name or f"Org {uuid.uuid4().hex[:6]}")
    await Organization.filter(id=org_id).update(status=status, languages=languages)
    return org_id


async def member(db: Database, organization_id: uuid.UUID) -> uuid.UUID:
    staff_id, _ = await make_staff(db, role="organization", organization_id=organization_id)
    return staff_id


async def _sign_in(
    client: httpx2.AsyncClient, db: Database, staff_id: uuid.UUID, secret: str | None
) -> None:
    """Sign in through the shared helper, then file the cookie for whatever host httpx uses.

    httpx keeps the test host's cookies under "testserver.local"; a cookie set for another
    domain would never be sent, and every guarded route would look like signed-out.
    """
    await sign_in_client(client, db, staff_id, secret)
    sessions = [cookie for cookie in client.cookies.jar if cookie.name == "session"]
    token = sessions[-1].value
    for cookie in sessions:
        client.cookies.jar.clear(cookie.domain, cookie.path, cookie.name)
    client.cookies.set("session", token or "")


async def sign_in_member(
    client: httpx2.AsyncClient, db: Database, organization_id: uuid.UUID
) -> uuid.UUID:
    """A new member of the organization, signed in on `client`."""
    staff_id, secret = await make_staff(db, role="organization", organization_id=organization_id)
    await _sign_in(client, db, staff_id, secret)
    return staff_id


async def sign_in_coordinator(client: httpx2.AsyncClient, db: Database) -> uuid.UUID:
    staff_id, secret = await make_staff(db, role="coordinator")
    await _sign_in(client, db, staff_id, secret)
    return staff_id


def draft(**overrides: Any) -> PledgeDraft:
    values: dict[str, Any] = {
        "title": "Drop-in showers",
        "public_description": "Hot showers, towels and soap.",
        "kind": OfferKind.SPACE,
        "category": "hygiene",
        "areas": ("downtown",),
        "capacity": 5,
        "available_from": today(),
        "available_until": today() + timedelta(days=60),
        "weekly_hours": WEEKDAYS_10_TO_2,
        "language": "en",
        "no_conditions": True,
        "listed": True,
    }
    values.update(overrides)
    return PledgeDraft(**values)


async def pledge(
    db: Database, organization_id: uuid.UUID, staff_id: uuid.UUID | None = None, **overrides: Any
) -> uuid.UUID:
    """A pledge through the real service (the organization must be approved at the time)."""
    staff = staff_id or await member(db, organization_id)
    return await create_pledge(draft(**overrides), organization_id=organization_id, staff_id=staff)


async def stored_pledge_row(
    organization_id: uuid.UUID | None,
    *,
    title: str,
    status: str = "active",
    listed: bool = True,
    available_from: date | None = None,
    available_until: date | None = None,
    capacity_left: int = 5,
    source_kind: str = "organization",
) -> uuid.UUID:
    """A row stored directly, for states the service refuses to create (a pending org's)."""
    moment = now().replace(minute=0, second=0, microsecond=0)
    offer = await Offer.create(
        organization_id=organization_id,
        source_kind=source_kind,
        title=title,
        public_description="",
        weekly_hours=[],
        listed=listed,
        no_conditions=True,
        kind="space",
        category_id=(await _category_id("hygiene")),
        capacity=5,
        capacity_left=capacity_left,
        available_from=available_from or today(),
        available_until=available_until,
        language="en",
        status=status,
        created_at=moment,
        last_activity_at=moment,
    )
    await offer.areas.add(*await Area.filter(slug="downtown"))
    return offer.id


async def _category_id(slug: str) -> uuid.UUID:
    from mutualaid.storage.models import Category

    return (await Category.get(slug=slug)).id


async def snapshot() -> dict[str, Any]:
    """Every offer's state, every counter and every audit row: what must not move."""
    offers = await Offer.all().order_by("id")
    return {
        "offers": [
            (
                str(o.id),
                o.status,
                o.title,
                o.capacity,
                o.capacity_left,
                o.listed,
                o.weekly_hours,
                o.available_until,
            )
            for o in offers
        ],
        "counters": sorted(
            await Counter.all().values_list("period", "metric", "category", "source_kind", "value")
        ),
        "audit": await AuditEvent.filter(action__startswith="pledge").count(),
    }


def pledge_form(**overrides: Any) -> dict[str, Any]:
    """The pledge form as a browser sends it: Monday 10:00-14:00 and a second slot 16-18."""
    values: dict[str, Any] = {
        "title": "Phone charging at the drop-in",
        "public_description": "Chargers for most phones.",
        "kind": "space",
        "category": "phone-charging",
        "areas": ["downtown", "eastside"],
        "capacity": "12",
        "available_from": "",
        "available_until": (today() + timedelta(days=30)).isoformat(),
        "hours_0_0_opens": "10:00",
        "hours_0_0_closes": "14:00",
        "hours_0_1_opens": "16:00",
        "hours_0_1_closes": "18:00",
        "location_note": "",
        "notes": "Ask for Jo at the desk",
        "language": "en",
        "listed": "yes",
        "no_conditions": "yes",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


#: The portal's POST routes, for the CSRF test that walks every POST route.
CSRF_ROUTES = {
    "portal_pledge_create",
    "portal_pledge_update",
    "portal_pledge_pause",
    "portal_pledge_resume",
    "portal_pledge_end",
}
#: Those whose accepted request changes `tests.web.conftest.stored()` (statuses, counters).
CSRF_CHANGES = CSRF_ROUTES - {"portal_pledge_update"}


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields) for each portal POST route, with `client` signed in as a member.

    The page is /check: the CSRF token belongs to the browser, not the page, and a public
    page still answers after an attack has cleared the session cookie.
    """
    org = await organization(db)
    staff = await sign_in_member(client, db, org)
    if name == "portal_pledge_create":
        return "/check", "/portal/pledges/new", pledge_form()
    pledge_id = await pledge(db, org, staff)
    path = f"/portal/pledges/{pledge_id}"
    if name == "portal_pledge_update":
        return "/check", path, pledge_form(title="Changed by a real form")
    action = name.removeprefix("portal_pledge_")
    if action == "resume":
        await change_pledge(pledge_id, "pause", organization_id=org, staff_id=staff)
    return "/check", f"{path}/{action}", {}
