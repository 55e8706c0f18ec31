"""Helpers for matched-need tests: a need posted through the real form, an organization's
pledge or a community offer to match it with, the match proposed through the real service,
signed-in organization members, and the payloads for the app-wide CSRF walk."""

from __future__ import annotations

import html
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx2

from mutualaid.domain.catalog import OfferKind
from mutualaid.domain.clock import today
from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.pledges import PledgeDraft
from mutualaid.services.matching import accept_match, propose_match
from mutualaid.services.pledges import create_pledge
from mutualaid.storage.models import Need, Offer
from tests.conftest import CODENAME, Database, make_staff, post_form, post_need
from tests.pledges.conftest import organization, sign_in_member
from tests.privacy.conftest import canary
from tests.web.conftest import token_in

#: What the community member asked for: words a helper must see.
DESCRIPTION = "Two bags of groceries, no pork please"
COMMUNITY_OFFER = {
    "kind": "goods",
    "category": "food",
    "areas": ["downtown"],
    "capacity": "2",
    "language": "en",
}


@dataclass
class Matched:
    """A need matched with an organization's pledge (or a community member's offer)."""

    codename: str
    need_id: uuid.UUID
    offer_id: uuid.UUID
    contact: str
    organization_id: uuid.UUID | None = None
    offer_codename: str | None = None

    @property
    def page(self) -> str:
        return f"/portal/needs/{self.need_id}"


async def need_id_of(db: Database, codename: str) -> uuid.UUID:
    digest = codename_hash(codename, db.settings.secret("codename_key"))
    return (await Need.get(codename_hash=digest)).id


async def offer_id_of(db: Database, codename: str) -> uuid.UUID:
    digest = codename_hash(codename, db.settings.secret("codename_key"))
    return (await Offer.get(codename_hash=digest)).id


async def coordinator(db: Database) -> uuid.UUID:
    staff_id, _ = await make_staff(db, role="coordinator")
    return staff_id


async def food_pledge(db: Database, organization_id: uuid.UUID, *, capacity: int = 3) -> uuid.UUID:
    """An organization's food pledge for Downtown, any day (no weekly hours)."""
    staff_id, _ = await make_staff(db, role="organization", organization_id=organization_id)
    draft = PledgeDraft(
        title="Groceries from the pantry",
        public_description="Bags of groceries.",
        kind=OfferKind.GOODS,
        category="food",
        areas=("downtown",),
        capacity=capacity,
        available_from=today(),
        available_until=today() + timedelta(days=60),
        weekly_hours=(),
        language="en",
        no_conditions=True,
        listed=False,
    )
    return await create_pledge(draft, organization_id=organization_id, staff_id=staff_id)


async def community_offer(client: httpx2.AsyncClient, db: Database) -> tuple[str, uuid.UUID]:
    """A community member's food offer through the real form: (codename, offer id)."""
    response = await post_form(client, "/offer", COMMUNITY_OFFER, page="/offer")
    assert response.status_code == 200
    match = CODENAME.search(response.text)
    assert match
    return match.group(1), await offer_id_of(db, match.group(1))


async def matched_with_organization(
    client: httpx2.AsyncClient,
    db: Database,
    organization_id: uuid.UUID,
    *,
    contact: str | None = None,
    offer_id: uuid.UUID | None = None,
    accepted: bool = False,
    **need: str,
) -> Matched:
    """A need posted through the real form (with a canary contact), matched with the
    organization's pledge by a coordinator."""
    contact = canary("contact") if contact is None else contact
    fields = {"description": DESCRIPTION, "contact": contact, **need}
    codename = await post_need(client, **fields)
    need_id = await need_id_of(db, codename)
    offer = offer_id or await food_pledge(db, organization_id)
    await propose_match(need_id, offer, by=await coordinator(db))
    if accepted:
        await accept_match(need_id, actor_role="organization", organization_id=organization_id)
    return Matched(codename, need_id, offer, contact, organization_id=organization_id)


async def matched_with_community(
    client: httpx2.AsyncClient, db: Database, *, contact: str | None = None
) -> Matched:
    offer_codename, offer_id = await community_offer(client, db)
    contact = contact or canary("contact")
    codename = await post_need(client, description=DESCRIPTION, contact=contact)
    need_id = await need_id_of(db, codename)
    await propose_match(need_id, offer_id, by=await coordinator(db))
    return Matched(codename, need_id, offer_id, contact, offer_codename=offer_codename)


async def check(
    client: httpx2.AsyncClient, path: str, codename: str, **fields: Any
) -> httpx2.Response:
    """A codename holder's form post, with the token a page gave this browser."""
    headers = fields.pop("headers", {})
    token = token_in(await client.get("/check"))
    return await client.post(
        path, data={"csrf_token": token, "codename": codename, **fields}, headers=headers
    )


async def portal_post(
    client: httpx2.AsyncClient, path: str, headers: dict[str, str] | None = None, **fields: Any
) -> httpx2.Response:
    """An organization member's form post."""
    token = token_in(await client.get("/check"))
    return await client.post(path, data={"csrf_token": token, **fields}, headers=headers or {})


def said(response: httpx2.Response) -> str:
    """The page's text with entities decoded, to look for sentences in it."""
    return html.unescape(response.text)


@asynccontextmanager
async def another_browser(client: httpx2.AsyncClient) -> AsyncIterator[httpx2.AsyncClient]:
    """A second browser on the same app (its own cookies: another person signed in)."""
    transport = client._transport
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as other:
        yield other


#: The POST routes of this feature, for the CSRF test that walks every POST route.
CSRF_ROUTES = {
    "portal_need_accept",
    "portal_need_decline",
    "portal_need_fulfilled",
    "portal_need_message",
    "check_consent",
    "check_offer_match",
}
#: Those whose accepted request changes `tests.web.conftest.stored()`: accepting and consent
#: change only the match (checked by tests/helping/test_forgery.py instead).
CSRF_CHANGES = CSRF_ROUTES - {"portal_need_accept", "check_consent"}


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields) for each POST route of this feature, ready to be accepted."""
    if name == "check_offer_match":
        match = await matched_with_community(client, db)
        assert match.offer_codename
        fields = {"codename": match.offer_codename, "need_id": str(match.need_id)}
        return "/check", "/check/offer/match", {**fields, "action": "decline"}
    org = await organization(db)
    match = await matched_with_organization(
        client, db, org, accepted=name == "portal_need_fulfilled"
    )
    if name == "check_consent":
        return "/check", "/check/consent", {"codename": match.codename, "share": "yes"}
    await sign_in_member(client, db, org)
    action = name.removeprefix("portal_need_")
    fields = {"body": "A message that must not be stored"} if action == "message" else {}
    return "/check", f"{match.page}/{action}", fields
