"""Organizations' pledges: create, edit, pause, resume and end; capacity; expiry.

Every change is made by a named organization member, audited (promise 8), and moves the
counters in the same transaction (promise 6). A member only ever reaches their own
organization's pledges: any other id is `PledgeNotFound`, exactly like one that never was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from mutualaid.domain import pledges as rules
from mutualaid.domain.catalog import (
    METRIC_OFFERS_ENDED,
    OfferDraft,
    OfferKind,
    OfferStatus,
    category_label,
)
from mutualaid.domain.clock import this_hour
from mutualaid.domain.errors import InvalidTransition
from mutualaid.domain.matching import open_days_bits
from mutualaid.domain.pledges import (
    OpeningSlot,
    OrganizationNotApproved,
    PledgeDraft,
    PledgeHasConditions,
    PledgeNotFound,
)
from mutualaid.services import audit
from mutualaid.services.catalog import active_areas, active_category
from mutualaid.services.counters import bump
from mutualaid.services.offers import OFFER_ACTIONS, create_offer
from mutualaid.storage.models import Offer, Organization

ORGANIZATION = "organization"
BATCH = 500


@dataclass(frozen=True)
class OrganizationProfile:
    id: uuid.UUID
    name: str
    description: str
    public_contact: str
    languages: tuple[str, ...]
    #: pending | approved | suspended
    status: str
    area_names: tuple[str, ...]

    @property
    def approved(self) -> bool:
        return self.status == rules.APPROVED


@dataclass(frozen=True)
class PledgeView:
    """A pledge as its own organization sees it, private notes and location included."""

    id: uuid.UUID
    status: OfferStatus
    live: bool
    title: str
    public_description: str
    kind: OfferKind
    category: str
    category_label: str
    areas: tuple[str, ...]
    area_names: tuple[str, ...]
    capacity: int
    capacity_left: int
    available_from: date
    available_until: date | None
    hours: tuple[OpeningSlot, ...]
    location_note: str | None
    location_public: bool
    listed: bool
    notes: str | None
    language: str


async def organization_profile(organization_id: uuid.UUID) -> OrganizationProfile:
    """An organization's profile as its members see it (PledgeNotFound if it is gone)."""
    org = await Organization.get_or_none(id=organization_id).prefetch_related("areas")
    if org is None:
        raise PledgeNotFound()
    return OrganizationProfile(
        id=org.id,
        name=org.name,
        description=org.description,
        public_contact=org.public_contact,
        languages=rules.language_codes(org.languages),
        status=org.status,
        area_names=tuple(area.name for area in org.areas),
    )


def _view(offer: Offer, org_status: str, today: date) -> PledgeView:
    return PledgeView(
        id=offer.id,
        status=OfferStatus(offer.status),
        live=rules.is_live(
            status=offer.status,
            org_status=org_status,
            today=today,
            available_from=offer.available_from,
            available_until=offer.available_until,
            capacity_left=offer.capacity_left,
        ),
        title=offer.title,
        public_description=offer.public_description,
        kind=OfferKind(offer.kind),
        category=offer.category.slug,
        category_label=category_label(offer.category.slug, offer.category.name),
        areas=tuple(area.slug for area in offer.areas),
        area_names=tuple(area.name for area in offer.areas),
        capacity=offer.capacity,
        capacity_left=offer.capacity_left,
        available_from=offer.available_from,
        available_until=offer.available_until,
        hours=rules.load_weekly_hours(offer.weekly_hours),
        location_note=offer.location_note,
        location_public=offer.location_public,
        listed=offer.listed,
        notes=offer.notes,
        language=offer.language,
    )


STATUS_ORDER = {OfferStatus.ACTIVE: 0, OfferStatus.PAUSED: 1, OfferStatus.ENDED: 2}


async def organization_pledges(organization_id: uuid.UUID, *, today: date) -> list[PledgeView]:
    """Every pledge of one organization: active first, then paused, then ended."""
    org = await Organization.get(id=organization_id)
    offers = await Offer.filter(organization_id=organization_id).prefetch_related(
        "category", "areas"
    )
    views = [_view(offer, org.status, today) for offer in offers]
    return sorted(views, key=lambda v: (STATUS_ORDER[v.status], v.title.lower(), str(v.id)))


async def organization_pledge(
    pledge_id: uuid.UUID, *, organization_id: uuid.UUID, today: date
) -> PledgeView:
    """One pledge, only if it belongs to this organization."""
    offer = await Offer.get_or_none(id=pledge_id, organization_id=organization_id)
    if offer is None:
        raise PledgeNotFound()
    await offer.fetch_related("category", "areas", "organization")
    org_status = offer.organization.status if offer.organization else ""
    return _view(offer, org_status, today)


async def _approved_organization(conn: BaseDBAsyncClient, organization_id: uuid.UUID) -> None:
    org = await Organization.filter(id=organization_id).select_for_update().using_db(conn).first()
    if org is None or org.status != rules.APPROVED:
        raise OrganizationNotApproved()


async def _own_pledge(
    conn: BaseDBAsyncClient, pledge_id: uuid.UUID, organization_id: uuid.UUID
) -> Offer:
    offer = (
        await Offer.filter(id=pledge_id, organization_id=organization_id)
        .select_for_update()
        .using_db(conn)
        .first()
    )
    if offer is None:
        raise PledgeNotFound()
    return offer


def _require_no_conditions(draft: PledgeDraft) -> None:
    if draft.no_conditions is not True:
        raise PledgeHasConditions()


async def create_pledge(
    draft: PledgeDraft, *, organization_id: uuid.UUID, staff_id: uuid.UUID
) -> uuid.UUID:
    """A new pledge, live at once if its dates allow: only for an approved organization."""
    _require_no_conditions(draft)
    category = await active_category(draft.category)
    areas = await active_areas(draft.areas, field="areas")
    async with in_transaction() as conn:
        await _approved_organization(conn, organization_id)
        offer = await create_offer(
            conn,
            OfferDraft(
                draft.kind,
                draft.category,
                draft.areas,
                draft.capacity,
                draft.available_from,
                draft.language,
                draft.available_until,
                draft.notes,
            ),
            category=category,
            areas=areas,
            source_kind=ORGANIZATION,
            organization_id=organization_id,
            title=draft.title,
            public_description=draft.public_description,
            weekly_hours=rules.hours_json(draft.weekly_hours),
            open_days=open_days_bits({slot.day for slot in draft.weekly_hours}),
            location_note=draft.location_note,
            location_public=draft.location_public,
            listed=draft.listed,
            no_conditions=True,
        )
        await audit.record(
            conn,
            staff_id=staff_id,
            action="pledge.create",
            record_type="pledge",
            record_id=offer.id,
        )
    return offer.id


async def update_pledge(
    pledge_id: uuid.UUID,
    draft: PledgeDraft,
    *,
    organization_id: uuid.UUID,
    staff_id: uuid.UUID,
) -> None:
    """Edit a pledge that hasn't ended; uses already counted stay used when capacity changes."""
    _require_no_conditions(draft)
    category = await active_category(draft.category)
    areas = await active_areas(draft.areas, field="areas")
    async with in_transaction() as conn:
        offer = await _own_pledge(conn, pledge_id, organization_id)
        await _approved_organization(conn, organization_id)
        if offer.status == OfferStatus.ENDED.value:
            raise InvalidTransition("an ended pledge can't change")
        offer.capacity_left = rules.remaining_after_resize(
            capacity=offer.capacity, capacity_left=offer.capacity_left, new_capacity=draft.capacity
        )
        offer.capacity = draft.capacity
        offer.title = draft.title
        offer.public_description = draft.public_description
        offer.weekly_hours = rules.hours_json(draft.weekly_hours)
        offer.open_days = open_days_bits({slot.day for slot in draft.weekly_hours})
        offer.location_note = draft.location_note
        offer.location_public = draft.location_public
        offer.listed = draft.listed
        offer.kind = draft.kind.value
        offer.category = category
        offer.available_from = draft.available_from
        offer.available_until = draft.available_until
        offer.notes = draft.notes
        offer.language = draft.language
        offer.last_activity_at = this_hour()
        await offer.save(using_db=conn)
        await offer.areas.clear(using_db=conn)
        await offer.areas.add(*areas, using_db=conn)
        await audit.record(
            conn,
            staff_id=staff_id,
            action="pledge.update",
            record_type="pledge",
            record_id=offer.id,
        )


async def change_pledge(
    pledge_id: uuid.UUID, action: str, *, organization_id: uuid.UUID, staff_id: uuid.UUID
) -> OfferStatus:
    """Pause, resume or end. Resuming puts a pledge back in service, so it needs approval."""
    async with in_transaction() as conn:
        offer = await _own_pledge(conn, pledge_id, organization_id)
        target = OFFER_ACTIONS.get((OfferStatus(offer.status), action))
        if target is None:
            raise InvalidTransition(f"{offer.status} cannot {action}")
        if target is OfferStatus.ACTIVE:
            await _approved_organization(conn, organization_id)
        hour = this_hour()
        offer.status = target.value
        offer.last_activity_at = hour
        fields = ["status", "last_activity_at"]
        if target is OfferStatus.ENDED:
            offer.closed_at = hour
            fields.append("closed_at")
            await _count_ended(conn, offer)
        await offer.save(using_db=conn, update_fields=fields)
        await audit.record(
            conn,
            staff_id=staff_id,
            action=f"pledge.{action}",
            record_type="pledge",
            record_id=offer.id,
        )
    return target


async def _count_ended(conn: BaseDBAsyncClient, offer: Offer) -> None:
    await offer.fetch_related("category", using_db=conn)
    await bump(
        conn,
        (METRIC_OFFERS_ENDED,),
        when=this_hour(),
        category=offer.category.slug,
        source_kind=offer.source_kind,
    )


async def consume_capacity(offer_id: uuid.UUID) -> bool:
    """Use one unit of an active offer; False when none is left. Never goes below zero.

    One conditional UPDATE: the database checks and decrements in a single step, so any
    number of concurrent callers can't take more than there is.
    """
    updated = await Offer.filter(
        id=offer_id, status=OfferStatus.ACTIVE.value, capacity_left__gt=0
    ).update(capacity_left=F("capacity_left") - 1, last_activity_at=this_hour())
    return updated == 1


async def end_expired_offers(*, today: date) -> int:
    """Offers (pledges and community offers) whose last day has passed end on their own."""
    open_statuses = [OfferStatus.ACTIVE.value, OfferStatus.PAUSED.value]
    expired = Q(status__in=open_statuses, available_until__lt=today)
    ended = 0
    while ids := await Offer.filter(expired).limit(BATCH).values_list("id", flat=True):
        for offer_id in ids:
            async with in_transaction() as conn:
                offer = await Offer.filter(expired, id=offer_id).select_for_update().using_db(conn)
                if not offer:
                    continue  # changed meanwhile
                hour = this_hour()
                record = offer[0]
                record.status = OfferStatus.ENDED.value
                record.closed_at = hour
                record.last_activity_at = hour
                await record.save(
                    using_db=conn, update_fields=["status", "closed_at", "last_activity_at"]
                )
                await _count_ended(conn, record)
                ended += 1
    return ended
