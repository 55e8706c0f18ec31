"""Organizations on the web: applying (with the no-strings worksheet), joining by a link,
coordinators' decisions, and members inviting colleagues.

Every page is a plain form that works without JavaScript; actions answer 303.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES
from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.organizations import (
    ANSWER_LABELS,
    CREDIT_LABELS,
    STATUS_LABELS,
    WORKSHEET_QUESTIONS,
    CommitmentRequired,
    Decision,
    IncompleteWorksheet,
    InvalidInvitation,
    UnknownOrganization,
)
from mutualaid.i18n import _l
from mutualaid.services import organizations as service
from mutualaid.services.catalog import area_choices
from mutualaid.services.staff import Passwords, UsernameTaken, WeakPassword
from mutualaid.web import ratelimit
from mutualaid.web.auth import audience, signed_in
from mutualaid.web.once import SeenForms, new_form_id
from mutualaid.web.org_forms import (
    ORGANIZATION_FIELD_MESSAGES,
    PASSWORD_MESSAGES,
    WORKSHEET_MESSAGE,
    ApplyForm,
    JoinForm,
    kept_values,
    raw_values,
    validate,
)
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url

#: What a coordinator sees after a decision (chosen by a fixed key, never echoed from input).
DECISION_NOTICES = {
    "approve": _l("Approved. Their pledges can go live now."),
    "suspend": _l(
        "Suspended. Every member was signed out, and their pledges are no longer matched or listed."
    ),
    "reinstate": _l("Reinstated. Members can sign in again."),
    "unchanged": _l("Nothing changed: that decision doesn't apply to this organization now."),
}


def _passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


# --- Applying ----------------------------------------------------------------------------


async def _apply_page(
    request: Request,
    values: dict[str, Any],
    errors: dict[str, str],
    *,
    invite: str | None,
    invite_refused: bool = False,
    form_id: str | None = None,
) -> Response:
    context = {
        "values": kept_values(values),
        "errors": errors,
        "invite": invite,
        "invite_refused": invite_refused,
        "form_id": form_id or new_form_id(),
        "areas": await area_choices(),
        # "Another language" is worded for community members' messages; not offered here.
        "languages": {code: name for code, name in CONTACT_LANGUAGES.items() if code != "other"},
        "credits": CREDIT_LABELS,
        "questions": WORKSHEET_QUESTIONS,
        "answers": ANSWER_LABELS,
    }
    return render(request, "organizations/apply.html", context, status_code=422 if errors else 200)


def _blank_application() -> dict[str, Any]:
    values: dict[str, Any] = {name: "" for name in ApplyForm.model_fields}
    values["areas"] = []
    values["languages"] = []
    return values


@audience(Audience.PUBLIC)
async def apply_form(request: Request) -> Response:
    """The application; `?invite=` carries a coordinator's link into a hidden field."""
    token = request.query_params.get("invite", "")
    is_open = bool(token) and await service.organization_invitation_is_open(token)
    return await _apply_page(
        request,
        _blank_application(),
        {},
        invite=token if is_open else None,
        invite_refused=bool(token) and not is_open,
    )


@audience(Audience.PUBLIC)
async def apply_submit(request: Request) -> Response:
    ratelimit.hit(request, "post")
    form = await request.form()
    values = raw_values(form, ApplyForm)
    invite = str(form.get("invite", "")) or None
    form_id = str(form.get("form_id", ""))
    parsed, errors = validate(ApplyForm, values)
    if parsed is not None:
        seen: SeenForms = request.app.state.seen_forms
        if not await seen.first_time(form_id):
            return render(request, "organizations/already_sent.html", status_code=409)
        try:
            await service.apply_organization(
                _passwords(request),
                draft=parsed.draft(),
                username=parsed.username,
                password=parsed.password,
                invite_token=invite,
            )
        except InvalidInvitation:
            errors["invite"] = str(ORGANIZATION_FIELD_MESSAGES["invite"])
            invite = None
        except UsernameTaken:
            errors["username"] = str(ORGANIZATION_FIELD_MESSAGES["taken"])
        except WeakPassword as problem:
            errors["password"] = str(PASSWORD_MESSAGES[problem.reason])
        except UnknownChoice as problem:
            errors[problem.field] = str(ORGANIZATION_FIELD_MESSAGES[problem.field])
        except CommitmentRequired:  # the form asks first; the service checks again
            errors["no_strings_commitment"] = str(
                ORGANIZATION_FIELD_MESSAGES["no_strings_commitment"]
            )
        except IncompleteWorksheet:
            errors[next(iter(WORKSHEET_QUESTIONS))] = str(WORKSHEET_MESSAGE)
        else:
            return render(request, "organizations/applied.html", {"username": parsed.username})
        await seen.forget(form_id)
    return await _apply_page(request, values, errors, invite=invite, form_id=form_id)


# --- Joining an organization by a member's link ------------------------------------------


def _token(request: Request) -> str:
    return str(request.path_params["token"])


def _link_refused(request: Request) -> Response:
    return render(request, "organizations/link_refused.html", status_code=404)


async def _join_page(
    request: Request, organization: str, values: dict[str, Any], errors: dict[str, str]
) -> Response:
    context = {
        "organization": organization,
        "token": _token(request),
        "values": kept_values(values),
        "errors": errors,
    }
    return render(request, "organizations/join.html", context, status_code=422 if errors else 200)


@audience(Audience.PUBLIC)
async def join_form(request: Request) -> Response:
    try:
        organization = await service.member_invitation(_token(request))
    except InvalidInvitation:
        return _link_refused(request)
    return await _join_page(request, organization, {"username": ""}, {})


@audience(Audience.PUBLIC)
async def join_submit(request: Request) -> Response:
    ratelimit.hit(request, "post")
    token = _token(request)
    try:
        organization = await service.member_invitation(token)
    except InvalidInvitation:
        return _link_refused(request)
    form = await request.form()
    values = raw_values(form, JoinForm)
    parsed, errors = validate(JoinForm, values)
    if parsed is not None:
        try:
            await service.join_organization(
                _passwords(request),
                token=token,
                username=parsed.username,
                password=parsed.password,
            )
        except InvalidInvitation:
            return _link_refused(request)
        except UsernameTaken:
            errors["username"] = str(ORGANIZATION_FIELD_MESSAGES["taken"])
        except WeakPassword as problem:
            errors["password"] = str(PASSWORD_MESSAGES[problem.reason])
        else:
            context = {"organization": organization, "username": parsed.username}
            return render(request, "organizations/joined.html", context)
    return await _join_page(request, organization, values, errors)


# --- Coordinators ------------------------------------------------------------------------


async def _list_page(request: Request, *, invite_link: str | None = None) -> Response:
    context = {
        "organizations": await service.list_organizations(),
        "status_labels": STATUS_LABELS,
        "invite_link": invite_link,
    }
    return render(request, "staff/organizations.html", context)


@audience(Audience.COORDINATOR)
async def organizations_list(request: Request) -> Response:
    return await _list_page(request)


@audience(Audience.COORDINATOR)
async def organization_invite(request: Request) -> Response:
    """A one-time link to apply, shown on this page only: it is stored only as a hash."""
    token = await service.invite_organization(by=signed_in(request).id)
    # A path, not a full URL: the Host header is the client's to choose, so never trusted.
    link = f"{request.app.url_path_for('org_apply')}?invite={token}"
    return await _list_page(request, invite_link=link)


def _org_id(request: Request) -> uuid.UUID:
    org_id = request.path_params["org_id"]
    if not isinstance(org_id, uuid.UUID):  # the route's uuid convertor makes it one
        raise HTTPException(404)
    return org_id


def _own_organization(request: Request) -> tuple[uuid.UUID, uuid.UUID]:
    """(organization id, member id) of the signed-in member: never taken from the request."""
    member = signed_in(request)
    if member.organization_id is None:  # Audience.ORGANIZATION already refuses this
        raise HTTPException(404)
    return member.organization_id, member.id


@audience(Audience.COORDINATOR)
async def organization_page(request: Request) -> Response:
    try:
        detail = await service.organization_detail(_org_id(request))
    except UnknownOrganization:
        raise HTTPException(404) from None
    notice = DECISION_NOTICES.get(request.query_params.get("done", ""))
    context = {
        "organization": detail,
        "status_labels": STATUS_LABELS,
        "notice": str(notice) if notice else "",
    }
    return render(request, "staff/organizations_detail.html", context)


Decide = Callable[..., Awaitable[Any]]


def _decision(decision: Decision, act: Decide) -> Callable[[Request], Awaitable[Response]]:
    @audience(Audience.COORDINATOR)
    async def endpoint(request: Request) -> Response:
        org_id = _org_id(request)
        done = decision.value
        try:
            await act(org_id, by=signed_in(request).id)
        except UnknownOrganization:
            raise HTTPException(404) from None
        except InvalidTransition:
            done = "unchanged"
        target = url(request, "staff_organization", org_id=org_id)
        return RedirectResponse(f"{target}?done={done}", status_code=303)

    endpoint.__name__ = f"organization_{decision.value}"
    return endpoint


approve = _decision(Decision.APPROVE, service.approve_organization)
suspend = _decision(Decision.SUSPEND, service.suspend_organization)
reinstate = _decision(Decision.REINSTATE, service.reinstate_organization)


# --- Organization members ----------------------------------------------------------------


async def _members_page(request: Request, *, join_link: str | None = None) -> Response:
    org_id, member_id = _own_organization(request)
    try:
        usernames = await service.member_usernames(org_id, by=member_id)
    except UnknownOrganization:
        raise HTTPException(404) from None
    context = {"usernames": usernames, "join_link": join_link}
    return render(request, "portal/members.html", context)


@audience(Audience.ORGANIZATION)
async def members(request: Request) -> Response:
    return await _members_page(request)


@audience(Audience.ORGANIZATION)
async def member_invite(request: Request) -> Response:
    """A one-time link for a colleague, shown on this page only."""
    org_id, member_id = _own_organization(request)
    try:
        token = await service.invite_member(org_id, by=member_id)
    except UnknownOrganization:
        raise HTTPException(404) from None
    link = str(request.app.url_path_for("org_join", token=token))
    return await _members_page(request, join_link=link)


ORG = "/staff/organizations/{org_id:uuid}"

routes = [
    Route("/organizations/apply", apply_form, name="org_apply", methods=["GET"]),
    Route("/organizations/apply", apply_submit, name="org_apply_submit", methods=["POST"]),
    Route("/join/{token}", join_form, name="org_join", methods=["GET"]),
    Route("/join/{token}", join_submit, name="org_join_submit", methods=["POST"]),
    Route("/staff/organizations", organizations_list, name="staff_organizations", methods=["GET"]),
    Route(
        "/staff/organizations/invite",
        organization_invite,
        name="staff_organization_invite",
        methods=["POST"],
    ),
    Route(ORG, organization_page, name="staff_organization", methods=["GET"]),
    Route(f"{ORG}/approve", approve, name="staff_organization_approve", methods=["POST"]),
    Route(f"{ORG}/suspend", suspend, name="staff_organization_suspend", methods=["POST"]),
    Route(f"{ORG}/reinstate", reinstate, name="staff_organization_reinstate", methods=["POST"]),
    Route("/portal/members", members, name="portal_members", methods=["GET"]),
    Route("/portal/members/invite", member_invite, name="portal_member_invite", methods=["POST"]),
]
