"""Retention of money records (privacy promise 5): Stripe's event ids and never-paid gifts go
after their horizons; payments, disbursements and counters, the books, stay."""

from __future__ import annotations

import asyncio
from dataclasses import fields
from datetime import datetime, timedelta

import httpx2
from tortoise.transactions import in_transaction

from mutualaid.domain.clock import now, this_hour
from mutualaid.domain.money import ABANDONED_GIFT_DAYS, STRIPE_EVENT_DAYS, UNSETTLED_GIFT_DAYS
from mutualaid.services.gifts import MoneyPurgeReceipt, purge_money_records
from mutualaid.storage.models import Disbursement, Gift, GiftPayment, StripeEvent
from tests.conftest import Database
from tests.funds.checkout_double import CheckoutDouble
from tests.funds.conftest import funds_state, give, session_id_of, sign_event
from tests.pledges.conftest import sign_in_coordinator


def days_on(days: float) -> datetime:
    return now() + timedelta(days=days)


async def _started(giving: httpx2.AsyncClient, **form: str) -> str:
    """A gift started on /give (the person is at the payment page); its session id."""
    return session_id_of(await give(giving, **form))


async def _status(session_id: str) -> str | None:
    gift = await Gift.get_or_none(checkout_session_id=session_id)
    return gift.status if gift is not None else None


async def test_a_stripe_event_id_is_kept_while_stripe_could_send_it_again(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    session_id = await _started(giving)
    payload = double.pay(session_id, deliver=False)
    assert (await sign_event(giving, payload)).status_code == 200
    assert await StripeEvent.all().count() == 1

    receipt = await purge_money_records(now=days_on(STRIPE_EVENT_DAYS - 1))
    assert receipt.stripe_events == 0
    # Still known, so the same event sent again (by hand, from Stripe's list) counts once.
    before = await funds_state()
    assert (await sign_event(giving, payload)).status_code == 200
    assert await funds_state() == before

    books = await funds_state()
    receipt = await purge_money_records(now=days_on(STRIPE_EVENT_DAYS + 1))
    assert receipt == MoneyPurgeReceipt(stripe_events=1, abandoned_gifts=0, unsettled_gifts=0)
    assert await StripeEvent.all().count() == 0
    assert await funds_state() == {**books, "events": 0}, "the books changed"


async def test_never_paid_gifts_go_after_their_horizons_and_paid_ones_stay(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    # Left at the payment page; paid later than usual; failed; waiting on a bank; monthly
    # with its first invoice never paid; paid.
    left = await _started(giving)
    late = await _started(giving)
    failed = await _started(giving)
    await sign_event(giving, double.session_event(failed, "checkout.session.async_payment_failed"))
    bank = await _started(giving)
    double.sessions[bank].update(status="complete", payment_status="unpaid")
    await sign_event(giving, double.session_event(bank))
    monthly = await _started(giving, frequency="monthly")
    await sign_event(giving, double.pay(monthly, deliver=False))
    paid = await _started(giving)
    await sign_event(giving, double.pay(paid, deliver=False))
    statuses = [await _status(s) for s in (left, late, failed, bank, monthly, paid)]
    assert statuses == ["started", "started", "failed", "processing", "started", "paid"]

    # Within the abandoned horizon a late payment still finds its gift, and counts.
    receipt = await purge_money_records(now=days_on(ABANDONED_GIFT_DAYS - 1))
    assert (receipt.abandoned_gifts, receipt.unsettled_gifts) == (0, 0)
    await sign_event(giving, double.pay(late, deliver=False))
    assert await _status(late) == "paid"
    books = await funds_state()

    # Past it, the gifts nothing can pay any more are gone; the waiting ones are not yet.
    receipt = await purge_money_records(now=days_on(ABANDONED_GIFT_DAYS + 1))
    assert (receipt.abandoned_gifts, receipt.unsettled_gifts) == (2, 0)
    assert await _status(left) is None and await _status(failed) is None
    assert [await _status(s) for s in (bank, monthly)] == ["processing", "started"]

    receipt = await purge_money_records(now=days_on(UNSETTLED_GIFT_DAYS + 1))
    assert (receipt.abandoned_gifts, receipt.unsettled_gifts) == (0, 2)
    assert [await _status(s) for s in (bank, monthly)] == [None, None]

    # The paid gifts, their payments and the counters are the books: untouched.
    assert [await _status(s) for s in (late, paid)] == ["paid", "paid"]
    after = await funds_state()
    assert after["payments"] == books["payments"]
    assert after["counters"] == books["counters"]
    assert await GiftPayment.all().count() == 2


async def test_a_gift_with_a_payment_is_never_purged_whatever_its_status(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    session_id = await _started(giving)
    await sign_event(giving, double.pay(session_id, deliver=False))
    # A status that says otherwise (say a late failure notice had been applied) can't make
    # a gift with money in it look abandoned.
    await Gift.filter(checkout_session_id=session_id).update(status="failed")
    receipt = await purge_money_records(now=days_on(UNSETTLED_GIFT_DAYS * 10))
    assert (receipt.abandoned_gifts, receipt.unsettled_gifts) == (0, 0)
    assert await _status(session_id) == "failed"
    assert await GiftPayment.all().count() == 1


async def test_disbursements_are_books_and_stay(client: httpx2.AsyncClient, db: Database) -> None:
    await sign_in_coordinator(client, db)
    page = await client.get("/staff/ledger")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    form = {
        "csrf_token": token,
        "amount": "12",
        "designation": "general",
        "paid_on": (now() - timedelta(days=300)).date().isoformat(),
        "method": "cash",
        "override": "yes",
    }
    assert (await client.post("/staff/disbursements", data=form)).status_code == 303
    await purge_money_records(now=days_on(3650))
    assert await Disbursement.all().count() == 1


async def test_purging_goes_in_batches(db: Database) -> None:
    long_ago = this_hour() - timedelta(days=UNSETTLED_GIFT_DAYS + 1)
    for n in range(7):
        await StripeEvent.create(id=f"evt_old_{n}", type="charge.refunded", received_at=long_ago)
    await StripeEvent.create(id="evt_new", type="charge.refunded", received_at=now())
    for status in ("started", "started", "failed", "failed", "started", "processing"):
        await Gift.create(
            frequency="once",
            amount=1000,
            currency="usd",
            designation="general",
            source_kind="individual",
            status=status,
            created_at=long_ago,
        )
    receipt = await purge_money_records(now=now(), batch=2)
    assert receipt == MoneyPurgeReceipt(stripe_events=7, abandoned_gifts=5, unsettled_gifts=1)
    assert await StripeEvent.all().values_list("id", flat=True) == ["evt_new"]
    assert await Gift.all().count() == 0


async def test_a_payment_arriving_during_the_purge_keeps_its_gift(db: Database) -> None:
    """The webhook holds the gift's lock while it records the payment; the purge waits for
    it, then sees a paid gift and leaves it (no foreign-key error, nothing lost)."""
    gift = await Gift.create(
        frequency="once",
        amount=1000,
        currency="usd",
        designation="general",
        source_kind="individual",
        created_at=this_hour() - timedelta(days=ABANDONED_GIFT_DAYS + 1),
    )
    locked, release = asyncio.Event(), asyncio.Event()

    async def the_webhook_pays_it() -> None:
        async with in_transaction() as conn:
            await Gift.filter(id=gift.id).select_for_update().using_db(conn).get()
            locked.set()
            await release.wait()
            await GiftPayment.create(
                gift_id=gift.id,
                stripe_ref="cs_test_late",
                amount=1000,
                paid_at=now(),
                using_db=conn,
            )
            await Gift.filter(id=gift.id).using_db(conn).update(status="paid")

    webhook = asyncio.create_task(the_webhook_pays_it())
    await asyncio.wait_for(locked.wait(), timeout=10)
    purge = asyncio.create_task(purge_money_records(now=now()))
    await asyncio.sleep(0.3)
    assert not purge.done(), "the purge did not wait for the gift being paid"
    release.set()
    await asyncio.wait_for(webhook, timeout=10)
    receipt = await asyncio.wait_for(purge, timeout=10)
    assert receipt.abandoned_gifts == 0
    assert (await Gift.get(id=gift.id)).status == "paid"


def test_a_receipt_holds_counts_only() -> None:
    assert {f.type for f in fields(MoneyPurgeReceipt)} == {"int"}


async def test_the_privacy_page_says_how_long_money_records_are_kept(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = (await client.get("/privacy")).text
    assert f"deleted after {STRIPE_EVENT_DAYS} days, when Stripe" in page
    assert f"deleted {ABANDONED_GIFT_DAYS} days after it was started" in page
    assert f"or {UNSETTLED_GIFT_DAYS} days if it was still waiting" in page
