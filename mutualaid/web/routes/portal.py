"""The organizations' portal: their profile, their pledges and what capacity is left.

Every route is for organization members only and reaches only their own organization's
pledges: another organization's pledge answers 404, the same as one that doesn't exist.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OFFER_KIND_LABELS, OfferStatus
from mutualaid.domain.clock import today
from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.pledges import (
    OpeningSlot,
    OrganizationNotApproved,
    PledgeHasConditions,
    PledgeNotFound,
)
from mutualaid.i18n import _l, current_language
from mutualaid.services.catalog import choices
from mutualaid.services.pledges import (
    OrganizationProfile,
    PledgeView,
    change_pledge,
    create_pledge,
    organization_pledge,
    organization_pledges,
    organization_profile,
    update_pledge,
)
from mutualaid.web.auth import Endpoint, audience, signed_in
from mutualaid.web.forms import validate
from mutualaid.web.once import SeenForms, new_form_id
from mutualaid.web.pledge_forms import (
    HOURS_FIELDS,
    PLEDGE_FIELD_MESSAGES,
    SLOTS_PER_DAY,
    PledgeForm,
    day_names,
    hours_field,
    hours_line,
    hours_values,
    parse_hours,
    pledge_raw_values,
)
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url

NOTICES = {
    "created": _l("Your pledge is saved."),
    "updated": _l("Your changes are saved."),
    "pause": _l(
        "The pledge is paused. Coordinators won't match it and the directory won't show it "
        "until you resume it."
    ),
    "resume": _l("The pledge is back in service."),
    "end": _l("The pledge has ended. Thank you for everything it gave."),
    "unchanged": _l("Nothing changed: that doesn't apply to this pledge any more."),
    "not_approved": _l(
        "Your organization isn't approved right now, so pledges can't go live. "
        "A coordinator will be in touch."
    ),
}
NOT_APPROVED = _l(
    "Your organization is waiting for approval, so it can't pledge yet. Nothing was saved. "
    "A coordinator reviews every organization before its pledges go live."
)
ENDED = _l("This pledge has ended, so it can't change any more. You can make a new one.")
ACTIONS = ("pause", "resume", "end")
ORGANIZATION_STATUS_LABELS = {
    "pending": _l("Waiting for approval"),
    "approved": _l("Approved"),
    "suspended": _l("Suspended"),
}
STATUS_LABELS = {
    OfferStatus.ACTIVE: _l("Open"),
    OfferStatus.PAUSED: _l("Paused"),
    OfferStatus.ENDED: _l("Ended"),
}


def _organization_id(request: Request) -> uuid.UUID:
    organization_id = signed_in(request).organization_id
    if organization_id is None:  # the audience check admits only members of one
        raise HTTPException(404)
    return organization_id


async def _profile(organization_id: uuid.UUID) -> OrganizationProfile:
    try:
        return await organization_profile(organization_id)
    except PledgeNotFound:  # the organization is gone (its members go with it)
        raise HTTPException(404) from None


def _pledge_id(request: Request) -> uuid.UUID:
    value = request.path_params["pledge_id"]
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _hours_text(view: PledgeView) -> str:
    return hours_line(view.hours)


@audience(Audience.ORGANIZATION)
async def home(request: Request) -> Response:
    organization_id = _organization_id(request)
    profile = await _profile(organization_id)
    pledges = await organization_pledges(organization_id, today=today())
    context = {
        "profile": profile,
        "pledges": pledges,
        "hours_text": _hours_text,
        "notice": NOTICES.get(request.query_params.get("notice", ""), ""),
        "kinds": OFFER_KIND_LABELS,
        "status_labels": STATUS_LABELS,
        "organization_status_labels": ORGANIZATION_STATUS_LABELS,
        "languages": CONTACT_LANGUAGES,
    }
    return render(request, "portal/home.html", context)


def _blank_values() -> dict[str, Any]:
    values: dict[str, Any] = {name: "" for name in PledgeForm.model_fields}
    values.update(dict.fromkeys(HOURS_FIELDS, ""))
    values["areas"] = []
    values["language"] = current_language()
    return values


def _view_values(view: PledgeView) -> dict[str, Any]:
    return {
        "title": view.title,
        "public_description": view.public_description,
        "kind": view.kind.value,
        "category": view.category,
        "areas": list(view.areas),
        "capacity": str(view.capacity),
        "available_from": view.available_from.isoformat(),
        "available_until": view.available_until.isoformat() if view.available_until else "",
        "location_note": view.location_note or "",
        "location_public": "yes" if view.location_public else "",
        "listed": "yes" if view.listed else "",
        "notes": view.notes or "",
        "language": view.language,
        # Every stored pledge made this statement; editing keeps asking for it.
        "no_conditions": "yes",
        **hours_values(view.hours),
    }


async def _form_page(
    request: Request,
    *,
    profile: OrganizationProfile,
    values: dict[str, Any],
    errors: dict[str, str],
    pledge: PledgeView | None = None,
    form_id: str | None = None,
    status_code: int | None = None,
) -> Response:
    offered = await choices()
    context = {
        "profile": profile,
        "pledge": pledge,
        "values": values,
        "errors": errors,
        "form_id": form_id or new_form_id(),
        "categories": offered.categories,
        "areas": offered.areas,
        "kinds": OFFER_KIND_LABELS,
        "languages": CONTACT_LANGUAGES,
        "day_names": day_names(),
        "slots": range(SLOTS_PER_DAY),
        "hours_field": hours_field,
        "status_labels": STATUS_LABELS,
        "hours_text": _hours_text,
    }
    code = status_code if status_code is not None else (422 if errors else 200)
    return render(request, "portal/pledge_form.html", context, status_code=code)


@audience(Audience.ORGANIZATION)
async def new_pledge(request: Request) -> Response:
    profile = await _profile(_organization_id(request))
    return await _form_page(request, profile=profile, values=_blank_values(), errors={})


def _check(
    values: dict[str, Any],
) -> tuple[PledgeForm | None, tuple[OpeningSlot, ...], dict[str, str]]:
    form, errors = validate(PledgeForm, values, PLEDGE_FIELD_MESSAGES)
    hours, hour_errors = parse_hours(values)
    errors.update(hour_errors)
    return (form if not errors else None), hours, errors


@audience(Audience.ORGANIZATION)
async def create(request: Request) -> Response:
    organization_id = _organization_id(request)
    profile = await _profile(organization_id)
    submitted = await request.form()
    values = pledge_raw_values(submitted)
    form_id = str(submitted.get("form_id", ""))
    form, hours, errors = _check(values)
    status_code: int | None = None
    if not profile.approved:
        errors = {"form": str(NOT_APPROVED), **errors}
        status_code = 403
    elif form is not None:
        seen: SeenForms = request.app.state.seen_forms
        if not await seen.first_time(form_id):
            return RedirectResponse(url(request, "portal"), status_code=303)
        try:
            await create_pledge(
                form.draft(hours),
                organization_id=organization_id,
                staff_id=signed_in(request).id,
            )
        except UnknownChoice as problem:
            errors[problem.field] = str(PLEDGE_FIELD_MESSAGES[problem.field])
        except PledgeHasConditions:
            errors["no_conditions"] = str(PLEDGE_FIELD_MESSAGES["no_conditions"])
        except OrganizationNotApproved:
            errors["form"] = str(NOT_APPROVED)
            status_code = 403
        else:
            return RedirectResponse(url(request, "portal") + "?notice=created", status_code=303)
        await seen.forget(form_id)
    return await _form_page(
        request,
        profile=profile,
        values=values,
        errors=errors,
        form_id=form_id,
        status_code=status_code,
    )


async def _own(request: Request) -> tuple[uuid.UUID, PledgeView]:
    """The pledge in the path, if it is this organization's; 404 otherwise."""
    organization_id = _organization_id(request)
    try:
        view = await organization_pledge(
            _pledge_id(request), organization_id=organization_id, today=today()
        )
    except PledgeNotFound:
        raise HTTPException(404) from None
    return organization_id, view


@audience(Audience.ORGANIZATION)
async def edit_pledge(request: Request) -> Response:
    organization_id, view = await _own(request)
    profile = await _profile(organization_id)
    return await _form_page(
        request, profile=profile, values=_view_values(view), errors={}, pledge=view
    )


@audience(Audience.ORGANIZATION)
async def update(request: Request) -> Response:
    organization_id, view = await _own(request)
    profile = await _profile(organization_id)
    values = pledge_raw_values(await request.form())
    form, hours, errors = _check(values)
    status_code: int | None = None
    if form is not None:
        try:
            await update_pledge(
                view.id,
                form.draft(hours),
                organization_id=organization_id,
                staff_id=signed_in(request).id,
            )
        except PledgeNotFound:
            raise HTTPException(404) from None
        except UnknownChoice as problem:
            errors[problem.field] = str(PLEDGE_FIELD_MESSAGES[problem.field])
        except PledgeHasConditions:
            errors["no_conditions"] = str(PLEDGE_FIELD_MESSAGES["no_conditions"])
        except OrganizationNotApproved:
            errors["form"] = str(NOTICES["not_approved"])
            status_code = 403
        except InvalidTransition:
            errors["form"] = str(ENDED)
            status_code = 409
        else:
            return RedirectResponse(url(request, "portal") + "?notice=updated", status_code=303)
    return await _form_page(
        request,
        profile=profile,
        values=values,
        errors=errors,
        pledge=view,
        status_code=status_code,
    )


def _action(action: str) -> Endpoint:
    """Pause, resume or end, then back to the portal (303) with a plain notice."""

    async def act(request: Request) -> Response:
        organization_id = _organization_id(request)
        try:
            await change_pledge(
                _pledge_id(request),
                action,
                organization_id=organization_id,
                staff_id=signed_in(request).id,
            )
            notice = action
        except PledgeNotFound:
            raise HTTPException(404) from None
        except InvalidTransition:
            notice = "unchanged"
        except OrganizationNotApproved:
            notice = "not_approved"
        return RedirectResponse(url(request, "portal") + f"?notice={notice}", status_code=303)

    act.__name__ = act.__qualname__ = f"{action}_pledge"
    return audience(Audience.ORGANIZATION)(act)


PLEDGE = "/portal/pledges/{pledge_id:uuid}"

routes = [
    Route("/portal", home, name="portal", methods=["GET"]),
    Route("/portal/pledges/new", new_pledge, name="portal_pledge_new", methods=["GET"]),
    Route("/portal/pledges/new", create, name="portal_pledge_create", methods=["POST"]),
    Route(PLEDGE, edit_pledge, name="portal_pledge", methods=["GET"]),
    Route(PLEDGE, update, name="portal_pledge_update", methods=["POST"]),
    *(
        Route(
            f"{PLEDGE}/{action}", _action(action), name=f"portal_pledge_{action}", methods=["POST"]
        )
        for action in ACTIONS
    ),
]
