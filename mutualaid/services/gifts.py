"""Gifts: starting one on /give, and applying Stripe's events about it exactly once.

Each event is applied inside one transaction that also records its id, so a redelivery
(even a concurrent one) has no second effect, and the counters move with the money
(privacy promise 6).

Out-of-order delivery: Stripe does not promise order, so every handler works from what the
event itself says. A monthly invoice finds its gift from the subscription's metadata, even
before the Checkout Session's completion arrives. A refund or dispute about a payment we
have not recorded yet answers "retry later" (409) and is not recorded, so Stripe delivers it
again (it retries for up to three days) once the payment is known. Refunds carry Stripe's
cumulative total, so an older refund event arriving late adds nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from mutualaid.domain.clock import now, this_hour
from mutualaid.domain.errors import UnknownChoice
from mutualaid.domain.money import (
    ABANDONED_GIFT_DAYS,
    GENERAL,
    STRIPE_EVENT_DAYS,
    UNSETTLED_GIFT_DAYS,
    Frequency,
    GiftStatus,
    SourceKind,
    credited_name,
    new_refund,
)
from mutualaid.services.counters import bump
from mutualaid.services.stripe_gateway import (
    CheckoutRequest,
    CheckoutSession,
    StripeGateway,
    StripeUnavailable,
)
from mutualaid.storage.db import checkpoint
from mutualaid.storage.models import Category, Gift, GiftPayment, Organization, StripeEvent


class Outcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    RETRY_LATER = "retry_later"


class RetryLater(Exception):
    """The event is about a payment we have not recorded yet; Stripe will deliver it again."""


@dataclass(frozen=True)
class GiftDraft:
    frequency: Frequency
    amount: int
    designation: str
    organization_id: uuid.UUID | None = None
    credited: bool = False


async def designations() -> list[str]:
    """The funds a gift can go to: the general fund and every active category."""
    slugs = (
        await Category.filter(active=True)
        .order_by("position", "slug")
        .values_list("slug", flat=True)
    )
    return [GENERAL, *(str(slug) for slug in slugs)]


async def check_designation(designation: str, *, active_only: bool = True) -> None:
    if designation == GENERAL:
        return
    query = Category.filter(slug=designation)
    if active_only:
        query = query.filter(active=True)
    if not await query.exists():
        raise UnknownChoice("designation")


async def start_gift(
    gateway: StripeGateway,
    draft: GiftDraft,
    *,
    currency: str,
    success_url: str,
    cancel_url: str,
) -> CheckoutSession:
    """Record the gift as started and open a Stripe Checkout Session for it."""
    await check_designation(draft.designation)
    source = SourceKind.ORGANIZATION if draft.organization_id else SourceKind.INDIVIDUAL
    gift = await Gift.create(
        frequency=draft.frequency.value,
        amount=draft.amount,
        currency=currency,
        designation=draft.designation,
        source_kind=source.value,
        organization_id=draft.organization_id,
        credited=bool(draft.organization_id and draft.credited),
        created_at=this_hour(),
    )
    request = CheckoutRequest(
        pledge_id=gift.id,
        frequency=draft.frequency,
        amount=draft.amount,
        currency=currency,
        designation=draft.designation,
        success_url=success_url,
        cancel_url=cancel_url,
    )
    try:
        session = await gateway.create_checkout(request)
    except StripeUnavailable:
        await Gift.filter(id=gift.id).update(status=GiftStatus.FAILED.value)
        raise
    await Gift.filter(id=gift.id).update(checkout_session_id=session.id)
    return session


# --- Events --------------------------------------------------------------------------------

CHECKOUT_PAID = ("checkout.session.completed", "checkout.session.async_payment_succeeded")
INVOICE_PAID = ("invoice.paid", "invoice.payment_succeeded")
HANDLED = (
    *CHECKOUT_PAID,
    "checkout.session.async_payment_failed",
    *INVOICE_PAID,
    "charge.refunded",
    "charge.dispute.created",
)


def _str(value: Any) -> str | None:
    if isinstance(value, dict):  # an expanded object
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _pledge_id(metadata: Any) -> uuid.UUID | None:
    if not isinstance(metadata, dict):
        return None
    try:
        return uuid.UUID(hex=str(metadata.get("pledge_id", "")))
    except ValueError:
        return None


def _event_time(event: dict[str, Any]) -> datetime:
    created = event.get("created")
    if isinstance(created, int) and created > 0:
        return datetime.fromtimestamp(created, UTC)
    return now()


async def apply_event(event: dict[str, Any], *, gateway: StripeGateway) -> Outcome:
    """Apply one verified Stripe event at most once."""
    kind = str(event.get("type", ""))
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if kind not in HANDLED or not isinstance(obj, dict):
        return Outcome.IGNORED
    try:
        # Anything that needs Stripe again is looked up before the transaction opens.
        invoice_pledge = await _invoice_pledge(obj, gateway) if kind in INVOICE_PAID else None
        async with in_transaction() as conn:
            await StripeEvent.create(
                id=str(event["id"])[:255], type=kind[:80], received_at=now(), using_db=conn
            )
            applied = await _apply(conn, kind, obj, _event_time(event), invoice_pledge)
            if not applied:
                raise _NothingToDo
    except IntegrityError:
        if await StripeEvent.exists(id=str(event["id"])[:255]):
            return Outcome.DUPLICATE
        raise
    except _NothingToDo:
        return Outcome.IGNORED
    except RetryLater:
        return Outcome.RETRY_LATER
    return Outcome.APPLIED


class _NothingToDo(Exception):
    """Rolls back the event's record: it wasn't about one of our gifts."""


async def _apply(
    conn: BaseDBAsyncClient,
    kind: str,
    obj: dict[str, Any],
    when: datetime,
    invoice_pledge: uuid.UUID | None,
) -> bool:
    if kind in CHECKOUT_PAID:
        return await _checkout_completed(conn, obj, when)
    if kind == "checkout.session.async_payment_failed":
        return await _checkout_failed(conn, obj)
    if kind in INVOICE_PAID:
        return await _invoice_paid(conn, obj, when, invoice_pledge)
    if kind == "charge.refunded":
        return await _charge_refunded(conn, obj, when)
    return await _dispute_created(conn, obj, when)


async def _gift_for_session(conn: BaseDBAsyncClient, session: dict[str, Any]) -> Gift | None:
    pledge_id = _pledge_id(session.get("metadata"))
    query = Gift.filter(id=pledge_id) if pledge_id else None
    if query is None:
        session_id = _str(session.get("id"))
        if session_id is None:
            return None
        query = Gift.filter(checkout_session_id=session_id)
    return await query.select_for_update().using_db(conn).first()


async def _checkout_completed(
    conn: BaseDBAsyncClient, session: dict[str, Any], when: datetime
) -> bool:
    gift = await _gift_for_session(conn, session)
    if gift is None:
        return False
    if session.get("mode") == "subscription":
        # Monthly money arrives with each paid invoice; this only links the subscription.
        subscription_id = _str(session.get("subscription"))
        if subscription_id and gift.subscription_id is None:
            gift.subscription_id = subscription_id
            await gift.save(using_db=conn, update_fields=["subscription_id"])
        return True
    if session.get("payment_status") != "paid":
        if gift.status == GiftStatus.STARTED.value:
            gift.status = GiftStatus.PROCESSING.value
            await gift.save(using_db=conn, update_fields=["status"])
        return True
    amount = _int(session.get("amount_total"))
    session_id = _str(session.get("id"))
    if not amount or session_id is None:
        return False
    return await _record_payment(
        conn,
        gift,
        stripe_ref=session_id,
        amount=amount,
        payment_intent_id=_str(session.get("payment_intent")),
        charge_id=None,
        when=when,
    )


async def _checkout_failed(conn: BaseDBAsyncClient, session: dict[str, Any]) -> bool:
    gift = await _gift_for_session(conn, session)
    if gift is None:
        return False
    if gift.status in (GiftStatus.STARTED.value, GiftStatus.PROCESSING.value):
        gift.status = GiftStatus.FAILED.value
        await gift.save(using_db=conn, update_fields=["status"])
    return True


def _invoice_subscription(invoice: dict[str, Any]) -> tuple[str | None, Any]:
    """The subscription id and metadata, wherever this API version puts them."""
    parent = invoice.get("parent")
    details = parent.get("subscription_details") if isinstance(parent, dict) else None
    if not isinstance(details, dict):
        details = invoice.get("subscription_details")
    details = details if isinstance(details, dict) else {}
    subscription = _str(details.get("subscription")) or _str(invoice.get("subscription"))
    return subscription, details.get("metadata")


async def _invoice_pledge(invoice: dict[str, Any], gateway: StripeGateway) -> uuid.UUID | None:
    subscription_id, metadata = _invoice_subscription(invoice)
    pledge_id = _pledge_id(metadata)
    if pledge_id or subscription_id is None:
        return pledge_id
    if await Gift.exists(subscription_id=subscription_id):
        return None
    try:
        return _pledge_id(await gateway.subscription_metadata(subscription_id))
    except StripeUnavailable:
        raise RetryLater from None


async def _invoice_paid(
    conn: BaseDBAsyncClient,
    invoice: dict[str, Any],
    when: datetime,
    pledge_id: uuid.UUID | None,
) -> bool:
    amount = _int(invoice.get("amount_paid"))
    invoice_id = _str(invoice.get("id"))
    subscription_id, _ = _invoice_subscription(invoice)
    if not amount or invoice_id is None:
        return False
    gift = None
    if pledge_id is not None:
        gift = await Gift.filter(id=pledge_id).select_for_update().using_db(conn).first()
    if gift is None and subscription_id is not None:
        gift = (
            await Gift.filter(subscription_id=subscription_id)
            .select_for_update()
            .using_db(conn)
            .first()
        )
    if gift is None or gift.frequency != Frequency.MONTHLY.value:
        return False
    if subscription_id and gift.subscription_id is None:
        gift.subscription_id = subscription_id
        await gift.save(using_db=conn, update_fields=["subscription_id"])
    return await _record_payment(
        conn,
        gift,
        stripe_ref=invoice_id,
        amount=amount,
        payment_intent_id=_str(invoice.get("payment_intent")),
        charge_id=_str(invoice.get("charge")),
        when=when,
    )


async def _record_payment(
    conn: BaseDBAsyncClient,
    gift: Gift,
    *,
    stripe_ref: str,
    amount: int,
    payment_intent_id: str | None,
    charge_id: str | None,
    when: datetime,
) -> bool:
    """Money in: one payment row and its counters, unless this payment is already known."""
    if await GiftPayment.filter(stripe_ref=stripe_ref).using_db(conn).exists():
        return True  # the same payment told by another event (invoice.paid and ..._succeeded)
    await GiftPayment.create(
        gift_id=gift.id,
        stripe_ref=stripe_ref,
        payment_intent_id=payment_intent_id,
        charge_id=charge_id,
        amount=amount,
        paid_at=this_hour(),
        using_db=conn,
    )
    if gift.status != GiftStatus.PAID.value:
        gift.status = GiftStatus.PAID.value
        await gift.save(using_db=conn, update_fields=["status"])
    category, source = gift.designation, gift.source_kind
    await bump(conn, ["money_in"], when=when, category=category, source_kind=source, by=amount)
    await bump(conn, ["gifts"], when=when, category=category, source_kind=source)
    if gift.credited and gift.organization_id is not None:
        organization = await Organization.filter(id=gift.organization_id).using_db(conn).first()
        if organization is not None:
            await bump(
                conn,
                ["credited_organization"],
                when=when,
                category=credited_name(organization.name),
                source_kind=SourceKind.ORGANIZATION.value,
            )
    return True


async def _payment_for_charge(
    conn: BaseDBAsyncClient, *, payment_intent_id: str | None, charge_id: str | None
) -> GiftPayment:
    payment = None
    if payment_intent_id:
        payment = (
            await GiftPayment.filter(payment_intent_id=payment_intent_id)
            .select_for_update()
            .using_db(conn)
            .first()
        )
    if payment is None and charge_id:
        payment = (
            await GiftPayment.filter(charge_id=charge_id).select_for_update().using_db(conn).first()
        )
    if payment is None:
        raise RetryLater
    return payment


async def _charge_refunded(conn: BaseDBAsyncClient, charge: dict[str, Any], when: datetime) -> bool:
    charge_id = _str(charge.get("id"))
    payment = await _payment_for_charge(
        conn, payment_intent_id=_str(charge.get("payment_intent")), charge_id=charge_id
    )
    added = new_refund(payment.refunded, _int(charge.get("amount_refunded")), payment.amount)
    if charge_id and payment.charge_id is None:
        payment.charge_id = charge_id
    payment.refunded += added
    await payment.save(using_db=conn, update_fields=["refunded", "charge_id"])
    if added:
        await _bump_for(conn, payment, ("money_refunded", "refunds"), when=when, amount=added)
    return True


async def _dispute_created(
    conn: BaseDBAsyncClient, dispute: dict[str, Any], when: datetime
) -> bool:
    payment = await _payment_for_charge(
        conn,
        payment_intent_id=_str(dispute.get("payment_intent")),
        charge_id=_str(dispute.get("charge")),
    )
    amount = min(_int(dispute.get("amount")), max(0, payment.amount - payment.disputed))
    payment.disputed += amount
    await payment.save(using_db=conn, update_fields=["disputed"])
    await _bump_for(conn, payment, ("money_disputed", "disputes"), when=when, amount=amount)
    return True


async def _bump_for(
    conn: BaseDBAsyncClient,
    payment: GiftPayment,
    metrics: tuple[str, str],
    *,
    when: datetime,
    amount: int,
) -> None:
    """Money going back: the amount metric by `amount` and the count metric by one."""
    gift = await Gift.filter(id=payment.gift_id).using_db(conn).get()
    money, count = metrics
    category, source = gift.designation, gift.source_kind
    await bump(conn, [money], when=when, category=category, source_kind=source, by=amount)
    await bump(conn, [count], when=when, category=category, source_kind=source)


async def organization_credit(organization_id: uuid.UUID) -> tuple[str, str, bool] | None:
    """An approved organization's name and its usual credit choice, or None."""
    organization = await Organization.get_or_none(id=organization_id, status="approved")
    if organization is None:
        return None
    return organization.name, organization.credit, organization.credit == "name"


# --- Retention -----------------------------------------------------------------------------

PURGE_BATCH = 500


@dataclass(frozen=True)
class MoneyPurgeReceipt:
    """Counts only: a receipt never says what was deleted."""

    stripe_events: int
    abandoned_gifts: int
    unsettled_gifts: int


async def purge_money_records(*, now: datetime, batch: int = PURGE_BATCH) -> MoneyPurgeReceipt:
    """Delete the money records that have outlived their use (privacy promise 5).

    Stripe's event ids once no event can be delivered again, and gifts that never brought
    money in once nothing can pay them (the horizons and their reasons: domain/money.py).
    Payments, refunds, disputes and disbursements are the funds' books and are never
    deleted here; a gift with a payment is part of them. Counters are untouched: a gift is
    counted when money arrives, and these never had any.
    """
    events = await _purge_stripe_events(now - timedelta(days=STRIPE_EVENT_DAYS), batch)
    never_paid = Q(status=GiftStatus.STARTED.value, subscription_id__isnull=True) | Q(
        status=GiftStatus.FAILED.value
    )
    abandoned = await _purge_unpaid_gifts(
        never_paid, before=now - timedelta(days=ABANDONED_GIFT_DAYS), batch=batch
    )
    waiting = Q(status=GiftStatus.PROCESSING.value) | Q(
        status=GiftStatus.STARTED.value, subscription_id__isnull=False
    )
    unsettled = await _purge_unpaid_gifts(
        waiting, before=now - timedelta(days=UNSETTLED_GIFT_DAYS), batch=batch
    )
    await checkpoint()
    return MoneyPurgeReceipt(
        stripe_events=events, abandoned_gifts=abandoned, unsettled_gifts=unsettled
    )


async def _purge_stripe_events(before: datetime, batch: int) -> int:
    deleted = 0
    while ids := (
        await StripeEvent.filter(received_at__lt=before).limit(batch).values_list("id", flat=True)
    ):
        deleted += await StripeEvent.filter(id__in=ids).delete()
    return deleted


async def _purge_unpaid_gifts(which: Q, *, before: datetime, batch: int) -> int:
    deleted = 0
    while True:
        async with in_transaction() as conn:
            # Locked, and chosen again under the lock: a payment arriving meanwhile makes its
            # gift "paid" (PostgreSQL re-checks the status of a row it waited for), and a gift
            # with a payment row is never chosen, whatever its status says. Model rows, not
            # values_list: Tortoise leaves FOR UPDATE out of a values_list query.
            chosen = (
                await Gift.filter(which, created_at__lt=before)
                .exclude(id__in=Subquery(GiftPayment.all().values("gift_id")))
                .limit(batch)
                .select_for_update()
                .only("id")
                .using_db(conn)
            )
            if not chosen:
                return deleted
            ids = [gift.id for gift in chosen]
            deleted += await Gift.filter(id__in=ids).using_db(conn).delete()
