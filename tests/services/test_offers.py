"""Offers of help: post, pause, resume, end and erase, with their counters."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
import time_machine

from mutualaid.domain.catalog import OfferDraft, OfferKind, OfferStatus
from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.services.offers import change_offer, erase_offer, post_offer
from mutualaid.storage.db import connection
from mutualaid.storage.models import Counter, Offer
from tests.services.conftest import HOUR, MOMENT, counters

POSTED = ("offers_posted", "transport", "", "community")
ENDED = ("offers_ended", "transport", "", "community")


def offer_draft(**overrides: object) -> OfferDraft:
    values: dict[str, object] = {
        "kind": OfferKind.RIDE,
        "category": "transport",
        "areas": ("eastside", "northside"),
        "capacity": 3,
        "available_from": date(2031, 5, 17),
        "language": "en",
        "available_until": date(2031, 6, 30),
        "notes": "Evenings only",
    }
    values.update(overrides)
    return OfferDraft(**values)  # type: ignore[arg-type]


async def _offer(codename: str, key: bytes) -> Offer:
    return await Offer.get(codename_hash=codename_hash(codename, key))


async def _offer_area_rows(offer_id: uuid.UUID) -> int:
    _, rows = await connection().execute_query(
        "SELECT COUNT(*) AS n FROM offer_area WHERE offer_id = " + _placeholder(), [str(offer_id)]
    )
    return int(dict(rows[0])["n"])


def _placeholder() -> str:
    return "?" if connection().capabilities.dialect == "sqlite" else "$1::uuid"


async def test_post_offer_stores_it_at_the_hour_and_counts_it(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_offer(offer_draft(), codename_key=key)
    offer = await _offer(codename, key)
    await offer.fetch_related("category", "areas")
    assert offer.status == OfferStatus.ACTIVE.value
    assert offer.source_kind == "community"
    assert offer.kind == "ride"
    assert offer.category.slug == "transport"
    assert sorted(area.slug for area in offer.areas) == ["eastside", "northside"]
    assert (offer.capacity, offer.capacity_left) == (3, 3)
    assert offer.notes == "Evenings only"
    assert offer.created_at == HOUR
    assert offer.last_activity_at == HOUR
    assert offer.closed_at is None
    assert await counters() == {POSTED: 1}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"category": "no-such-kind"}, "category"),
        ({"areas": ("eastside", "atlantis")}, "areas"),
        ({"areas": ()}, "areas"),
    ],
)
async def test_unknown_choices_are_refused(
    key: bytes, overrides: dict[str, object], field: str
) -> None:
    offers, totals = await Offer.all().count(), await Counter.all().count()
    with pytest.raises(UnknownChoice) as refused:
        await post_offer(offer_draft(**overrides), codename_key=key)
    assert refused.value.field == field
    assert await Offer.all().count() == offers
    assert await Counter.all().count() == totals


async def test_pause_resume_and_end(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_offer(offer_draft(), codename_key=key)
    offer_id = (await _offer(codename, key)).id

    with time_machine.travel(MOMENT + timedelta(hours=1), tick=False):
        await change_offer(offer_id, "pause")
    offer = await Offer.get(id=offer_id)
    assert offer.status == "paused"
    assert offer.last_activity_at == HOUR + timedelta(hours=1)
    assert offer.closed_at is None

    with time_machine.travel(MOMENT + timedelta(hours=2), tick=False):
        await change_offer(offer_id, "resume")
    assert (await Offer.get(id=offer_id)).status == "active"
    assert await counters() == {POSTED: 1}

    with time_machine.travel(MOMENT + timedelta(hours=3, minutes=20), tick=False):
        await change_offer(offer_id, "end")
    offer = await Offer.get(id=offer_id)
    assert offer.status == "ended"
    assert offer.closed_at == HOUR + timedelta(hours=3)
    assert await counters() == {POSTED: 1, ENDED: 1}


async def test_a_paused_offer_can_end(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        offer_id = (await _offer(await post_offer(offer_draft(), codename_key=key), key)).id
        await change_offer(offer_id, "pause")
        await change_offer(offer_id, "end")
    assert (await Offer.get(id=offer_id)).status == "ended"
    assert await counters() == {POSTED: 1, ENDED: 1}


@pytest.mark.parametrize(
    ("before", "action"),
    [
        ((), "resume"),
        (("pause",), "pause"),
        (("end",), "end"),
        (("end",), "resume"),
        (("end",), "pause"),
        ((), "delete"),
        ((), ""),
    ],
)
async def test_refused_offer_actions_change_nothing(
    key: bytes, before: tuple[str, ...], action: str
) -> None:
    with time_machine.travel(MOMENT, tick=False):
        offer_id = (await _offer(await post_offer(offer_draft(), codename_key=key), key)).id
        for done in before:
            await change_offer(offer_id, done)
        status = (await Offer.get(id=offer_id)).status
        totals = await counters()
        with pytest.raises(InvalidTransition):
            await change_offer(offer_id, action)
    assert (await Offer.get(id=offer_id)).status == status
    assert await counters() == totals


async def test_erasing_an_active_offer_deletes_it_and_counts_it_ended(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        offer_id = (await _offer(await post_offer(offer_draft(), codename_key=key), key)).id
        assert await _offer_area_rows(offer_id) == 2
        await erase_offer(offer_id)
    assert await Offer.filter(id=offer_id).count() == 0
    assert await _offer_area_rows(offer_id) == 0
    assert await counters() == {POSTED: 1, ENDED: 1}


async def test_erasing_an_ended_offer_does_not_count_it_twice(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        offer_id = (await _offer(await post_offer(offer_draft(), codename_key=key), key)).id
        await change_offer(offer_id, "end")
        await erase_offer(offer_id)
        await erase_offer(offer_id)
    assert await Offer.filter(id=offer_id).count() == 0
    assert await counters() == {POSTED: 1, ENDED: 1}
