"""Money, as the people involved see it: a gift through the hosted payment page into the
ledger, and a coordinator paying a fund out, past its balance only with the override.

The hosted payment page is the Checkout test double's (tests/funds/checkout_double.py): the
server creates the Checkout Session there through the official `stripe` library, the person
follows our link to the double's page and pays, and the double posts the signed
`checkout.session.completed` event to our webhook before it sends them back to our
thank-you page, as Stripe does. Our pages still load nothing from another origin: only the
double's own pages are let off that check (`Journey.may_visit`). JavaScript on and off.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from playwright.sync_api import Page, expect

from tests.browser.conftest import Arrival, Journey, ServerDatabase
from tests.browser.pages import Authenticator, submit_and_wait
from tests.browser.test_matching import the_coordinator_signs_in
from tests.funds.checkout_double import CheckoutDouble

pytestmark = pytest.mark.browser

#: What Stripe may learn about a gift (tests/funds checks every call; this checks this one).
METADATA_KEYS = {"pledge_id", "designation"}
OVERDRAWN = (
    "This is more than the fund holds ({balance}). To record it anyway, tick "
    "“Spend past the balance”: coordinators will see that you did."
)
RECORDED = "The disbursement is recorded, and the fund's balance is updated."
RECORDED_PAST = (
    "The disbursement is recorded past the fund's balance. The override is in the activity log."
)


@dataclass(frozen=True)
class Gift:
    """A one-time gift of `amount` (e.g. "17.43", typed as "Another amount") to a fund."""

    amount: str
    fund: str

    @property
    def minor_units(self) -> int:
        return int(Decimal(self.amount) * 100)

    @property
    def shown(self) -> str:
        return dollars(Decimal(self.amount))


def dollars(value: Decimal) -> str:
    """An amount as the English pages show it ("$17.43", "-$5.00")."""
    return str(format_currency(value, "USD", locale="en"))


def on_the_page(text: str) -> Decimal:
    """An amount as shown ("$1,234.50", "-$5.00") as a number."""
    return Decimal(re.sub(r"[^0-9.\-]", "", text))


def a_gift_of_a_few_dollars(fund: str) -> Gift:
    """Cents drawn at random, so this run's payment is the one row in the ledger with them."""
    cents = 1000 + uuid.uuid4().int % 9000
    return Gift(amount=f"{cents // 100}.{cents % 100:02d}", fund=fund)


def this_month() -> str:
    return datetime.now(UTC).strftime("%Y-%m")


def money_in_counted(database: ServerDatabase, fund: str, month: str) -> int:
    rows = database.rows(
        "SELECT COALESCE(SUM(value), 0) FROM counter"
        " WHERE metric = 'money_in' AND period = ? AND category = ? AND source_kind = ?",
        month,
        fund,
        "individual",
    )
    return int(rows[0][0])


def gift_status(database: ServerDatabase, session_id: str) -> str:
    rows = database.rows("SELECT status FROM gift WHERE checkout_session_id = ?", session_id)
    assert len(rows) == 1, "the gift is not in the database once"
    return str(rows[0][0])


def paid_for(database: ServerDatabase, session_id: str) -> list[int]:
    """The amounts recorded as received for the gift behind this Checkout Session."""
    rows = database.rows(
        "SELECT p.amount FROM gift_payment p JOIN gift g ON g.id = p.gift_id"
        " WHERE g.checkout_session_id = ?",
        session_id,
    )
    return [int(row[0]) for row in rows]


# --- What each person does ----------------------------------------------------------------


def only_our_origin_so_far(person: Journey) -> bool:
    return all(seen.url.startswith(person.origin + "/") for seen in person.requests)


def they_choose_a_gift(giver: Journey, gift: Gift) -> str:
    """On /give: once, "Another amount", a fund; continue. Returns the payment page's URL."""
    page = giver.page
    giver.visit("/give")
    expect(page.locator("h1")).to_have_text("Give money")
    page.locator('input[name="frequency"][value="once"]').check()
    page.locator('input[name="amount"][value="other"]').check()
    page.locator("input#other_amount").fill(gift.amount)
    page.locator("select#designation").select_option(gift.fund)
    answer = submit_and_wait(page, page.get_by_role("button", name="Continue to payment"))
    assert answer.status == 200, "choosing the gift failed"
    expect(page.locator("h1")).to_have_text("Continue to payment")
    expect(page.locator("main")).to_contain_text(f"Your gift: {gift.shown}.")
    return page.locator("#checkout-link").get_attribute("href") or ""


def they_pay_on_the_hosted_page(
    giver: Journey, double: CheckoutDouble, gift: Gift, database: ServerDatabase
) -> str:
    """From /give to the payment page, pay, and back to our thank-you page. Returns the
    Checkout Session's id."""
    giver.may_visit(double.base)
    checkout_url = they_choose_a_gift(giver, gift)
    assert checkout_url.startswith(double.base + "/pay/cs_test_"), "not sent to Checkout"
    assert only_our_origin_so_far(giver), "our pages loaded something from another origin"
    session_id = checkout_url.rsplit("/", 1)[1]
    session = double.sessions[session_id]
    assert set(session["metadata"]) == METADATA_KEYS, "Stripe was told more than it may be"
    assert session["metadata"]["designation"] == gift.fund
    assert session["amount_total"] == gift.minor_units
    assert gift_status(database, session_id) == "started"

    page = giver.page
    with page.expect_navigation():
        page.locator("#checkout-link").click()
    expect(page).to_have_url(checkout_url)
    expect(page.locator("#amount")).to_have_text(f"{gift.minor_units} usd")
    assert double.page_referers[-1] == "", "the payment page was told where the person came from"
    with page.expect_navigation(url=giver.server.url("/give/thanks")):
        page.locator("#pay").click()
    expect(page.locator("h1")).to_have_text("Thank you")
    return session_id


def open_the_ledger(coordinator: Journey) -> Page:
    page = coordinator.page
    coordinator.visit("/staff")
    page.get_by_role("link", name="Ledger: money in and out, and disbursements").click()
    expect(page.locator("h1")).to_have_text("Ledger")
    return page


def balance_of(page: Page, fund: str) -> Decimal:
    """A fund's balance in the ledger (a fund nothing has moved through has no row)."""
    cell = page.locator(f"#balance-{fund} td.balance")
    return on_the_page(cell.inner_text()) if cell.count() else Decimal(0)


def payments_listed(page: Page) -> list[list[str]]:
    """The "Payments received" rows: paid on, from, fund, how often, amount."""
    rows = page.locator("table#payments tbody tr").all()
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in rows]


def disbursements_listed(page: Page) -> dict[str, list[str]]:
    """The "Disbursements" rows by id: paid on, fund, how, amount, notes."""
    listed: dict[str, list[str]] = {}
    for row in page.locator("table#disbursements tbody tr[id]").all():
        cells = [cell.strip() for cell in row.locator("td").all_inner_texts()]
        listed[(row.get_attribute("id") or "").removeprefix("disbursement-")] = cells
    return listed


def record_a_disbursement(
    page: Page, *, amount: str, fund: str, method: str, override: bool = False
) -> int:
    """Fill in "Record a disbursement" (paid today) and send it; returns the status."""
    page.locator("input#amount").fill(amount)
    page.locator("select#designation").select_option(fund)
    page.locator(f'input[name="method"][value="{method}"]').check()
    if override:
        page.locator("input#override").check()
    button = page.get_by_role("button", name="Record the disbursement")
    return submit_and_wait(page, button).status


def audited(database: ServerDatabase, disbursement_id: str) -> list[str]:
    rows = database.rows(
        "SELECT action FROM audit_event WHERE record_type = 'disbursement' AND record_id = ?",
        disbursement_id,
    )
    return [str(row[0]) for row in rows]


# --- The journeys ---------------------------------------------------------------------------


def test_a_gift_goes_through_the_payment_page_is_confirmed_and_shows_in_the_ledger(
    journey: Journey,
    another_person: Arrival,
    authenticator: Authenticator,
    server_database: ServerDatabase,
    checkout_double: CheckoutDouble,
) -> None:
    giver = journey
    coordinator = another_person("coordinator")
    gift = a_gift_of_a_few_dollars("food")
    month = this_month()
    counted_before = money_in_counted(server_database, gift.fund, month)
    the_coordinator_signs_in(coordinator, authenticator)
    balance_before = balance_of(open_the_ledger(coordinator), gift.fund)

    # A person gives to the food fund: our page, then the payment page, then ours again.
    session_id = they_pay_on_the_hosted_page(giver, checkout_double, gift, server_database)

    # The signed webhook arrived before they were sent back: the gift is paid, once.
    assert gift_status(server_database, session_id) == "paid"
    assert paid_for(server_database, session_id) == [gift.minor_units]

    # The coordinator sees it in the ledger: the payment, and the fund's balance.
    page = open_the_ledger(coordinator)
    listed = [cells[1:] for cells in payments_listed(page)]  # the day aside
    assert listed.count(["People", "Food", "Once", gift.shown]) == 1, "not in the ledger once"
    assert balance_of(page, gift.fund) == balance_before + Decimal(gift.amount)

    # And the reports' counter moved with the money.
    if this_month() != month:
        pytest.skip("the month turned during the journey; the counter moved in the next one")
    assert money_in_counted(server_database, gift.fund, month) == (
        counted_before + gift.minor_units
    )


def test_a_coordinator_pays_out_a_fund_and_goes_past_its_balance_only_with_the_override(
    journey: Journey,
    another_person: Arrival,
    authenticator: Authenticator,
    server_database: ServerDatabase,
    checkout_double: CheckoutDouble,
) -> None:
    giver = journey
    coordinator = another_person("coordinator")

    # Money comes in for the transport fund.
    gift = a_gift_of_a_few_dollars("transport")
    they_pay_on_the_hosted_page(giver, checkout_double, gift, server_database)

    # A coordinator pays out everything the fund holds: no override needed.
    the_coordinator_signs_in(coordinator, authenticator)
    page = open_the_ledger(coordinator)
    balance = balance_of(page, "transport")
    assert balance >= Decimal(gift.amount) - 5, "the fund does not hold the gift"
    before = disbursements_listed(page)
    status = record_a_disbursement(page, amount=f"{balance:.2f}", fund="transport", method="cash")
    assert status == 200, "recording the disbursement failed"
    expect(page).to_have_url(coordinator.server.url("/staff/ledger?done=recorded"))
    expect(page.locator("#notice")).to_have_text(RECORDED)
    new = {k: v for k, v in disbursements_listed(page).items() if k not in before}
    assert [v[1:] for v in new.values()] == [["Transport", "Cash", dollars(balance), ""]]
    (first_id,) = new
    assert audited(server_database, first_id) == ["disbursement_recorded"]
    assert balance_of(page, "transport") == 0

    # Five more: told plainly what the fund holds, with what they typed kept; nothing recorded.
    before = disbursements_listed(page)
    status = record_a_disbursement(page, amount="5", fund="transport", method="gift_card")
    assert status == 422, "spending past the balance was not refused"
    expect(page.locator("#override-error")).to_have_text(
        OVERDRAWN.format(balance=dollars(Decimal(0)))
    )
    expect(page.locator("input#amount")).to_have_value("5")
    expect(page.locator("select#designation")).to_have_value("transport")
    expect(page.locator('input[name="method"][value="gift_card"]')).to_be_checked()
    expect(page.locator("input#override")).not_to_be_checked()
    assert disbursements_listed(page) == before, "a refused disbursement was recorded"

    # They tick the override and send it again: recorded, marked, and in the activity log.
    page.locator("input#override").check()
    answer = submit_and_wait(page, page.get_by_role("button", name="Record the disbursement"))
    assert answer.status == 200, "the override did not record the disbursement"
    expect(page).to_have_url(coordinator.server.url("/staff/ledger?done=overdrawn"))
    expect(page.locator("#notice")).to_have_text(RECORDED_PAST)
    new = {k: v for k, v in disbursements_listed(page).items() if k not in before}
    assert [v[1:] for v in new.values()] == [
        ["Transport", "Gift card", "$5.00", "past the balance"]
    ]
    (overdrawn_id,) = new
    assert audited(server_database, overdrawn_id) == ["disbursement_override"]
    assert balance_of(page, "transport") == -5
