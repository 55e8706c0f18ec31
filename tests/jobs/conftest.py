"""Helpers for job tests: needs and offers planted at chosen times, and the counters."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from mutualaid.domain.catalog import OfferDraft, OfferKind
from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.needs import NeedDraft, Urgency
from mutualaid.services.needs import post_need
from mutualaid.services.offers import post_offer
from mutualaid.storage.models import Counter, Need, Offer
from tests.conftest import Database

#: A month no fixture has counted anything in.
START = datetime(2031, 1, 6, 12, 20, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
def key(db: Database) -> bytes:
    return db.settings.secret("codename_key")


def draft(text: str = "Groceries for two days", contact: str | None = "signal: x") -> NeedDraft:
    return NeedDraft(
        category="food",
        area="downtown",
        urgency=Urgency.NOW,
        description=text,
        language="en",
        contact=contact,
        preferred_name="Sam",
    )


async def need_at(moment: datetime, key: bytes, **kwargs: str) -> uuid.UUID:
    with time_machine.travel(moment, tick=False):
        codename = await post_need(draft(**kwargs), codename_key=key)
    return (await Need.get(codename_hash=codename_hash(codename, key))).id


async def offer_at(moment: datetime, key: bytes, *, until: datetime | None = None) -> uuid.UUID:
    offer = OfferDraft(
        OfferKind.GOODS,
        "food",
        ("downtown",),
        2,
        moment.date(),
        "en",
        available_until=until.date() if until else None,
        notes="offer notes",
    )
    with time_machine.travel(moment, tick=False):
        codename = await post_offer(offer, codename_key=key)
    return (await Offer.get(codename_hash=codename_hash(codename, key))).id


async def all_counters() -> dict[tuple[str, ...], int]:
    rows = await Counter.all().values_list(
        "period", "metric", "category", "area_group", "source_kind", "value"
    )
    return {(p, m, c, a, s): int(v) for p, m, c, a, s, v in rows}
