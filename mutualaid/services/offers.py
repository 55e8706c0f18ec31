"""Community members' offers of help: post, pause, resume, end, erase."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from mutualaid.domain.catalog import (
    METRIC_OFFERS_ENDED,
    METRIC_OFFERS_POSTED,
    OfferDraft,
    OfferKind,
    OfferStatus,
    category_label,
)
from mutualaid.domain.clock import this_hour
from mutualaid.domain.errors import InvalidTransition
from mutualaid.services.catalog import active_areas, active_category
from mutualaid.services.codenames import store_under_new_codename
from mutualaid.services.counters import bump
from mutualaid.services.erasure import delete_offers
from mutualaid.storage.db import checkpoint
from mutualaid.storage.models import Area, Category, Offer

#: (from, action) -> to, for what an offering member can do through their codename.
OFFER_ACTIONS: dict[tuple[OfferStatus, str], OfferStatus] = {
    (OfferStatus.ACTIVE, "pause"): OfferStatus.PAUSED,
    (OfferStatus.PAUSED, "resume"): OfferStatus.ACTIVE,
    (OfferStatus.ACTIVE, "end"): OfferStatus.ENDED,
    (OfferStatus.PAUSED, "end"): OfferStatus.ENDED,
}


@dataclass(frozen=True)
class MemberOfferView:
    id: uuid.UUID
    status: OfferStatus
    kind: OfferKind
    category: str
    areas: tuple[str, ...]
    capacity: int
    capacity_left: int
    available_from: date
    available_until: date | None
    notes: str | None
    language: str


async def create_offer(
    conn: BaseDBAsyncClient,
    draft: OfferDraft,
    *,
    category: Category,
    areas: list[Area],
    source_kind: str,
    **extra: Any,
) -> Offer:
    """Store an active offer (a member's or an organization's pledge) with its areas, and
    count it as posted, in the caller's transaction."""
    hour = this_hour()
    offer = await Offer.create(
        source_kind=source_kind,
        kind=draft.kind.value,
        category=category,
        capacity=draft.capacity,
        capacity_left=draft.capacity,
        available_from=draft.available_from,
        available_until=draft.available_until,
        notes=draft.notes,
        language=draft.language,
        status=OfferStatus.ACTIVE.value,
        created_at=hour,
        last_activity_at=hour,
        using_db=conn,
        **extra,
    )
    await offer.areas.add(*areas, using_db=conn)
    await bump(
        conn, (METRIC_OFFERS_POSTED,), when=hour, category=category.slug, source_kind=source_kind
    )
    return offer


async def post_offer(draft: OfferDraft, *, codename_key: bytes, form_id: str | None = None) -> str:
    category = await active_category(draft.category)
    areas = await active_areas(draft.areas, field="areas")

    async def store(conn: BaseDBAsyncClient, digest: str) -> None:
        await create_offer(
            conn,
            draft,
            category=category,
            areas=areas,
            source_kind="community",
            codename_hash=digest,
        )

    return await store_under_new_codename(store, codename_key=codename_key, form_id=form_id)


async def member_offer_view(offer: Offer) -> MemberOfferView:
    await offer.fetch_related("category", "areas")
    return MemberOfferView(
        id=offer.id,
        status=OfferStatus(offer.status),
        kind=OfferKind(offer.kind),
        category=category_label(offer.category.slug, offer.category.name),
        areas=tuple(area.name for area in offer.areas),
        capacity=offer.capacity,
        capacity_left=offer.capacity_left,
        available_from=offer.available_from,
        available_until=offer.available_until,
        notes=offer.notes,
        language=offer.language,
    )


async def change_offer(offer_id: uuid.UUID, action: str) -> None:
    async with in_transaction() as conn:
        offer = await Offer.filter(id=offer_id).select_for_update().using_db(conn).get()
        target = OFFER_ACTIONS.get((OfferStatus(offer.status), action))
        if target is None:
            raise InvalidTransition(f"{offer.status} cannot {action}")
        hour = this_hour()
        offer.status = target.value
        offer.last_activity_at = hour
        fields = ["status", "last_activity_at"]
        if target is OfferStatus.ENDED:
            offer.closed_at = hour
            fields.append("closed_at")
            await offer.fetch_related("category", using_db=conn)
            await bump(
                conn,
                (METRIC_OFFERS_ENDED,),
                when=hour,
                category=offer.category.slug,
                source_kind="community",
            )
        await offer.save(using_db=conn, update_fields=fields)


async def erase_offer(offer_id: uuid.UUID) -> None:
    async with in_transaction() as conn:
        offer = await Offer.filter(id=offer_id).select_for_update().using_db(conn).first()
        if offer is None:
            return
        if offer.status != OfferStatus.ENDED.value:
            await offer.fetch_related("category", using_db=conn)
            await bump(
                conn,
                (METRIC_OFFERS_ENDED,),
                when=this_hour(),
                category=offer.category.slug,
                source_kind="community",
            )
        await delete_offers(conn, [offer.id])  # the purge's own path (promise 5)
    await checkpoint()
