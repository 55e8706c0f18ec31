"""Stripe's webhook: signatures, exactly-once, order, and the effect on gifts and counters."""

from __future__ import annotations

import asyncio
import secrets
import time
import uuid

import httpx2

from mutualaid.storage.models import Gift, GiftPayment
from tests.funds.checkout_double import CheckoutDouble
from tests.funds.conftest import event, funds_state, give, money_counters, session_id_of, sign_event


async def _paid_session(giving: httpx2.AsyncClient, double: CheckoutDouble, **fields: str) -> str:
    response = await give(giving, **fields)
    session_id = session_id_of(response)
    double.pay(session_id, deliver=False)
    return session_id


async def test_a_bad_signature_is_refused_and_changes_nothing(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    session_id = await _paid_session(giving, double)
    payload = double.session_event(session_id)
    before = await funds_state()
    for response in (
        await sign_event(giving, payload, secret="whsec_wrong_" + secrets.token_hex(8)),
        await sign_event(giving, payload, timestamp=int(time.time()) - 301),
        await giving.post("/stripe/webhook", content=payload),
        await giving.post(
            "/stripe/webhook", content=payload, headers={"Stripe-Signature": "t=1,v1=00"}
        ),
        await sign_event(giving, b'{"id": "evt_1", "type": "checkout.session.completed"'),
    ):
        assert response.status_code == 400
    assert await funds_state() == before
    # The control: the same payload, signed now with our secret, is applied.
    assert (await sign_event(giving, payload)).status_code == 200
    assert await funds_state() != before


async def test_unknown_events_are_acknowledged_and_ignored(
    giving: httpx2.AsyncClient,
) -> None:
    before = await funds_state()
    response = await sign_event(giving, event("customer.created", {"id": "cus_1"}))
    assert response.status_code == 200
    assert await funds_state() == before


async def test_a_duplicate_delivery_has_one_effect(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    payload = double.session_event(await _paid_session(giving, double))
    assert (await sign_event(giving, payload)).status_code == 200
    once = await funds_state()
    assert (await sign_event(giving, payload)).status_code == 200
    assert await funds_state() == once
    assert once["counters"][("gifts", "general", "individual")] == 1


async def test_concurrent_duplicates_have_one_effect(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    payload = double.session_event(await _paid_session(giving, double))
    answers = await asyncio.gather(*(sign_event(giving, payload) for _ in range(5)))
    assert {a.status_code for a in answers} == {200}
    counters = await money_counters()
    assert counters[("money_in", "general", "individual")] == 2500
    assert await GiftPayment.all().count() == 1


async def test_the_same_payment_told_twice_counts_once(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    """async_payment_succeeded may come before (or after) completed: one payment."""
    session_id = await _paid_session(giving, double)
    late = double.session_event(session_id, "checkout.session.async_payment_succeeded")
    assert (await sign_event(giving, late)).status_code == 200
    assert (await sign_event(giving, double.session_event(session_id))).status_code == 200
    assert (await money_counters())[("gifts", "general", "individual")] == 1


async def test_a_payment_that_settles_later_and_one_that_fails(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    response = await give(giving)
    session_id = session_id_of(response)
    double.sessions[session_id].update(status="complete", payment_status="unpaid")
    await sign_event(giving, double.session_event(session_id))
    gift = await Gift.get(checkout_session_id=session_id)
    assert gift.status == "processing"
    failed = double.session_event(session_id, "checkout.session.async_payment_failed")
    await sign_event(giving, failed)
    await gift.refresh_from_db()
    assert gift.status == "failed"
    assert await money_counters() == {}


def _charge(payment_intent: str, *, refunded: int, amount: int = 2500) -> dict[str, object]:
    return {
        "id": "ch_" + payment_intent,
        "object": "charge",
        "amount": amount,
        "amount_refunded": refunded,
        "payment_intent": payment_intent,
        "billing_details": {"email": "giver@example.net"},
    }


async def test_refunds_and_disputes_in_any_order(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    session_id = await _paid_session(giving, double, designation="food")
    payment_intent = str(double.sessions[session_id]["payment_intent"])
    refund_1000 = event("charge.refunded", _charge(payment_intent, refunded=1000))
    # Before the payment is known: "retry later", and nothing is recorded.
    before = await funds_state()
    assert (await sign_event(giving, refund_1000)).status_code == 409
    assert await funds_state() == before
    await sign_event(giving, double.session_event(session_id))
    # Stripe's retry now applies.
    assert (await sign_event(giving, refund_1000)).status_code == 200
    # A second partial refund (cumulative 1500), then the first one's copy arriving late.
    await sign_event(giving, event("charge.refunded", _charge(payment_intent, refunded=1500)))
    await sign_event(giving, event("charge.refunded", _charge(payment_intent, refunded=1000)))
    dispute = {
        "id": "dp_1",
        "object": "dispute",
        "amount": 1000,
        "charge": "ch_" + payment_intent,
        "payment_intent": payment_intent,
    }
    assert (await sign_event(giving, event("charge.dispute.created", dispute))).status_code == 200
    counters = await money_counters()
    assert counters[("money_refunded", "food", "individual")] == 1500
    assert counters[("refunds", "food", "individual")] == 2
    assert counters[("money_disputed", "food", "individual")] == 1000
    assert counters[("disputes", "food", "individual")] == 1
    payment = await GiftPayment.get(payment_intent_id=payment_intent)
    assert (payment.amount, payment.refunded, payment.disputed) == (2500, 1500, 1000)


async def test_a_monthly_invoice_before_its_checkout_completion(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    """Stripe often sends invoice.paid first: the subscription's metadata finds the gift."""
    response = await give(giving, frequency="monthly", amount="1000", designation="housing")
    session_id = session_id_of(response)
    gift = await Gift.get(checkout_session_id=session_id)
    invoice = {
        "id": "in_" + uuid.uuid4().hex,
        "object": "invoice",
        "status": "paid",
        "amount_paid": 1000,
        "currency": "usd",
        "customer_email": "giver@example.net",
        "parent": {
            "type": "subscription_details",
            "subscription_details": {
                "subscription": "sub_123",
                "metadata": {"pledge_id": gift.id.hex, "designation": "housing"},
            },
        },
    }
    paid = event("invoice.paid", invoice)
    assert (await sign_event(giving, paid)).status_code == 200
    # invoice.payment_succeeded tells of the same invoice: still one payment.
    await sign_event(giving, event("invoice.payment_succeeded", invoice))
    double.sessions[session_id]["subscription"] = "sub_123"
    await sign_event(giving, double.pay(session_id, deliver=False))
    await gift.refresh_from_db()
    assert (gift.status, gift.subscription_id) == ("paid", "sub_123")
    assert (await money_counters())[("money_in", "housing", "individual")] == 1000
    # Next month's invoice is money in again.
    await sign_event(giving, event("invoice.paid", {**invoice, "id": "in_next"}))
    assert (await money_counters())[("gifts", "housing", "individual")] == 2


async def test_a_large_event_fits_and_a_huge_one_is_refused(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    session_id = await _paid_session(giving, double)
    double.sessions[session_id]["padding"] = "x" * 100_000  # beyond the site's 64 KiB
    assert (await sign_event(giving, double.session_event(session_id))).status_code == 200
    double.sessions[session_id]["padding"] = "x" * 600_000
    assert (await sign_event(giving, double.session_event(session_id))).status_code == 413
