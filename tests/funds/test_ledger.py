"""The coordinators' ledger: disbursements, balances, overrides, CSV, roles, purge links."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import timedelta

import httpx2
import pytest

from mutualaid.domain.clock import now, today
from mutualaid.domain.money import DisbursementMethod, InvalidAmount, csv_cell, gift_amount
from mutualaid.services.ledger import DisbursementDraft, balance, record_disbursement
from mutualaid.services.retention import purge_closed
from mutualaid.storage.models import AuditEvent, Disbursement, Need
from tests.conftest import Database, post_need
from tests.funds.checkout_double import CheckoutDouble
from tests.funds.conftest import (
    disbursement_form,
    give,
    money_counters,
    session_id_of,
    sign_event,
)
from tests.pledges.conftest import organization, sign_in_coordinator, sign_in_member


async def _post(client: httpx2.AsyncClient, **fields: str) -> httpx2.Response:
    page = await client.get("/staff/ledger")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    return await client.post(
        "/staff/disbursements", data={"csrf_token": token, **disbursement_form(**fields)}
    )


async def _fund(giving: httpx2.AsyncClient, double: CheckoutDouble, **fields: str) -> None:
    response = await give(giving, **fields)
    await sign_event(giving, double.pay(session_id_of(response), deliver=False))


async def test_disbursements_move_balances_and_counters(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    await _fund(giving, double, amount="5000", designation="food")
    await sign_in_coordinator(giving, db)
    response = await _post(giving, amount="20.50", designation="food", method="gift_card")
    assert response.status_code == 303
    page = await giving.get(response.headers["location"])
    assert "The disbursement is recorded" in page.text
    assert "$29.50" in page.text  # 50.00 - 20.50
    counters = await money_counters()
    assert counters[("money_out", "food", "")] == 2050
    assert counters[("disbursements", "food", "")] == 1
    assert await AuditEvent.filter(action="disbursement_recorded").count() == 1


async def test_spending_past_the_balance_needs_an_audited_override(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    await _fund(giving, double, amount="1000")
    await sign_in_coordinator(giving, db)
    refused = await _post(giving, amount="25")
    assert refused.status_code == 422
    assert "more than the fund holds ($10.00)" in refused.text
    assert 'value="25"' in refused.text
    assert await Disbursement.all().count() == 0
    accepted = await _post(giving, amount="25", override="yes")
    assert accepted.status_code == 303
    assert accepted.headers["location"].endswith("done=overdrawn")
    assert (await Disbursement.get()).overdrawn
    assert await AuditEvent.filter(action="disbursement_override").count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount": "0"}, "amount"),
        ({"amount": "-3"}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"amount": "99999999"}, "amount"),
        ({"designation": "nope"}, "designation"),
        ({"method": "bitcoin"}, "method"),
        ({"paid_on": "2999-01-01"}, "paid_on"),
        ({"need": "not-an-id"}, "need"),
        ({"need": "0b9f6a4e-2b7c-4c59-9d7e-1b2a3c4d5e6f"}, "need"),
    ],
)
async def test_bad_disbursements_are_refused_kindly(
    client: httpx2.AsyncClient, db: Database, fields: dict[str, str], field: str
) -> None:
    await sign_in_coordinator(client, db)
    response = await _post(client, override="yes", **fields)
    assert response.status_code == 422
    assert f'id="{field}-error"' in response.text
    assert await Disbursement.all().count() == 0
    assert await money_counters() == {}


async def test_a_purged_need_leaves_the_disbursement_without_its_link(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await post_need(client)
    need = await Need.get()
    await sign_in_coordinator(client, db)
    response = await _post(client, need=str(need.id), override="yes")
    assert response.status_code == 303
    assert (await Disbursement.get()).need_id == need.id
    await Need.filter(id=need.id).update(status="fulfilled", closed_at=now() - timedelta(days=40))
    receipt = await purge_closed(now=now(), retention_days=30)
    assert receipt.needs >= 1
    assert not await Need.exists(id=need.id)
    kept = await Disbursement.get()
    assert kept.need_id is None
    assert kept.amount == 1000


async def test_the_csv_is_for_bookkeeping_and_cannot_run_formulas(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    org = await organization(db, name='=HYPERLINK("http://evil.example")')
    await sign_in_member(giving, db, org)
    await _fund(giving, double, amount="2500", path="/portal/give")
    giving.cookies.clear()
    await sign_in_coordinator(giving, db)
    await _post(giving, amount="7.25", method="bill_paid")
    response = await giving.get("/staff/ledger.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["date", "direction", "fund"]
    assert rows[1][1:6] == ["in", "general", '\'=HYPERLINK("http://evil.example")', "once", "25.00"]
    assert rows[2][1:6] == ["out", "general", "", "bill_paid", "7.25"]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


async def test_only_coordinators_reach_the_ledger(client: httpx2.AsyncClient, db: Database) -> None:
    for path in ("/staff/ledger", "/staff/ledger.csv"):
        assert (await client.get(path)).status_code == 303  # to sign in
    await sign_in_member(client, db, await organization(db))
    for path in ("/staff/ledger", "/staff/ledger.csv"):
        assert (await client.get(path)).status_code == 404


def test_amounts_and_cells() -> None:
    assert gift_amount("25", exponent=2) == 2500
    assert gift_amount("12,5", exponent=2) == 1250
    assert gift_amount("1000", exponent=0) == 1000
    for bad in ("0", "0.99", "10000.01", "-1", "1e2", "", "12.345", "١٢"):
        with pytest.raises(InvalidAmount):
            gift_amount(bad, exponent=2)
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("plain") == "plain"
    assert today()


async def test_two_coordinators_cannot_both_spend_the_last_of_a_fund(
    giving: httpx2.AsyncClient, db: Database, double: CheckoutDouble
) -> None:
    """Six pay out the whole balance at once: one is recorded, the others are told the fund
    is empty (PostgreSQL runs them truly at once; SQLite one after the other)."""
    await _fund(giving, double, amount="2500", designation="food")
    draft = DisbursementDraft(
        amount=2500, designation="food", paid_on=today(), method=DisbursementMethod.CASH
    )
    outcomes = await asyncio.gather(
        *(record_disbursement(draft, currency="usd", override=False, by=None) for _ in "abcdef"),
        return_exceptions=True,
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["Overdrawn"] * 5 + ["tuple"]
    assert await Disbursement.filter(designation="food").count() == 1
    assert await balance("food") == 0
