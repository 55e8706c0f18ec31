"""The needs matched to an organization, in its portal: read what the person asked for, accept
or decline, write in the thread, and mark an accepted match fulfilled.

Every route is for organization members only and reaches a need only through a match of
their own organization (privacy promise 8): any other need answers 404, the same as one that
doesn't exist. The contact is shown only as `services.helping` allows (promise 4). Forms work
without JavaScript (post, then 303 back with a notice); htmx only swaps the thread in place.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES
from mutualaid.domain.errors import InvalidTransition
from mutualaid.domain.match_rules import MatchStatus, NoOpenMatch
from mutualaid.domain.needs import URGENCY_LABELS
from mutualaid.i18n import _l
from mutualaid.services.helping import (
    HelperAction,
    HelperNeedView,
    NotMatchedHere,
    organization_act,
    organization_message,
    organization_need,
    organization_needs,
    organization_was_matched,
    read_organization_need,
)
from mutualaid.web import htmx
from mutualaid.web.auth import Endpoint, audience, signed_in
from mutualaid.web.forms import Text, raw_values, validate
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url

NOTICES = {
    "accepted": _l(
        "You accepted. Thank you. Arrange the details in the thread; the person decides "
        "whether to share their contact details with you."
    ),
    "declined": _l(
        "You declined, and that's fine. The request goes back to the coordinators, and your "
        "pledge has that place back."
    ),
    "fulfilled": _l(
        "Marked as met. Thank you. The person's contact details are now erased, and the thread "
        "is closed."
    ),
    "sent": _l("Your message is in the thread."),
    "changed": _l(
        "This match has already changed, so nothing was done. Here is how it stands now."
    ),
}
CLOSED = _l("This request is closed, so the thread takes no more messages.")
#: How a match's state reads to the organization it is with.
MATCH_LABELS = {
    MatchStatus.PROPOSED: _l("Waiting for your answer"),
    MatchStatus.ACCEPTED: _l("Accepted by you"),
    MatchStatus.DECLINED: _l("Declined"),
    MatchStatus.FULFILLED: _l("Met"),
    MatchStatus.CANCELLED: _l("Ended"),
}
#: route name suffix -> what it does
ACTIONS = {
    "accept": HelperAction.ACCEPT,
    "decline": HelperAction.DECLINE,
    "fulfilled": HelperAction.FULFIL,
}


class OrganizationMessageForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    body: Annotated[Text, Field(min_length=1, max_length=2000)]


def _organization_id(request: Request) -> uuid.UUID:
    organization_id = signed_in(request).organization_id
    if organization_id is None:  # the audience check admits only members of one
        raise HTTPException(404)
    return organization_id


def _need_id(request: Request) -> uuid.UUID:
    value = request.path_params["need_id"]
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _labels() -> dict[str, Any]:
    return {
        "match_labels": MATCH_LABELS,
        "urgency_labels": URGENCY_LABELS,
        "languages": CONTACT_LANGUAGES,
    }


def _notice(request: Request) -> str:
    notice = NOTICES.get(request.query_params.get("notice", ""))
    return str(notice) if notice is not None else ""


def _need_url(request: Request, need_id: uuid.UUID, notice: str = "") -> str:
    path = url(request, "portal_need", need_id=need_id)
    return f"{path}?notice={notice}" if notice else path


def _list_url(request: Request, notice: str = "") -> str:
    path = url(request, "portal_needs")
    return f"{path}?notice={notice}" if notice else path


@audience(Audience.ORGANIZATION)
async def needs(request: Request) -> Response:
    listing = await organization_needs(_organization_id(request))
    context = {"needs": listing, "notice": _notice(request), **_labels()}
    return render(request, "portal/needs.html", context)


def _thread_context(view: HelperNeedView, **extra: Any) -> dict[str, Any]:
    return {"need": view, "errors": {}, "draft": "", "notice": "", **_labels(), **extra}


@audience(Audience.ORGANIZATION)
async def need(request: Request) -> Response:
    """The need in full; only the thread for htmx's refresh of it."""
    try:
        view = await read_organization_need(
            _organization_id(request), _need_id(request), staff_id=signed_in(request).id
        )
    except NotMatchedHere:
        raise HTTPException(404) from None
    if htmx.target(request) == "thread":
        return render(request, "portal/_need_thread.html", _thread_context(view))
    context = _thread_context(view, notice=_notice(request))
    return render(request, "portal/needs_detail.html", context)


def _action(name: str, action: HelperAction) -> Endpoint:
    """Accept, decline or mark fulfilled; then back (303) with a plain notice."""

    async def act(request: Request) -> Response:
        organization_id, need_id = _organization_id(request), _need_id(request)
        try:
            await organization_act(organization_id, need_id, action, staff_id=signed_in(request).id)
        except NotMatchedHere:
            raise HTTPException(404) from None
        except NoOpenMatch:
            try:
                await organization_need(organization_id, need_id)
            except NotMatchedHere:
                return RedirectResponse(_list_url(request, "changed"), status_code=303)
            return RedirectResponse(_need_url(request, need_id, "changed"), status_code=303)
        if action is HelperAction.DECLINE:  # no longer theirs to see
            return RedirectResponse(_list_url(request, "declined"), status_code=303)
        notice = "accepted" if action is HelperAction.ACCEPT else "fulfilled"
        return RedirectResponse(_need_url(request, need_id, notice), status_code=303)

    act.__name__ = act.__qualname__ = f"{name}_need"
    return audience(Audience.ORGANIZATION)(act)


@audience(Audience.ORGANIZATION)
async def message(request: Request) -> Response:
    """Write in the thread: htmx gets the thread back; a plain form post is sent back to the
    page (or, with a problem, gets the page again with what was typed)."""
    organization_id, need_id = _organization_id(request), _need_id(request)
    form = await request.form()
    values = raw_values(form, OrganizationMessageForm)
    parsed, errors = validate(OrganizationMessageForm, values)
    status = 422
    if parsed is not None:
        try:
            await organization_message(
                organization_id, need_id, parsed.body, staff_id=signed_in(request).id
            )
        except NotMatchedHere:
            raise HTTPException(404) from None
        except InvalidTransition:
            errors, status = {"body": str(CLOSED)}, 409
        except NoOpenMatch:
            errors, status = {"body": str(NOTICES["changed"])}, 409
        else:
            if not htmx.is_htmx(request):
                return RedirectResponse(
                    _need_url(request, need_id, "sent") + "#thread", status_code=303
                )
    try:
        view = await organization_need(organization_id, need_id)
    except NotMatchedHere:
        if not await organization_was_matched(organization_id, need_id):
            raise HTTPException(404) from None
        # Matched once, not any more (declined or ended): nothing of it left to show here.
        if htmx.is_htmx(request):
            return Response(status_code=200, headers={"HX-Redirect": _list_url(request, "changed")})
        return RedirectResponse(_list_url(request, "changed"), status_code=303)
    context = _thread_context(
        view,
        errors=errors,
        draft=values["body"] if errors else "",
        notice="" if errors else str(NOTICES["sent"]),
    )
    if htmx.is_htmx(request):
        # 200 even with a problem: htmx 2 swaps no 4xx answer, and the thread must show it.
        return render(request, "portal/_need_thread.html", context)
    return render(request, "portal/needs_detail.html", context, status_code=status)


NEED = "/portal/needs/{need_id:uuid}"

routes = [
    Route("/portal/needs", needs, name="portal_needs", methods=["GET"]),
    Route(NEED, need, name="portal_need", methods=["GET"]),
    *(
        Route(f"{NEED}/{name}", _action(name, action), name=f"portal_need_{name}", methods=["POST"])
        for name, action in ACTIONS.items()
    ),
    Route(f"{NEED}/message", message, name="portal_need_message", methods=["POST"]),
]
