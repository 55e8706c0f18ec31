"""Everything we say to Stripe, through one checked door (requirement R21).

Stripe is a third party with its own legal process, so it learns only a random pledge id
and the fund a gift goes to: every call's parameters pass through `checked_params`, which
refuses any key or metadata outside a short allow-list, whatever code path built them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import stripe

from mutualaid.domain.money import DESIGNATION, Frequency

log = logging.getLogger("mutualaid.funds")

#: The only metadata Stripe ever gets.
METADATA_KEYS = frozenset({"pledge_id", "designation"})
#: Every parameter name our calls may use, at any depth. Nothing that could carry a person
#: (customer_email, description, client_reference_id, ...) is on it.
PARAM_KEYS = frozenset(
    {
        "mode",
        "success_url",
        "cancel_url",
        "line_items",
        "price_data",
        "currency",
        "unit_amount",
        "product_data",
        "name",
        "quantity",
        "recurring",
        "interval",
        "metadata",
        "payment_intent_data",
        "subscription_data",
        "submit_type",
    }
)
#: Product names are ours, fixed: never typed by anyone.
PRODUCT_NAMES = frozenset({"Gift", "Monthly gift"})
#: Stripe checks a webhook's timestamp against this window (seconds); at most 300 (R21).
WEBHOOK_TOLERANCE = 300
STRIPE_ID = re.compile(r"^[A-Za-z0-9_]{3,255}$")


class MetadataNotAllowed(ValueError):
    """A Stripe call may carry only allow-listed parameters and metadata (R21)."""


class StripeUnavailable(RuntimeError):
    """Stripe could not be reached or refused the call; nothing was charged."""


class BadSignature(ValueError):
    """A webhook that is not signed by Stripe with our secret, in time, is refused."""


def checked_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """The one gate every call's parameters pass: allow-listed keys, metadata and values."""

    def check(value: Any, key: str = "") -> None:
        if isinstance(value, Mapping):
            for name, inner in value.items():
                if name not in PARAM_KEYS:
                    raise MetadataNotAllowed(f"parameter {name!r} is not allowed")
                if name == "metadata":
                    _check_metadata(inner)
                else:
                    check(inner, name)
        elif isinstance(value, list | tuple):
            for item in value:
                check(item, key)
        elif key == "name" and value not in PRODUCT_NAMES:
            raise MetadataNotAllowed("product names are fixed")

    check(params)
    return dict(params)


def _check_metadata(metadata: Any) -> None:
    if not isinstance(metadata, Mapping) or not set(metadata) <= METADATA_KEYS:
        raise MetadataNotAllowed("metadata keys outside the allow-list")
    pledge_id = metadata.get("pledge_id")
    if pledge_id is not None:
        try:
            uuid.UUID(hex=str(pledge_id))
        except ValueError:
            raise MetadataNotAllowed("pledge_id must be a random id") from None
    designation = metadata.get("designation")
    if designation is not None and not DESIGNATION.match(str(designation)):
        raise MetadataNotAllowed("designation must be a fund's short name")


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str


@dataclass(frozen=True)
class CheckoutRequest:
    pledge_id: uuid.UUID
    frequency: Frequency
    amount: int
    currency: str
    designation: str
    success_url: str
    cancel_url: str


def checkout_params(request: CheckoutRequest) -> dict[str, Any]:
    """Stripe Checkout Session parameters for a gift: amount, fund and a random id only."""
    metadata = {"pledge_id": request.pledge_id.hex, "designation": request.designation}
    monthly = request.frequency is Frequency.MONTHLY
    price: dict[str, Any] = {
        "currency": request.currency,
        "unit_amount": request.amount,
        "product_data": {"name": "Monthly gift" if monthly else "Gift"},
    }
    params: dict[str, Any] = {
        "mode": "subscription" if monthly else "payment",
        "success_url": request.success_url,
        "cancel_url": request.cancel_url,
        "line_items": [{"price_data": price, "quantity": 1}],
        "metadata": metadata,
    }
    if monthly:
        price["recurring"] = {"interval": "month"}
        # So every invoice of the subscription says which gift it belongs to.
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["submit_type"] = "donate"
        params["payment_intent_data"] = {"metadata": metadata}
    return params


class StripeGateway:
    """The official Stripe library, behind the allow-list; calls run off the event loop."""

    def __init__(self, secret_key: str, webhook_secret: str, *, api_base: str = "") -> None:
        options: dict[str, Any] = {"max_network_retries": 2}
        if api_base:
            options["base_addresses"] = {"api": api_base}
        self._client = stripe.StripeClient(secret_key, **options)
        self._webhook_secret = webhook_secret

    async def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        params = checked_params(checkout_params(request))
        try:
            session = await asyncio.to_thread(
                self._client.v1.checkout.sessions.create,
                params=params,  # type: ignore[arg-type]  # checked above, typed loosely
            )
        except stripe.StripeError as error:
            # The error's class only: its message could quote the request.
            log.warning("stripe checkout failed: %s", type(error).__name__)
            raise StripeUnavailable from None
        if not session.url or not STRIPE_ID.match(session.id):
            raise StripeUnavailable
        return CheckoutSession(id=session.id, url=session.url)

    async def subscription_metadata(self, subscription_id: str) -> dict[str, str]:
        """A subscription's metadata, for an invoice that arrived without it."""
        if not STRIPE_ID.match(subscription_id):
            return {}
        try:
            found = await asyncio.to_thread(self._client.v1.subscriptions.retrieve, subscription_id)
        except stripe.StripeError as error:
            log.warning("stripe subscription lookup failed: %s", type(error).__name__)
            raise StripeUnavailable from None
        metadata: Any = found.metadata or {}
        return {key: str(metadata[key]) for key in sorted(METADATA_KEYS) if key in metadata}

    def verify_event(self, payload: bytes, signature: str) -> dict[str, Any]:
        """A verified event as plain data, or BadSignature (also for malformed JSON)."""
        try:
            stripe.Webhook.construct_event(
                payload, signature, self._webhook_secret, tolerance=WEBHOOK_TOLERANCE
            )
            event = json.loads(payload)
        except (ValueError, stripe.SignatureVerificationError):
            raise BadSignature from None
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            raise BadSignature
        return event
