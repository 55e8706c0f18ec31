"""Time to a match and to being met: coarse buckets, counted in the same transaction as the
match or the fulfilment, from the hour the need was posted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import time_machine

from mutualaid.domain.needs import NeedEvent, time_bucket, time_metrics
from mutualaid.services.matching import close_need, propose_match, suggestions_for
from mutualaid.storage.models import Counter
from tests.conftest import Database
from tests.jobs.conftest import need_at, offer_at

POSTED = datetime(2031, 4, 1, 9, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_buckets_are_coarse_and_cover_every_duration() -> None:
    assert time_bucket(23 * HOUR) == "1d"
    assert time_bucket(24 * HOUR) == "7d"
    assert time_bucket(timedelta(days=29)) == "30d"
    assert time_bucket(timedelta(days=400)) == "longer"
    assert time_metrics(NeedEvent.WITHDRAW, posted=POSTED, at=POSTED) == ()
    assert time_metrics(NeedEvent.MATCH, posted=POSTED, at=POSTED) == ("time_to_match_1d",)


async def test_match_and_fulfilment_move_their_time_counters(db: Database, key: bytes) -> None:
    need = await need_at(POSTED, key)
    await offer_at(POSTED, key)
    with time_machine.travel(POSTED + timedelta(days=2), tick=False):
        offer = (await suggestions_for(need))[0].offer.id
        await propose_match(need, offer, by=uuid.uuid4())
    with time_machine.travel(POSTED + timedelta(days=10), tick=False):
        await close_need(need, NeedEvent.FULFIL, actor_role="coordinator", by=uuid.uuid4())
    rows = await Counter.filter(period="2031-04", metric__startswith="time_to_").values_list(
        "metric", "category", "value"
    )
    assert sorted(rows) == [("time_to_fulfil_30d", "food", 1), ("time_to_match_7d", "food", 1)]
