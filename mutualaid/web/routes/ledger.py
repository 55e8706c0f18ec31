"""The coordinators' ledger: money in and out, balances, disbursements and a CSV export."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.clock import today
from mutualaid.domain.errors import UnknownChoice
from mutualaid.domain.money import DisbursementMethod, Overdrawn, disbursement_amount
from mutualaid.i18n import _l
from mutualaid.services.ledger import (
    DisbursementDraft,
    ledger_csv,
    ledger_view,
    record_disbursement,
)
from mutualaid.settings import Settings
from mutualaid.web.auth import audience, signed_in
from mutualaid.web.forms import validate
from mutualaid.web.funds_forms import FUNDS_FIELD_MESSAGES, DisbursementForm, form_values
from mutualaid.web.money import exponent, money_text
from mutualaid.web.routes import Audience
from mutualaid.web.routes.give import designation_choices
from mutualaid.web.templating import render, url

METHOD_LABELS = {
    DisbursementMethod.CASH.value: _l("Cash"),
    DisbursementMethod.GIFT_CARD.value: _l("Gift card"),
    DisbursementMethod.BILL_PAID.value: _l("Bill paid"),
    DisbursementMethod.OTHER.value: _l("Other"),
}
SOURCE_LABELS = {"individual": _l("People"), "organization": _l("Organizations")}
FREQUENCY_LABELS = {"once": _l("Once"), "monthly": _l("Monthly")}
DISBURSEMENT_MESSAGES = {
    **FUNDS_FIELD_MESSAGES,
    "amount": FUNDS_FIELD_MESSAGES["disbursement_amount"],
    "designation": _l("Choose the fund the money came from."),
}
NOTICES = {
    "recorded": _l("The disbursement is recorded, and the fund's balance is updated."),
    "overdrawn": _l(
        "The disbursement is recorded past the fund's balance. The override is in the activity log."
    ),
}


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _blank(request: Request) -> dict[str, Any]:
    need = request.query_params.get("need", "")
    try:
        need = str(uuid.UUID(need)) if need else ""
    except ValueError:
        need = ""
    return {
        "amount": "",
        "designation": "general",
        "paid_on": today().isoformat(),
        "method": "cash",
        "need": need,
        "override": "",
    }


async def _page(request: Request, *, values: dict[str, Any], errors: dict[str, str]) -> Response:
    currency = _settings(request).currency
    names = dict(await designation_choices())
    notice = NOTICES.get(request.query_params.get("done", ""))
    context = {
        "view": await ledger_view(),
        "money": lambda amount: money_text(amount, currency),
        "fund_name": lambda slug: names.get(slug, slug),
        "designations": list(names.items()),
        "methods": METHOD_LABELS,
        "sources": SOURCE_LABELS,
        "frequencies": FREQUENCY_LABELS,
        "values": values,
        "errors": errors,
        "notice": str(notice) if notice else "",
    }
    return render(request, "staff/ledger.html", context, status_code=422 if errors else 200)


@audience(Audience.COORDINATOR)
async def ledger(request: Request) -> Response:
    return await _page(request, values=_blank(request), errors={})


@audience(Audience.COORDINATOR)
async def disbursement_submit(request: Request) -> Response:
    currency = _settings(request).currency
    digits = exponent(currency)
    values = form_values(await request.form(), DisbursementForm)
    form, errors = validate(
        DisbursementForm, values, DISBURSEMENT_MESSAGES, context={"exponent": digits}
    )
    if form is not None:
        draft = DisbursementDraft(
            amount=disbursement_amount(form.amount, exponent=digits),
            designation=form.designation,
            paid_on=form.paid_on,
            method=form.method,
            need_id=form.need,
        )
        try:
            _, overdrawn = await record_disbursement(
                draft, currency=currency, override=form.override, by=signed_in(request).id
            )
        except UnknownChoice as problem:
            key = "unknown_need" if problem.field == "need" else "designation"
            errors[problem.field] = str(DISBURSEMENT_MESSAGES[key])
        except Overdrawn as problem:
            message = str(FUNDS_FIELD_MESSAGES["overdrawn"])
            errors["override"] = message % {"balance": money_text(problem.balance, currency)}
        else:
            done = "overdrawn" if overdrawn else "recorded"
            return RedirectResponse(url(request, "staff_ledger") + f"?done={done}", 303)
    return await _page(request, values=values, errors=errors)


@audience(Audience.COORDINATOR)
async def ledger_export(request: Request) -> Response:
    currency = _settings(request).currency
    body = ledger_csv(await ledger_view(), currency=currency, exponent=exponent(currency))
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="ledger.csv"'},
    )


routes = [
    Route("/staff/ledger", ledger, name="staff_ledger", methods=["GET"]),
    Route("/staff/ledger.csv", ledger_export, name="staff_ledger_csv", methods=["GET"]),
    Route(
        "/staff/disbursements",
        disbursement_submit,
        name="staff_disbursement_submit",
        methods=["POST"],
    ),
]
