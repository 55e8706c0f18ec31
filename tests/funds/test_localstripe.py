"""The official stripe library against localstripe (through the recording double): a monthly
gift's invoice delivered and signed by localstripe itself, and a real refund's charge."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from typing import Any

import httpx2
import stripe

from mutualaid.storage.models import Gift, GiftPayment
from tests.conftest import Database
from tests.funds.checkout_double import CheckoutDouble
from tests.funds.conftest import (
    SECRET_KEY,
    WEBHOOK_SECRET,
    event,
    give,
    money_counters,
    session_id_of,
    sign_event,
)

CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"}


def _register_webhook(localstripe: str, url: str) -> None:
    """localstripe's own config endpoint: it then signs its deliveries with our secret."""
    data = f"url={url}&secret={WEBHOOK_SECRET}".encode()
    request = urllib.request.Request(  # noqa: S310 (loopback)
        f"{localstripe}/_config/webhooks/mutualaid", data=data, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310
        pass


def _paying_customer(client: stripe.StripeClient) -> tuple[str, str]:
    customer = client.v1.customers.create(params={})
    card: Any = {"type": "card", "card": CARD}
    method = client.v1.payment_methods.create(params=card)
    client.v1.payment_methods.attach(method.id, params={"customer": customer.id})
    settings: Any = {"invoice_settings": {"default_payment_method": method.id}}
    client.v1.customers.update(customer.id, params=settings)
    return customer.id, method.id


def _subscribe(client: stripe.StripeClient, pledge_id: str) -> str:
    customer, _ = _paying_customer(client)
    product = client.v1.products.create(params={"name": "Monthly gift"})
    plan_params: Any = {
        "amount": 1000,
        "currency": "usd",
        "interval": "month",
        "product": product.id,
    }
    plan = client.v1.plans.create(params=plan_params)
    params: Any = {
        "customer": customer,
        "items": [{"plan": plan.id}],
        "metadata": {"pledge_id": pledge_id, "designation": "food"},
    }
    return client.v1.subscriptions.create(params=params).id


async def test_a_monthly_gift_paid_in_localstripe(
    giving: httpx2.AsyncClient,
    live_app: str,
    double: CheckoutDouble,
    localstripe: str,
    db: Database,
) -> None:
    _register_webhook(localstripe, double.webhook_url)
    response = await give(giving, frequency="monthly", amount="1000", designation="food")
    gift = await Gift.get(checkout_session_id=session_id_of(response))
    client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": double.base})
    subscription = await asyncio.to_thread(_subscribe, client, gift.id.hex)
    # localstripe signs and delivers invoice.payment_succeeded (about a second later); its
    # invoice has no metadata, so our app asks Stripe for the subscription's.
    for _ in range(100):
        if await GiftPayment.exists(gift_id=gift.id):
            break
        await asyncio.sleep(0.1)
    await gift.refresh_from_db()
    assert (gift.status, gift.subscription_id) == ("paid", subscription)
    counters = await money_counters()
    assert counters[("money_in", "food", "individual")] == 1000
    assert counters[("gifts", "food", "individual")] == 1
    assert any(r.path == f"/v1/subscriptions/{subscription}" for r in double.requests)


async def test_a_refund_made_in_localstripe(
    giving: httpx2.AsyncClient, double: CheckoutDouble, localstripe: str, db: Database
) -> None:
    client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": double.base})

    def pay() -> Any:
        customer, method = _paying_customer(client)
        params: Any = {
            "amount": 2500,
            "currency": "usd",
            "customer": customer,
            "payment_method": method,
            "confirm": True,
        }
        return client.v1.payment_intents.create(params=params)

    intent = await asyncio.to_thread(pay)
    assert intent.status == "succeeded"
    response = await give(giving, designation="transport")
    session_id = session_id_of(response)
    double.sessions[session_id].update(
        status="complete", payment_status="paid", payment_intent=intent.id
    )
    assert (await sign_event(giving, double.session_event(session_id))).status_code == 200

    def refund() -> dict[str, Any]:
        client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 1000})
        latest: Any = client.v1.payment_intents.retrieve(intent.id).latest_charge
        charge = client.v1.charges.retrieve(latest if isinstance(latest, str) else latest.id)
        return dict(json.loads(json.dumps(charge.to_dict())))

    charge = await asyncio.to_thread(refund)
    assert charge["amount_refunded"] == 1000
    # localstripe sends no charge.refunded, so we deliver its real charge object as Stripe would.
    assert (await sign_event(giving, event("charge.refunded", charge))).status_code == 200
    counters = await money_counters()
    assert counters[("money_refunded", "transport", "individual")] == 1000
    assert counters[("refunds", "transport", "individual")] == 1
