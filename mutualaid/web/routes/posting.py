"""Asking for help and offering it: anonymous forms that answer with a codename."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OFFER_KIND_LABELS
from mutualaid.domain.errors import UnknownChoice
from mutualaid.domain.needs import URGENCY_LABELS
from mutualaid.i18n import current_language
from mutualaid.services.catalog import choices
from mutualaid.services.needs import post_need
from mutualaid.services.offers import post_offer
from mutualaid.services.used_forms import FormAlreadyUsed
from mutualaid.web import ratelimit
from mutualaid.web.auth import audience
from mutualaid.web.forms import FIELD_MESSAGES, NeedForm, OfferForm, raw_values, validate
from mutualaid.web.once import new_form_id
from mutualaid.web.routes import Audience
from mutualaid.web.templating import fragment, render


async def _choices() -> dict[str, Any]:
    offered = await choices()
    return {
        "categories": offered.categories,
        "areas": offered.areas,
        "urgencies": URGENCY_LABELS,
        "languages": CONTACT_LANGUAGES,
        "kinds": OFFER_KIND_LABELS,
    }


def _blank(model: type[BaseModel]) -> dict[str, Any]:
    values: dict[str, Any] = {name: "" for name in model.model_fields}
    values["language"] = current_language()
    values["areas"] = []
    return values


async def _form_page(
    request: Request,
    template: str,
    values: dict[str, Any],
    errors: dict[str, str],
    form_id: str | None = None,
) -> Response:
    context: dict[str, Any] = {**(await _choices()), "values": values, "errors": errors}
    if not errors and values == _blank(_MODELS[template]):
        # A blank form's fields are the same for everyone who reads this language and
        # catalogue: rendered once, not at every visit.
        key = (tuple(context["categories"]), tuple(context["areas"]))
        context["blank_fields"] = fragment(request, _FIELDS[template], key, context)
    context["form_id"] = form_id or new_form_id()
    return render(request, template, context, status_code=422 if errors else 200)


_MODELS: dict[str, type[BaseModel]] = {"ask.html": NeedForm, "offer.html": OfferForm}
_FIELDS = {"ask.html": "_ask_fields.html", "offer.html": "_offer_fields.html"}


@audience(Audience.PUBLIC)
async def ask_form(request: Request) -> Response:
    return await _form_page(request, "ask.html", _blank(NeedForm), {})


@audience(Audience.PUBLIC)
async def offer_form(request: Request) -> Response:
    return await _form_page(request, "offer.html", _blank(OfferForm), {})


@audience(Audience.PUBLIC)
async def ask_submit(request: Request) -> Response:
    return await _submit(request, NeedForm, "ask.html", "need")


@audience(Audience.PUBLIC)
async def offer_submit(request: Request) -> Response:
    return await _submit(request, OfferForm, "offer.html", "offer")


async def _submit(
    request: Request, model: type[NeedForm] | type[OfferForm], template: str, kind: str
) -> Response:
    ratelimit.hit(request, "post")
    form = await request.form()
    values = raw_values(form, model)
    form_id = str(form.get("form_id", ""))
    parsed, errors = validate(model, values)
    if parsed is not None:
        key = request.app.state.settings.secret("codename_key")
        try:
            # The form id is recorded in the same transaction as what it stores: a refusal
            # or a failure leaves the form free to send again, so nothing is lost.
            if isinstance(parsed, NeedForm):
                codename = await post_need(parsed.draft(), codename_key=key, form_id=form_id)
            else:
                codename = await post_offer(parsed.draft(), codename_key=key, form_id=form_id)
        except FormAlreadyUsed:
            return render(request, "already_sent.html", {"kind": kind}, status_code=409)
        except UnknownChoice as problem:
            errors[problem.field] = str(FIELD_MESSAGES[problem.field])
        else:
            return render(request, "codename.html", {"codename": codename, "kind": kind})
    return await _form_page(request, template, values, errors, form_id)


routes = [
    Route("/ask", ask_form, name="ask", methods=["GET"]),
    Route("/ask", ask_submit, name="ask_submit", methods=["POST"]),
    Route("/offer", offer_form, name="offer", methods=["GET"]),
    Route("/offer", offer_submit, name="offer_submit", methods=["POST"]),
]
