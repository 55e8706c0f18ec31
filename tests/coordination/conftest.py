"""Helpers for coordination tests: needs and offers in any state, a signed-in coordinator,
and the payloads the app-wide CSRF walk (tests/web/test_csrf.py) sends to our POST routes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import httpx2
import pytest
import time_machine

from mutualaid.domain.clock import this_hour, today
from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.needs import Urgency
from mutualaid.services.matching import propose_match
from mutualaid.services.needs import post_need
from mutualaid.storage.models import Area, Category, Need, Offer
from tests.conftest import Database
from tests.pledges.conftest import sign_in_coordinator
from tests.services.conftest import need_draft


async def a_need(
    db: Database, *, created_at: datetime | None = None, **overrides: Any
) -> uuid.UUID:
    """A need posted through the real service (food, Downtown, today, with a contact unless
    told otherwise); `created_at` moves its posting time afterwards."""
    key = db.settings.secret("codename_key")
    if isinstance(overrides.get("urgency"), str):
        overrides["urgency"] = Urgency(overrides["urgency"])
    codename = await post_need(need_draft(**overrides), codename_key=key)
    need = await Need.get(codename_hash=codename_hash(codename, key))
    if created_at is not None:
        await Need.filter(id=need.id).update(created_at=created_at, last_activity_at=created_at)
    return need.id


async def an_offer(
    *,
    category: str = "food",
    areas: tuple[str, ...] = ("downtown",),
    capacity: int = 3,
    capacity_left: int | None = None,
    organization_id: uuid.UUID | None = None,
    status: str = "active",
    available_from: date | None = None,
    available_until: date | None = None,
    open_days: int = 0,
    title: str = "",
) -> uuid.UUID:
    """An offer row stored directly, in any state (a community member's unless an
    organization is given)."""
    hour = this_hour()
    offer = await Offer.create(
        organization_id=organization_id,
        source_kind="organization" if organization_id else "community",
        title=title,
        kind="goods",
        category=await Category.get(slug=category),
        capacity=capacity,
        capacity_left=capacity if capacity_left is None else capacity_left,
        available_from=available_from or today(),
        available_until=available_until,
        open_days=open_days,
        language="en",
        status=status,
        created_at=hour,
        last_activity_at=hour,
    )
    await offer.areas.add(*await Area.filter(slug__in=areas))
    return offer.id


async def quiet_offers() -> None:
    """End the demo offers, so a test sees only the offers it made."""
    await Offer.all().update(status="ended")


def hours_ago(hours: int) -> datetime:
    return this_hour() - timedelta(hours=hours)


@pytest.fixture
def mid_hour() -> Iterator[None]:
    """The clock held at half past this hour, so an age in whole hours can't tick over
    between posting a need and reading the queue."""
    with time_machine.travel(this_hour() + timedelta(minutes=30), tick=False):
        yield


#: Our POST routes, for the app-wide CSRF walk; each changes what `stored()` sees.
CSRF_ROUTES = {
    "staff_need_match",
    "staff_need_message",
    "staff_need_take_back",
    "staff_need_close",
}
CSRF_CHANGES = CSRF_ROUTES


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields) a coordinator's browser sends to each route.

    The token comes from a public page: it belongs to the browser, and the walk clears the
    cookies (the session too) part-way through.
    """
    staff_id = await sign_in_coordinator(client, db)
    need_id = await a_need(db)
    path = f"/staff/needs/{need_id}"
    if name == "staff_need_take_back":
        await propose_match(need_id, await an_offer(), by=staff_id)
        return "/check", f"{path}/take-back", {}
    if name == "staff_need_match":
        return "/check", f"{path}/match", {"offer_id": str(await an_offer())}
    if name == "staff_need_message":
        return "/check", f"{path}/message", {"body": "A coordinator's message, never stored"}
    return "/check", f"{path}/close", {"outcome": "unmet"}
