"""Retention: quiet needs expire, closed ones are deleted for good, and totals stay."""

from __future__ import annotations

from datetime import date, timedelta

import time_machine

from mutualaid.domain.catalog import OfferDraft, OfferKind
from mutualaid.domain.codenames import codename_hash
from mutualaid.services.needs import add_message, post_need, withdraw_need
from mutualaid.services.offers import change_offer, post_offer
from mutualaid.services.retention import expire_quiet_needs, purge_closed
from mutualaid.storage.models import Message, Need, Offer
from tests.services.conftest import HOUR, MOMENT, all_counters, counters, need_draft

DAY = timedelta(days=1)


async def _post_need_at(moment, key: bytes, **overrides: object):  # type: ignore[no-untyped-def]
    with time_machine.travel(moment, tick=False):
        codename = await post_need(need_draft(**overrides), codename_key=key)
    return (await Need.get(codename_hash=codename_hash(codename, key))).id


async def test_quiet_needs_expire_and_lively_ones_stay(key: bytes) -> None:
    quiet = await _post_need_at(MOMENT - 30 * DAY, key)
    matched_quiet = await _post_need_at(MOMENT - 40 * DAY, key, area="southside")
    lively = await _post_need_at(MOMENT - 30 * DAY, key)
    with time_machine.travel(MOMENT - 2 * DAY, tick=False):
        await add_message(lively, author_role="member", body="still here")
    recent = await _post_need_at(MOMENT - 5 * DAY, key)
    withdrawn = await _post_need_at(MOMENT - 60 * DAY, key)
    with time_machine.travel(MOMENT - 60 * DAY, tick=False):
        await withdraw_need(withdrawn)
    await Need.filter(id=matched_quiet).update(status="matched")

    with time_machine.travel(MOMENT, tick=False):
        expired = await expire_quiet_needs(now=MOMENT, horizon_days=21)
    assert expired == 2

    statuses = {n.id: n.status for n in await Need.all()}
    assert statuses == {
        quiet: "expired",
        matched_quiet: "expired",
        lively: "open",
        recent: "open",
        withdrawn: "withdrawn",
    }
    for need_id in (quiet, matched_quiet):
        need = await Need.get(id=need_id)
        assert need.contact is None
        assert need.closed_at == HOUR
    assert (await Need.get(id=lively)).contact is not None
    # Expiry is counted in the month it happens, for the need's category and area group
    # (the recent need was posted in this month too).
    assert await counters() == {
        ("needs_posted", "food", "Central", "community"): 1,
        ("needs_expired", "food", "Central", "community"): 1,
        ("needs_expired", "food", "South", "community"): 1,
    }

    with time_machine.travel(MOMENT, tick=False):
        assert await expire_quiet_needs(now=MOMENT, horizon_days=21) == 0


async def test_the_expiry_horizon_is_exclusive(key: bytes) -> None:
    at_horizon = await _post_need_at(MOMENT - 21 * DAY, key)
    past_horizon = await _post_need_at(MOMENT - 21 * DAY - timedelta(hours=1), key)
    with time_machine.travel(MOMENT, tick=False):
        # `now` on the hour, as the scheduler passes it, so the boundary is exact.
        assert await expire_quiet_needs(now=HOUR, horizon_days=21) == 1
    assert (await Need.get(id=at_horizon)).status == "open"
    assert (await Need.get(id=past_horizon)).status == "expired"


async def test_purge_deletes_closed_needs_past_retention_with_their_threads(
    key: bytes,
) -> None:
    old_closed = await _post_need_at(MOMENT - 50 * DAY, key)
    with time_machine.travel(MOMENT - 45 * DAY, tick=False):
        await add_message(old_closed, author_role="member", body="a")
        await add_message(old_closed, author_role="coordinator", body="b")
    with time_machine.travel(MOMENT - 31 * DAY, tick=False):
        await withdraw_need(old_closed)

    young_closed = await _post_need_at(MOMENT - 50 * DAY, key)
    with time_machine.travel(MOMENT - 10 * DAY, tick=False):
        await add_message(young_closed, author_role="member", body="c")
        await withdraw_need(young_closed)

    old_open = await _post_need_at(MOMENT - 200 * DAY, key)
    with time_machine.travel(MOMENT - 200 * DAY, tick=False):
        await add_message(old_open, author_role="member", body="d")

    with time_machine.travel(MOMENT - 40 * DAY, tick=False):
        old_offer_code = await post_offer(_offer(), codename_key=key)
        old_offer = (await Offer.get(codename_hash=codename_hash(old_offer_code, key))).id
        await change_offer(old_offer, "end")
        paused_code = await post_offer(_offer(), codename_key=key)
        paused_offer = (await Offer.get(codename_hash=codename_hash(paused_code, key))).id
        await change_offer(paused_offer, "pause")
    with time_machine.travel(MOMENT - 3 * DAY, tick=False):
        young_offer_code = await post_offer(_offer(), codename_key=key)
        young_offer = (await Offer.get(codename_hash=codename_hash(young_offer_code, key))).id
        await change_offer(young_offer, "end")

    offers_before = await Offer.all().count()
    totals = await all_counters()
    with time_machine.travel(MOMENT, tick=False):
        receipt = await purge_closed(now=MOMENT, retention_days=30)

    assert (receipt.needs, receipt.messages, receipt.offers) == (1, 2, 1)
    assert {n.id for n in await Need.all()} == {young_closed, old_open}
    assert await Message.filter(need_id=old_closed).count() == 0
    assert await Message.filter(need_id=young_closed).count() == 1
    assert await Message.filter(need_id=old_open).count() == 1
    remaining = {o.id for o in await Offer.all()}
    assert old_offer not in remaining
    assert {paused_offer, young_offer} <= remaining
    assert await Offer.all().count() == offers_before - 1
    # Deletion is not an event in the reports: the totals are exactly as they were.
    assert await all_counters() == totals

    with time_machine.travel(MOMENT, tick=False):
        again = await purge_closed(now=MOMENT, retention_days=30)
    assert (again.needs, again.messages, again.offers) == (0, 0, 0)


async def test_the_receipt_holds_counts_only(db: object) -> None:
    receipt = await purge_closed(now=MOMENT, retention_days=30)
    assert set(vars(receipt)) == {
        "needs",
        "messages",
        "offers",
        "audit_events",
        "sessions",
        "matches",
        "history",
        "job_runs",
    }
    assert all(isinstance(v, int) for v in vars(receipt).values())


def _offer() -> OfferDraft:
    return OfferDraft(OfferKind.GOODS, "food", ("downtown",), 2, date(2031, 1, 1), "en")


async def test_the_retention_period_is_exclusive(key: bytes) -> None:
    at_cutoff = await _post_need_at(MOMENT - 40 * DAY, key)
    past_cutoff = await _post_need_at(MOMENT - 40 * DAY, key)
    with time_machine.travel(MOMENT - 30 * DAY, tick=False):
        await withdraw_need(at_cutoff)
    with time_machine.travel(MOMENT - 30 * DAY - timedelta(hours=1), tick=False):
        await withdraw_need(past_cutoff)
    receipt = await purge_closed(now=HOUR, retention_days=30)
    assert receipt.needs == 1
    assert {n.id for n in await Need.all()} == {at_cutoff}
