"""Staff sign-in on the web: the session cookie, and the audience every route declares."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mutualaid.domain.staff import Role, SessionStage, acts_as_coordinator
from mutualaid.services.staff import StaffMember, current_member
from mutualaid.web.routes import Audience
from mutualaid.web.templating import url

Endpoint = Callable[[Request], Awaitable[Response]]


def cookie_name(request: Request) -> str:
    return "__Host-session" if request.app.state.settings.https else "session"


def session_token(request: Request) -> str | None:
    return request.cookies.get(cookie_name(request))


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    """A browser-session cookie: HttpOnly, SameSite=Strict, Secure and __Host- over TLS."""
    response.set_cookie(
        cookie_name(request),
        token,
        path="/",
        httponly=True,
        samesite="strict",
        secure=bool(request.app.state.settings.https),
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        cookie_name(request),
        path="/",
        httponly=True,
        samesite="strict",
        secure=bool(request.app.state.settings.https),
    )


def _admits(who: Audience, member: StaffMember) -> bool:
    if who is Audience.STAFF:
        return True
    if who is Audience.ORGANIZATION:
        return member.role is Role.ORGANIZATION and member.organization_id is not None
    if who is Audience.COORDINATOR:
        return acts_as_coordinator(member.role)
    if who is Audience.ADMIN:
        return member.role is Role.ADMIN
    return False


def audience(who: Audience) -> Callable[[Endpoint], Endpoint]:
    """Declare (and, for staff audiences, enforce) who a route is for.

    Not signed in: sent to sign in. Signed in but not yet through the second factor: sent
    to finish it. Signed in as someone else: 404, so a route's existence isn't confirmed.
    """

    def declare(endpoint: Endpoint) -> Endpoint:
        if who in (Audience.PUBLIC, Audience.CODENAME):
            endpoint.audience = who  # type: ignore[attr-defined]
            return endpoint

        @functools.wraps(endpoint)
        async def guarded(request: Request) -> Response:
            member = await current_member(session_token(request))
            if member is None:
                return RedirectResponse(url(request, "staff_login"), status_code=303)
            if member.stage is SessionStage.PASSWORD:
                return RedirectResponse(url(request, "staff_code"), status_code=303)
            if member.stage is SessionStage.ENROL:
                return RedirectResponse(url(request, "staff_totp_setup"), status_code=303)
            if not _admits(who, member):
                raise HTTPException(404)
            request.state.staff = member
            return await endpoint(request)

        guarded.audience = who  # type: ignore[attr-defined]
        return guarded

    return declare


def signed_in(request: Request) -> StaffMember:
    """The member a guarded route is serving."""
    member: StaffMember = request.state.staff
    return member
