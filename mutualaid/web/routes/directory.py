"""The public service directory (/services and its HSDS 3.0 JSON), and coordinators' offers.

Filters are plain GET parameters on a plain form, so the directory works without
JavaScript; htmx only swaps the results in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OFFER_KIND_LABELS
from mutualaid.domain.clock import today
from mutualaid.services.catalog import Choice, choices
from mutualaid.services.directory import (
    DirectoryFilters,
    coordinator_offers,
    hsds_services,
    public_services,
)
from mutualaid.web import htmx
from mutualaid.web.auth import audience, signed_in
from mutualaid.web.forms import validate
from mutualaid.web.pledge_forms import (
    FILTER_MESSAGES,
    DirectoryFilterForm,
    OfferFilterForm,
    filter_values,
    hours_line,
)
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render

RESULTS_TARGET = "directory-results"


@dataclass(frozen=True)
class Filters:
    """What the filter form asked for, checked against what coordinators have set up."""

    filters: DirectoryFilters
    source: str | None
    values: dict[str, str]
    errors: dict[str, str]
    categories: list[Choice]
    areas: list[Choice]


async def _filters(request: Request, model: type[DirectoryFilterForm]) -> Filters:
    values = filter_values(request.query_params, model)
    form, errors = validate(model, values, FILTER_MESSAGES)
    offered = await choices()
    categories, areas = offered.categories, offered.areas
    known = {
        "category": {c.value for c in categories},
        "area": {a.value for a in areas},
        "language": set(CONTACT_LANGUAGES),
    }
    chosen: dict[str, str | None] = {name: None for name in known}
    source: str | None = None
    if form is not None:
        for name, allowed in known.items():
            value = getattr(form, name)
            if value is not None and value not in allowed:
                errors[name] = str(FILTER_MESSAGES[name])
            else:
                chosen[name] = value
        source = getattr(form, "source", None)
    elif errors:
        # Keep the filters that were fine; drop only the ones that need attention.
        for name, allowed in known.items():
            if name not in errors and values.get(name) in allowed:
                chosen[name] = values[name]
    return Filters(
        filters=DirectoryFilters(**chosen),
        source=source,
        values=values,
        errors=errors,
        categories=categories,
        areas=areas,
    )


@audience(Audience.PUBLIC)
async def services(request: Request) -> Response:
    """The directory; an htmx request aimed at the results gets only the results."""
    chosen = await _filters(request, DirectoryFilterForm)
    context: dict[str, Any] = {
        "services": await public_services(chosen.filters, today=today()),
        "values": chosen.values,
        "errors": chosen.errors,
        "categories": chosen.categories,
        "areas": chosen.areas,
        "languages": CONTACT_LANGUAGES,
        "kinds": OFFER_KIND_LABELS,
        "hours_text": hours_line,
        "filtered": any(v is not None for v in vars(chosen.filters).values()),
    }
    status = 422 if chosen.errors else 200
    if htmx.target(request) == RESULTS_TARGET:
        return render(request, "directory_results.html", context, status_code=status)
    return render(request, "directory.html", context, status_code=status)


@audience(Audience.PUBLIC)
async def services_json(request: Request) -> Response:
    """Open Referral HSDS 3.0: a page of fully nested services, for other directories."""
    chosen = await _filters(request, DirectoryFilterForm)
    if chosen.errors:
        return JSONResponse({"errors": chosen.errors}, status_code=400)
    return JSONResponse(await hsds_services(chosen.filters, today=today()))


@audience(Audience.COORDINATOR)
async def staff_offers(request: Request) -> Response:
    """Every active offer, community members' beside organizations' pledges."""
    chosen = await _filters(request, OfferFilterForm)
    offers = await coordinator_offers(
        chosen.filters, source=chosen.source, today=today(), staff_id=signed_in(request).id
    )
    context: dict[str, Any] = {
        "offers": offers,
        "values": chosen.values,
        "errors": chosen.errors,
        "categories": chosen.categories,
        "areas": chosen.areas,
        "languages": CONTACT_LANGUAGES,
        "kinds": OFFER_KIND_LABELS,
        "hours_text": hours_line,
    }
    return render(request, "staff/offers.html", context, status_code=422 if chosen.errors else 200)


routes = [
    Route("/services", services, name="services", methods=["GET"]),
    Route("/services.json", services_json, name="services_json", methods=["GET"]),
    Route("/staff/offers", staff_offers, name="staff_offers", methods=["GET"]),
]
