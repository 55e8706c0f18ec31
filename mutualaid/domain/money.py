"""Money: amounts in integer minor units, gift and disbursement choices, and ledger arithmetic.

Pure rules, no I/O. One currency per deployment; amounts never become floats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from mutualaid.domain.errors import DomainError

#: The fund every gift goes to unless a category fund is chosen.
GENERAL = "general"
#: The smallest and largest single gift, in major units (1.00 to 10,000.00 in most currencies).
MIN_GIFT_MAJOR = 1
MAX_GIFT_MAJOR = 10_000
#: A disbursement is one payment for one need or purchase; larger ones are surely a typo.
MAX_DISBURSEMENT_MAJOR = 100_000
#: The amounts offered as buttons, in major units.
PRESETS_MAJOR = (10, 25, 50, 100)

AMOUNT_TEXT = re.compile(r"^([0-9]{1,9})(?:[.,]([0-9]{1,3}))?$")  # ASCII digits only
DESIGNATION = re.compile(r"^[a-z0-9-]{1,60}$")


class Frequency(StrEnum):
    ONCE = "once"
    MONTHLY = "monthly"


class SourceKind(StrEnum):
    """Who gave, as the counters know it: never who exactly (for individuals)."""

    INDIVIDUAL = "individual"
    ORGANIZATION = "organization"


class GiftStatus(StrEnum):
    #: We sent the giver to Stripe; nothing is paid yet.
    STARTED = "started"
    #: Checkout finished with a payment method that settles later (a bank debit).
    PROCESSING = "processing"
    #: A one-time gift arrived, or a monthly gift's first invoice was paid.
    PAID = "paid"
    FAILED = "failed"


class DisbursementMethod(StrEnum):
    CASH = "cash"
    GIFT_CARD = "gift_card"
    BILL_PAID = "bill_paid"
    OTHER = "other"


class InvalidAmount(DomainError, ValueError):
    """An amount is a whole number of minor units within the limits, written plainly."""


class Overdrawn(DomainError):
    """Spending past a fund's balance needs an explicit, audited override."""

    def __init__(self, balance: int) -> None:
        super().__init__(balance)
        self.balance = balance


def minor_per_major(exponent: int) -> int:
    return int(10**exponent)


def parse_amount(text: str, *, exponent: int, low_major: int, high_major: int) -> int:
    """Typed money ("25", "25.50", "25,5") to minor units; anything else is refused.

    `exponent` is the currency's number of decimals (2 for USD, 0 for JPY).
    """
    match = AMOUNT_TEXT.match(text.strip().replace("\u00a0", "").replace(" ", ""))
    if not match:
        raise InvalidAmount(text)
    whole, fraction = match.group(1), match.group(2) or ""
    if len(fraction) > exponent:
        raise InvalidAmount(text)
    minor = int(whole) * minor_per_major(exponent) + int(fraction.ljust(exponent, "0") or "0")
    if not low_major * minor_per_major(exponent) <= minor <= high_major * minor_per_major(exponent):
        raise InvalidAmount(text)
    return minor


def gift_amount(text: str, *, exponent: int) -> int:
    return parse_amount(
        text, exponent=exponent, low_major=MIN_GIFT_MAJOR, high_major=MAX_GIFT_MAJOR
    )


def disbursement_amount(text: str, *, exponent: int) -> int:
    """Disbursements may be as small as one minor unit (a few cents of a bill)."""
    amount = parse_amount(text, exponent=exponent, low_major=0, high_major=MAX_DISBURSEMENT_MAJOR)
    if amount <= 0:
        raise InvalidAmount(text)
    return amount


def presets(exponent: int) -> tuple[int, ...]:
    return tuple(major * minor_per_major(exponent) for major in PRESETS_MAJOR)


def credited_name(name: str) -> str:
    """The counter key for an organization credited by name (the contract: 60 characters)."""
    return name.strip()[:60]


@dataclass
class FundLine:
    """One designation's money, in minor units."""

    designation: str
    received: int = 0
    refunded: int = 0
    disputed: int = 0
    spent: int = 0

    @property
    def balance(self) -> int:
        return self.received - self.refunded - self.disputed - self.spent


@dataclass
class Ledger:
    """Every fund's line, built from payments and disbursements."""

    lines: dict[str, FundLine] = field(default_factory=dict)

    def line(self, designation: str) -> FundLine:
        return self.lines.setdefault(designation, FundLine(designation))

    def total(self) -> FundLine:
        total = FundLine("total")
        for line in self.lines.values():
            total.received += line.received
            total.refunded += line.refunded
            total.disputed += line.disputed
            total.spent += line.spent
        return total


def build_ledger(
    payments: Iterable[tuple[str, int, int, int]], spending: Mapping[str, int]
) -> Ledger:
    """Payments as (designation, amount, refunded, disputed); spending by designation."""
    ledger = Ledger()
    for designation, amount, refunded, disputed in payments:
        line = ledger.line(designation)
        line.received += amount
        line.refunded += refunded
        line.disputed += disputed
    for designation, spent in spending.items():
        ledger.line(designation).spent += spent
    return ledger


def check_spending(balance: int, amount: int, *, override: bool) -> bool:
    """Whether this spending overdraws the fund; refused unless overridden."""
    overdraws = amount > balance
    if overdraws and not override:
        raise Overdrawn(balance)
    return overdraws


def new_refund(already_refunded: int, amount_refunded_now: int, paid: int) -> int:
    """Stripe reports the charge's cumulative refunded amount: add only what is new.

    Order-proof: a late, smaller total (an older event) adds nothing.
    """
    return max(0, min(amount_refunded_now, paid) - already_refunded)


# --- How long money records that aren't bookkeeping are kept (privacy promise 5) ---------
# Payments and disbursements are the books and stay; these go once nothing can need them.

#: Stripe retries an undelivered event for up to 3 days, and an event can be sent again by
#: hand only while Stripe still lists it: 30 days. Past that no event can come twice, so the
#: record that it was applied has no more use.
STRIPE_EVENT_DAYS = 30
#: A gift never paid ("started": left at the payment page; or "failed"). A Checkout Session
#: can be paid until it expires, 24 hours after it opens (Stripe's default and longest), and
#: the news of that payment can take Stripe's 3 days of retries to reach us: after 5 days
#: nothing can pay it. (2 would be too soon: a payment made near the session's end and
#: delivered on a late retry would find its gift gone and be missing from the books.)
ABANDONED_GIFT_DAYS = 5
#: A gift still waiting: on a bank debit ("processing"), or a monthly gift whose first
#: invoice was never paid. Bank debits settle within about two weeks and their news can come
#: up to 30 days after (Stripe's resend window); 60 days on, nothing more will come.
UNSETTLED_GIFT_DAYS = 60


#: Spreadsheet formulas start with these; a CSV cell starting so is prefixed with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs (CSV injection)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
