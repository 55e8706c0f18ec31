"""Giving money: /give for anyone, fund pledges for organizations, and Stripe's webhook.

Payment happens on Stripe's hosted Checkout page: our pages load nothing of Stripe's. The
form's answer is a page with a plain link to Stripe, not a redirect: our policy allows
forms to submit only to this site (CSP form-action 'self'), and browsers apply that to a
form's redirect too; the page also says plainly what Stripe will see.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.errors import UnknownChoice
from mutualaid.domain.money import (
    GENERAL,
    MAX_GIFT_MAJOR,
    MIN_GIFT_MAJOR,
    InvalidAmount,
    minor_per_major,
    presets,
)
from mutualaid.i18n import _l
from mutualaid.services.catalog import category_choices
from mutualaid.services.gifts import (
    GiftDraft,
    Outcome,
    apply_event,
    organization_credit,
    start_gift,
)
from mutualaid.services.stripe_gateway import BadSignature, StripeGateway, StripeUnavailable
from mutualaid.settings import Settings
from mutualaid.web.auth import audience, signed_in
from mutualaid.web.forms import validate
from mutualaid.web.funds_forms import FUNDS_FIELD_MESSAGES, GiftForm, form_values
from mutualaid.web.money import exponent, money_text
from mutualaid.web.once import SeenForms, new_form_id
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url

log = logging.getLogger("mutualaid.funds")

#: Stripe's events are small, but a Checkout Session or invoice can outgrow the 64 KiB the
#: rest of the site accepts; this route reads its own body (it is exempt from the CSRF
#: layer, which is where the site-wide limit lives) and stops here.
WEBHOOK_MAX_BYTES = 512 * 1024
WEBHOOK_PATH = "/stripe/webhook"
STRIPE_DOWN = _l(
    "We couldn't reach our payment provider just now, so nothing was charged. "
    "Please try again in a few minutes."
)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _gateway(request: Request) -> StripeGateway | None:
    gateway: StripeGateway | None = request.app.state.stripe_gateway
    return gateway


async def designation_choices() -> list[tuple[str, str]]:
    """(value, label) for every fund: the general fund first, then each active category."""
    categories = [(c.value, c.label) for c in await category_choices()]
    return [(GENERAL, str(_l("General fund: wherever it's needed most"))), *categories]


def _money(request: Request) -> Any:
    currency = _settings(request).currency
    return lambda amount: money_text(amount, currency)


async def _give_page(
    request: Request,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    organization: str | None = None,
    form_id: str | None = None,
    problem: str = "",
) -> Response:
    settings = _settings(request)
    context = {
        "online": settings.online_giving and _gateway(request) is not None,
        "other_ways": settings.other_ways_to_give,
        "presets": presets(exponent(settings.currency)),
        "lowest": MIN_GIFT_MAJOR * minor_per_major(exponent(settings.currency)),
        "highest": MAX_GIFT_MAJOR * minor_per_major(exponent(settings.currency)),
        "money": _money(request),
        "designations": await designation_choices(),
        "values": values,
        "errors": errors,
        "organization": organization,
        "form_id": form_id or new_form_id(),
        "problem": problem,
        "action": url(request, "portal_give_submit" if organization else "give_submit"),
    }
    status = 422 if errors else (503 if problem else 200)
    return render(request, "give/give.html", context, status_code=status)


def _blank(credit: str = "anonymous") -> dict[str, Any]:
    return {
        "frequency": "once",
        "amount": "",
        "other_amount": "",
        "designation": GENERAL,
        "credit": credit,
    }


@audience(Audience.PUBLIC)
async def give(request: Request) -> Response:
    return await _give_page(request, values=_blank(), errors={})


async def _submit(request: Request, *, organization: tuple[Any, str] | None) -> Response:
    """Shared by /give and the organizations' portal: validate, start the gift, hand over."""
    settings = _settings(request)
    gateway = _gateway(request)
    submitted = await request.form()
    values = form_values(submitted, GiftForm)
    form_id = str(submitted.get("form_id", ""))
    name = organization[1] if organization else None
    if gateway is None or not settings.online_giving:
        return await _give_page(request, values=values, errors={}, organization=name)
    digits = exponent(settings.currency)
    form, errors = validate(GiftForm, values, FUNDS_FIELD_MESSAGES, context={"exponent": digits})
    amount = 0
    if form is not None:
        try:
            amount = form.minor_units(exponent=digits, presets=presets(digits))
        except InvalidAmount:
            errors["amount"] = str(FUNDS_FIELD_MESSAGES["amount"])
    if form is None or errors:
        return await _give_page(
            request, values=values, errors=errors, organization=name, form_id=form_id
        )
    seen: SeenForms = request.app.state.seen_forms
    if not await seen.first_time(form_id):
        target = "portal_give" if organization else "give"
        return RedirectResponse(url(request, target), status_code=303)
    draft = GiftDraft(
        frequency=form.frequency,
        amount=amount,
        designation=form.designation,
        organization_id=organization[0] if organization else None,
        credited=form.credit == "name",
    )
    base = settings.public_url.rstrip("/")
    try:
        session = await start_gift(
            gateway,
            draft,
            currency=settings.currency,
            success_url=base + url(request, "give_thanks"),
            cancel_url=base + url(request, "give_cancelled"),
        )
    except UnknownChoice:
        await seen.forget(form_id)
        errors = {"designation": str(FUNDS_FIELD_MESSAGES["designation"])}
        return await _give_page(
            request, values=values, errors=errors, organization=name, form_id=form_id
        )
    except StripeUnavailable:
        await seen.forget(form_id)
        return await _give_page(
            request,
            values=values,
            errors={},
            organization=name,
            form_id=form_id,
            problem=str(STRIPE_DOWN),
        )
    context = {
        "checkout_url": session.url,
        "amount": money_text(amount, settings.currency),
        "monthly": form.frequency.value == "monthly",
    }
    return render(request, "give/continue.html", context)


@audience(Audience.PUBLIC)
async def give_submit(request: Request) -> Response:
    return await _submit(request, organization=None)


@audience(Audience.PUBLIC)
async def give_thanks(request: Request) -> Response:
    return render(request, "give/thanks.html")


@audience(Audience.PUBLIC)
async def give_cancelled(request: Request) -> Response:
    return render(request, "give/cancelled.html")


async def _organization(request: Request) -> tuple[Any, str, str]:
    organization_id = signed_in(request).organization_id
    found = await organization_credit(organization_id) if organization_id else None
    if found is None:
        raise HTTPException(404)
    name, credit, _ = found
    return organization_id, name, credit


@audience(Audience.ORGANIZATION)
async def portal_give(request: Request) -> Response:
    _, name, credit = await _organization(request)
    return await _give_page(request, values=_blank(credit), errors={}, organization=name)


@audience(Audience.ORGANIZATION)
async def portal_give_submit(request: Request) -> Response:
    organization_id, name, _ = await _organization(request)
    return await _submit(request, organization=(organization_id, name))


async def _bounded_body(request: Request) -> bytes | None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > WEBHOOK_MAX_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > WEBHOOK_MAX_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


@audience(Audience.PUBLIC)
async def stripe_webhook(request: Request) -> Response:
    """Stripe's signed events. Exempt from CSRF: the signature is the proof of origin."""
    gateway = _gateway(request)
    if gateway is None:
        return Response(status_code=400)
    payload = await _bounded_body(request)
    if payload is None:
        return Response(status_code=413)
    try:
        event = gateway.verify_event(payload, request.headers.get("stripe-signature", ""))
    except BadSignature:
        log.info("stripe webhook refused: bad signature")
        return Response(status_code=400)
    outcome = await apply_event(event, gateway=gateway)
    # Stripe's event type and our outcome only: events can carry a giver's billing details.
    # The type comes from a signature-checked event (Stripe's own names), not from a visitor.
    kind = str(event.get("type", ""))[:80]
    log.info("stripe event %s: %s", kind, outcome.value)  # nosemgrep: mutualaid-log-request-data
    if outcome is Outcome.RETRY_LATER:
        return JSONResponse({"received": False, "retry": True}, status_code=409)
    return JSONResponse({"received": True})


routes = [
    Route("/give", give, name="give", methods=["GET"]),
    Route("/give", give_submit, name="give_submit", methods=["POST"]),
    Route("/give/thanks", give_thanks, name="give_thanks", methods=["GET"]),
    Route("/give/cancelled", give_cancelled, name="give_cancelled", methods=["GET"]),
    Route("/portal/give", portal_give, name="portal_give", methods=["GET"]),
    Route("/portal/give", portal_give_submit, name="portal_give_submit", methods=["POST"]),
    Route(WEBHOOK_PATH, stripe_webhook, name="stripe_webhook", methods=["POST"]),
]
