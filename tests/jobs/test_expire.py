"""The expire job: quiet needs become expired, offers past their last day end, counters
move with them; run through the same path the scheduler uses."""

from __future__ import annotations

import time_machine

from jobs import JOBS
from jobs.runner import run_scheduled
from mutualaid.domain.clock import month_of
from mutualaid.storage.models import Counter, Need, Offer
from tests.conftest import Database
from tests.jobs.conftest import DAY, START, need_at, offer_at


async def test_expire_job_expires_quiet_needs_and_ends_old_offers(db: Database, key: bytes) -> None:
    quiet = await need_at(START, key)
    fresh = await need_at(START + 15 * DAY, key)
    ending = await offer_at(START, key, until=START + 5 * DAY)
    lasting = await offer_at(START, key, until=START + 60 * DAY)
    moment = START + 22 * DAY
    with time_machine.travel(moment, tick=False):
        outcome = await run_scheduled(JOBS["expire"], db.settings)
    assert outcome.ran
    # The demo offers' last days are long past by then too.
    assert outcome.counts["needs_expired"] == 1 and outcome.counts["offers_ended"] >= 1
    assert (await Need.get(id=quiet)).status == "expired"
    assert (await Need.get(id=quiet)).contact is None
    assert (await Need.get(id=fresh)).status == "open"
    assert (await Offer.get(id=ending)).status == "ended"
    assert (await Offer.get(id=lasting)).status == "active"
    period = month_of(moment)
    expired = await Counter.filter(period=period, metric="needs_expired").values_list(
        "value", flat=True
    )
    assert sum(int(v) for v in expired) == 1  # type: ignore[call-overload]
    ended = await Counter.filter(period=period, metric="offers_ended").values_list(
        "value", flat=True
    )
    assert sum(int(v) for v in ended) == outcome.counts["offers_ended"]  # type: ignore[call-overload]
    with time_machine.travel(moment + DAY, tick=False):
        again = await run_scheduled(JOBS["expire"], db.settings)
    assert again.counts == {"needs_expired": 0, "offers_ended": 0}
