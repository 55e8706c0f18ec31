"""The private ledger: money in and out, balances per fund, and disbursements.

For coordinators only. It reads the gift and disbursement records; public reports never do
(they read the counters, which move in the same transaction as each record).
"""

from __future__ import annotations

import csv
import io
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from mutualaid.domain.clock import now, this_hour
from mutualaid.domain.errors import UnknownChoice
from mutualaid.domain.money import (
    DisbursementMethod,
    Ledger,
    build_ledger,
    check_spending,
    csv_cell,
    minor_per_major,
)
from mutualaid.services import audit
from mutualaid.services.counters import bump
from mutualaid.services.gifts import check_designation
from mutualaid.storage.models import Disbursement, Gift, GiftPayment, Need


@dataclass(frozen=True)
class DisbursementDraft:
    amount: int
    designation: str
    paid_on: date
    method: DisbursementMethod
    need_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PaymentRow:
    paid_at: date
    designation: str
    source_kind: str
    frequency: str
    organization: str
    amount: int
    refunded: int
    disputed: int


@dataclass(frozen=True)
class DisbursementRow:
    id: uuid.UUID
    paid_on: date
    designation: str
    method: str
    amount: int
    linked_to_need: bool
    overdrawn: bool


@dataclass(frozen=True)
class LedgerView:
    ledger: Ledger
    #: Money in by (source kind, designation): (amount, number of payments).
    money_in: dict[tuple[str, str], tuple[int, int]]
    #: Money out by designation (a category, or the general fund): (amount, number).
    money_out: dict[str, tuple[int, int]]
    payments: list[PaymentRow]
    disbursements: list[DisbursementRow]

    @property
    def refunds_and_disputes(self) -> list[PaymentRow]:
        return [p for p in self.payments if p.refunded or p.disputed]


async def _ledger(conn: BaseDBAsyncClient | None = None) -> Ledger:
    payments = (
        await GiftPayment.all()
        .using_db(conn)
        .values_list("gift__designation", "amount", "refunded", "disputed")
    )
    spending: dict[str, int] = defaultdict(int)
    for designation, amount in (
        await Disbursement.all().using_db(conn).values_list("designation", "amount")
    ):
        spending[str(designation)] += int(amount)
    rows = [(str(d), int(a), int(r), int(x)) for d, a, r, x in payments]
    return build_ledger(rows, spending)


async def balance(designation: str) -> int:
    return (await _ledger()).line(designation).balance


async def _spend_in_turn(conn: BaseDBAsyncClient, designation: str) -> None:
    """Spending from one fund happens one transaction at a time, so two coordinators can't
    both spend the last of it. On PostgreSQL a transaction-scoped advisory lock named after
    the fund: a fund has no row of its own to lock (the general fund has no category), and
    locking its disbursements would miss the first one. SQLite already writes one
    transaction at a time."""
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query(
            "SELECT pg_advisory_xact_lock(hashtext($1))", [f"mutualaid.fund:{designation}"]
        )


async def record_disbursement(
    draft: DisbursementDraft, *, currency: str, override: bool, by: uuid.UUID | None
) -> tuple[uuid.UUID, bool]:
    """Money out of one fund; past the fund's balance only with an audited override.

    Returns the disbursement's id and whether it overdrew the fund.
    """
    await check_designation(draft.designation, active_only=False)
    async with in_transaction() as conn:
        if (
            draft.need_id is not None
            and not await Need.filter(id=draft.need_id).using_db(conn).exists()
        ):
            raise UnknownChoice("need")
        await _spend_in_turn(conn, draft.designation)
        available = (await _ledger(conn)).line(draft.designation).balance
        overdrawn = check_spending(available, draft.amount, override=override)
        record = await Disbursement.create(
            amount=draft.amount,
            currency=currency,
            designation=draft.designation,
            paid_on=draft.paid_on,
            method=draft.method.value,
            need_id=draft.need_id,
            overdrawn=overdrawn,
            recorded_by_id=by,
            created_at=this_hour(),
            using_db=conn,
        )
        await bump(conn, ["money_out"], when=now(), category=draft.designation, by=draft.amount)
        await bump(conn, ["disbursements"], when=now(), category=draft.designation)
        await audit.record(
            conn,
            staff_id=by,
            action="disbursement_override" if overdrawn else "disbursement_recorded",
            record_type="disbursement",
            record_id=record.id,
        )
    return record.id, overdrawn


async def ledger_view() -> LedgerView:
    ledger = await _ledger()
    money_in: dict[tuple[str, str], tuple[int, int]] = {}
    payments: list[PaymentRow] = []
    for payment in (
        await GiftPayment.all().order_by("-paid_at").prefetch_related("gift__organization")
    ):
        gift: Gift = payment.gift
        key = (gift.source_kind, gift.designation)
        amount, count = money_in.get(key, (0, 0))
        money_in[key] = (amount + payment.amount, count + 1)
        organization = gift.organization.name if gift.organization is not None else ""
        payments.append(
            PaymentRow(
                paid_at=payment.paid_at.date(),
                designation=gift.designation,
                source_kind=gift.source_kind,
                frequency=gift.frequency,
                organization=organization,
                amount=payment.amount,
                refunded=payment.refunded,
                disputed=payment.disputed,
            )
        )
    money_out: dict[str, tuple[int, int]] = {}
    disbursements: list[DisbursementRow] = []
    for row in await Disbursement.all().order_by("-paid_on", "-created_at"):
        amount, count = money_out.get(row.designation, (0, 0))
        money_out[row.designation] = (amount + row.amount, count + 1)
        disbursements.append(
            DisbursementRow(
                id=row.id,
                paid_on=row.paid_on,
                designation=row.designation,
                method=row.method,
                amount=row.amount,
                linked_to_need=row.need_id is not None,
                overdrawn=row.overdrawn,
            )
        )
    return LedgerView(ledger, money_in, money_out, payments, disbursements)


def _major(amount: int, exponent: int) -> str:
    """Minor units as a plain decimal for a spreadsheet ("1234.50"), never a float."""
    if exponent == 0:
        return str(amount)
    whole, fraction = divmod(amount, minor_per_major(exponent))
    return f"{whole}.{fraction:0{exponent}d}"


CSV_HEADER = (
    "date",
    "direction",
    "fund",
    "source",
    "frequency_or_method",
    "amount",
    "refunded",
    "disputed",
    "currency",
    "overdrawn",
)


def ledger_csv(view: LedgerView, *, currency: str, exponent: int) -> str:
    """Every payment and disbursement for bookkeeping; cells a spreadsheet can't execute."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in view.payments:
        source = p.organization or p.source_kind
        writer.writerow(
            csv_cell(value)
            for value in (
                p.paid_at.isoformat(),
                "in",
                p.designation,
                source,
                p.frequency,
                _major(p.amount, exponent),
                _major(p.refunded, exponent),
                _major(p.disputed, exponent),
                currency,
                "",
            )
        )
    for d in view.disbursements:
        writer.writerow(
            csv_cell(value)
            for value in (
                d.paid_on.isoformat(),
                "out",
                d.designation,
                "",
                d.method,
                _major(d.amount, exponent),
                "",
                "",
                currency,
                "yes" if d.overdrawn else "",
            )
        )
    return out.getvalue()
