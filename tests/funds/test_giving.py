"""/give end to end against the Checkout test double: forms, what Stripe is told, and the
gift's payment landing in the counters and the ledger."""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest
from markupsafe import escape

from mutualaid.services.stripe_gateway import (
    METADATA_KEYS,
    MetadataNotAllowed,
    checked_params,
)
from mutualaid.storage.models import Gift
from mutualaid.web.app import create_app
from tests.conftest import CANARY_CLIENT, Database, make_settings, need_form, post_form
from tests.funds.checkout_double import CheckoutDouble
from tests.funds.conftest import (
    checkout_url,
    funds_state,
    give,
    money_counters,
    session_id_of,
    sign_event,
)
from tests.pledges.conftest import organization, sign_in_coordinator, sign_in_member

CANARY_NEED = "CANARY-need-text-5cf1 rent for room 12"


async def test_without_keys_give_says_so_and_shows_other_ways(db: Database, tmp_path: Path) -> None:
    settings = make_settings(tmp_path, database_url=db.url, other_ways_to_give="<b>Cash</b> & kind")
    app = create_app(settings, manage_storage=False)
    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as client:
        page = await client.get("/give")
        assert page.status_code == 200
        assert "Online giving is not set up here." in page.text
        assert str(escape("<b>Cash</b> & kind")) in page.text
        assert "<b>Cash</b>" not in page.text
        assert 'name="amount"' not in page.text
        # The webhook can't verify anything without a secret.
        refused = await client.post("/stripe/webhook", content=b"{}")
        assert refused.status_code == 400


async def test_a_one_time_gift_goes_to_checkout_and_lands_once_paid(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    response = await give(giving, designation="food")
    assert response.status_code == 200
    assert checkout_url(response).startswith(double.base + "/pay/cs_test_")
    assert "Stripe" in response.text
    gift = await Gift.get(checkout_session_id=session_id_of(response))
    assert (gift.status, gift.amount, gift.designation, gift.source_kind) == (
        "started",
        2500,
        "food",
        "individual",
    )
    # Nothing is counted until Stripe says it is paid.
    assert await money_counters() == {}
    paid = await sign_event(giving, double.pay(session_id_of(response), deliver=False))
    assert paid.status_code == 200
    await gift.refresh_from_db()
    assert gift.status == "paid"
    assert await money_counters() == {
        ("money_in", "food", "individual"): 2500,
        ("gifts", "food", "individual"): 1,
    }
    # The giver's name and email in Stripe's event are not kept anywhere.
    state = str(await funds_state())
    assert "giver@example.net" not in state and "A Giver" not in state


async def test_monthly_gifts_ask_stripe_for_a_subscription(
    giving: httpx2.AsyncClient, double: CheckoutDouble, db: Database
) -> None:
    response = await give(giving, frequency="monthly", amount="other", other_amount="12.50")
    assert response.status_code == 200
    session = double.sessions[session_id_of(response)]
    assert session["mode"] == "subscription"
    assert session["amount_total"] == 1250
    sent = dict(double.requests[-1].fields)
    assert sent["line_items[0][price_data][recurring][interval]"] == "month"
    assert sent["subscription_data[metadata][pledge_id]"] == sent["metadata[pledge_id]"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount": "other", "other_amount": "0"}, "other_amount"),
        ({"amount": "other", "other_amount": "-5"}, "other_amount"),
        ({"amount": "other", "other_amount": "10000000"}, "other_amount"),
        ({"amount": "other", "other_amount": "ten dollars"}, "other_amount"),
        ({"amount": "other", "other_amount": "1e3"}, "other_amount"),
        ({"amount": "other", "other_amount": "12.345"}, "other_amount"),
        ({"amount": "999"}, "amount"),
        ({"amount": ""}, "amount"),
        ({"designation": "no-such-fund"}, "designation"),
        ({"designation": "<script>"}, "designation"),
        ({"frequency": "weekly"}, "frequency"),
    ],
)
async def test_bad_gifts_get_a_clear_message_keep_the_input_and_store_nothing(
    giving: httpx2.AsyncClient, double: CheckoutDouble, fields: dict[str, str], field: str
) -> None:
    before = await funds_state()
    response = await give(giving, **fields)
    assert response.status_code == 422
    assert f'id="{field}-error"' in response.text
    assert "Nothing you typed was lost" in response.text
    typed = fields.get("other_amount")
    if typed:
        assert f'value="{escape(typed)}"' in response.text
    assert await funds_state() == before
    assert not [r for r in double.requests if r.path == "/v1/checkout/sessions"]


async def test_stripe_is_told_only_a_random_id_and_the_fund(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    """R21: every request the stripe library sent, after a member posted a need."""
    ask = await post_form(giving, "/ask", need_form(description=CANARY_NEED), page="/ask")
    assert ask.status_code == 200
    await give(giving)
    await give(giving, frequency="monthly", designation="housing")
    org = await organization(db, name="Canary Org 77")
    await sign_in_member(giving, db, org)
    await give(giving, path="/portal/give", credit="name")
    assert len(double.requests) == 3
    for request in double.requests:
        assert CANARY_NEED.encode() not in request.body
        assert b"Canary Org" not in request.body
        for key, value in request.fields:
            if "[metadata]" in key or key.startswith("metadata["):
                assert key.rsplit("[", 1)[1].rstrip("]") in METADATA_KEYS
            assert "email" not in key and "description" not in key and "customer" not in key
            assert CANARY_NEED not in value


def test_the_allow_list_refuses_anything_else() -> None:
    base = {"mode": "payment", "metadata": {"pledge_id": "a" * 32, "designation": "food"}}
    assert checked_params(base) == base
    for bad in (
        {**base, "metadata": {"pledge_id": "a" * 32, "need": "x"}},
        {**base, "metadata": {"pledge_id": "not-random"}},
        {**base, "metadata": {"designation": "Rent for Ana"}},
        {**base, "customer_email": "someone@example.org"},
        {**base, "payment_intent_data": {"description": "for a member"}},
        {**base, "line_items": [{"price_data": {"product_data": {"name": "Rent for Ana"}}}]},
    ):
        with pytest.raises(MetadataNotAllowed):
            checked_params(bad)


async def test_an_organization_credited_by_name_is_counted_by_name(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    org = await organization(db, name="Night Owls Collective")
    await sign_in_member(giving, db, org)
    page = await giving.get("/portal/give")
    assert "Pledge funds as Night Owls Collective" in page.text
    response = await give(giving, path="/portal/give", credit="name", amount="10000")
    assert response.status_code == 200
    await sign_event(giving, double.pay(session_id_of(response), deliver=False))
    counters = await money_counters()
    assert counters[("money_in", "general", "organization")] == 10000
    assert counters[("credited_organization", "Night Owls Collective", "organization")] == 1
    # Anonymous: counted, never named.
    response = await give(giving, path="/portal/give", credit="anonymous")
    await sign_event(giving, double.pay(session_id_of(response), deliver=False))
    counters = await money_counters()
    assert counters[("gifts", "general", "organization")] == 2
    assert counters[("credited_organization", "Night Owls Collective", "organization")] == 1


async def test_organizations_that_are_not_approved_cannot_pledge_funds(
    giving: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, status="pending")
    await sign_in_member(giving, db, org)
    assert (await giving.get("/portal/give")).status_code == 404


async def test_the_coordinator_sees_the_gift_in_the_ledger(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    response = await give(giving, amount="5000", designation="transport")
    await sign_event(giving, double.pay(session_id_of(response), deliver=False))
    await sign_in_coordinator(giving, db)
    ledger = await giving.get("/staff/ledger")
    assert ledger.status_code == 200
    assert 'id="balance-transport"' in ledger.text
    assert "$50.00" in ledger.text


async def test_a_stripe_outage_charges_nothing_and_says_so(
    giving: httpx2.AsyncClient, double: CheckoutDouble
) -> None:
    double.stop()  # nothing listens there any more
    response = await give(giving)
    assert response.status_code == 503
    assert "nothing was charged" in response.text
    assert [g.status for g in await Gift.all()] == ["failed"]
