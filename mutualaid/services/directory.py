"""The public service directory, its HSDS 3.0 export, and coordinators' view of all offers.

The directory lists only live, listed pledges of approved organizations. Community offers
are never listed publicly, and a place is published only when its organization said it
may be: confidential locations (shelters, safe houses) never leave this module.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from mutualaid.domain import pledges as rules
from mutualaid.domain.catalog import OfferKind, OfferStatus, category_label
from mutualaid.domain.pledges import (
    DirectoryArea,
    DirectoryOrganization,
    DirectoryService,
    OpeningSlot,
)
from mutualaid.services import audit
from mutualaid.storage.models import Offer, Organization

ORGANIZATION = "organization"
COMMUNITY = "community"
#: Coordinators see the most recently active offers first; filters narrow the rest.
COORDINATOR_LIMIT = 300


@dataclass(frozen=True)
class DirectoryFilters:
    """Already checked against the known categories, areas and languages."""

    category: str | None = None
    area: str | None = None
    language: str | None = None


def _in_dates(today: date) -> Q:
    return Q(available_from__lte=today) & (
        Q(available_until__isnull=True) | Q(available_until__gte=today)
    )


def _in_area(query: QuerySet[Offer], area: str | None) -> QuerySet[Offer]:
    # A subquery rather than a join, so an offer serving several areas appears once.
    if not area:
        return query
    return query.filter(id__in=Subquery(Offer.filter(areas__slug=area).values("id")))


async def public_services(filters: DirectoryFilters, *, today: date) -> list[DirectoryService]:
    """Live, listed pledges of approved organizations: what the public directory shows."""
    query = Offer.filter(
        _in_dates(today),
        source_kind=ORGANIZATION,
        organization_id__isnull=False,
        organization__status=rules.APPROVED,
        status=OfferStatus.ACTIVE.value,
        listed=True,
        no_conditions=True,
        capacity_left__gt=0,
    )
    if filters.category:
        query = query.filter(category__slug=filters.category)
    query = _in_area(query, filters.area)
    offers = await query.prefetch_related("organization", "category", "areas")
    services: list[DirectoryService] = []
    for offer in offers:
        org = offer.organization
        # Belt and braces: the same rule the portal shows, checked on what was loaded.
        if org is None or not rules.is_live(
            status=offer.status,
            org_status=org.status,
            today=today,
            available_from=offer.available_from,
            available_until=offer.available_until,
            capacity_left=offer.capacity_left,
        ):
            continue
        languages = rules.language_codes(org.languages)
        if filters.language and filters.language not in languages:
            continue
        services.append(
            DirectoryService(
                id=offer.id,
                organization=DirectoryOrganization(
                    id=org.id,
                    name=org.name,
                    description=org.description,
                    public_contact=org.public_contact,
                    languages=languages,
                ),
                title=offer.title,
                description=offer.public_description,
                kind=OfferKind(offer.kind),
                category_slug=offer.category.slug,
                category_label=category_label(offer.category.slug, offer.category.name),
                areas=tuple(DirectoryArea(a.id, a.slug, a.name) for a in offer.areas),
                hours=rules.load_weekly_hours(offer.weekly_hours),
                available_from=offer.available_from,
                available_until=offer.available_until,
                # Privacy: a confidential location is never copied out of the row.
                public_location=offer.location_note if offer.location_public else None,
                last_modified=offer.last_activity_at,
            )
        )
    services.sort(key=lambda s: (s.organization.name.lower(), s.title.lower(), str(s.id)))
    return services


async def hsds_services(filters: DirectoryFilters, *, today: date) -> dict[str, Any]:
    """The directory as an Open Referral HSDS 3.0 page of fully nested services."""
    return rules.hsds_page(await public_services(filters, today=today))


@dataclass(frozen=True)
class CoordinatorOffer:
    """One active offer for coordinators: a community member's or an organization's."""

    id: uuid.UUID
    source_kind: str
    #: The pledging organization's name; None for a community member's anonymous offer.
    organization: str | None
    title: str
    kind: OfferKind
    category_label: str
    area_names: tuple[str, ...]
    capacity: int
    capacity_left: int
    available_from: date
    available_until: date | None
    hours: tuple[OpeningSlot, ...]
    notes: str | None
    language: str
    listed: bool


@dataclass(frozen=True)
class CoordinatorOffers:
    rows: list[CoordinatorOffer]
    #: More offers matched than are shown.
    truncated: bool


async def coordinator_offers(
    filters: DirectoryFilters,
    *,
    source: str | None,
    today: date,
    staff_id: uuid.UUID,
) -> CoordinatorOffers:
    """Every active offer in its dates, community offers beside organizations' pledges.

    Pledges of organizations that aren't approved (pending, suspended) are left out: their
    pledges keep their status, but nobody may match them.
    """
    query = Offer.filter(_in_dates(today), status=OfferStatus.ACTIVE.value).filter(
        Q(source_kind=COMMUNITY)
        | Q(
            source_kind=ORGANIZATION,
            organization_id__in=Subquery(Organization.filter(status=rules.APPROVED).values("id")),
        )
    )
    if source in (COMMUNITY, ORGANIZATION):
        query = query.filter(source_kind=source)
    if filters.category:
        query = query.filter(category__slug=filters.category)
    query = _in_area(query, filters.area)
    if filters.language:
        query = query.filter(language=filters.language)
    offers = (
        await query.order_by("-last_activity_at", "id")
        .limit(COORDINATOR_LIMIT + 1)
        .prefetch_related("organization", "category", "areas")
    )
    rows = [
        CoordinatorOffer(
            id=offer.id,
            source_kind=offer.source_kind,
            organization=offer.organization.name if offer.organization else None,
            title=offer.title,
            kind=OfferKind(offer.kind),
            category_label=category_label(offer.category.slug, offer.category.name),
            area_names=tuple(area.name for area in offer.areas),
            capacity=offer.capacity,
            capacity_left=offer.capacity_left,
            available_from=offer.available_from,
            available_until=offer.available_until,
            hours=rules.load_weekly_hours(offer.weekly_hours),
            notes=offer.notes,
            language=offer.language,
            listed=offer.listed,
        )
        for offer in offers[:COORDINATOR_LIMIT]
    ]
    # Promise 8: reading offers' private notes is a staff action, so it is logged (no text).
    await audit.record(
        None, staff_id=staff_id, action="offers.view", record_type="offer_list", record_id="all"
    )
    return CoordinatorOffers(rows=rows, truncated=len(offers) > COORDINATOR_LIMIT)
