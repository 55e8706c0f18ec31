"""Staff sign-in (password, then a second factor), sign-out, passwords, and accounts."""

from __future__ import annotations

import uuid

import segno
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.codenames import generate_codename
from mutualaid.domain.staff import ROLE_LABELS, Role, SessionStage
from mutualaid.i18n import _l
from mutualaid.services import staff as accounts
from mutualaid.services.staff import NewSession, Passwords
from mutualaid.web import ratelimit
from mutualaid.web.auth import (
    audience,
    clear_session_cookie,
    session_token,
    set_session_cookie,
    signed_in,
)
from mutualaid.web.forms import raw_values, validate
from mutualaid.web.routes import Audience
from mutualaid.web.staff_forms import (
    PASSWORD_PROBLEMS,
    STAFF_FIELD_MESSAGES,
    CodeForm,
    LoginForm,
    NewAccountForm,
    PasswordForm,
)
from mutualaid.web.templating import render, url

REFUSED = _l(
    "That username and password don't match an active account. After five wrong tries, "
    "signing in to that account pauses for 15 minutes."
)
WRONG_CODE = _l("That code didn't work. Codes change every 30 seconds and work only once.")


def _passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


def _after_sign_in(request: Request, session: NewSession) -> Response:
    target = {
        SessionStage.PASSWORD: "staff_code",
        SessionStage.ENROL: "staff_totp_setup",
        SessionStage.FULL: "staff_home",
    }[session.stage]
    response = RedirectResponse(url(request, target), status_code=303)
    set_session_cookie(request, response, session.token)
    return response


@audience(Audience.PUBLIC)
async def login_form(request: Request) -> Response:
    return render(request, "staff/login.html", {"values": {"username": ""}, "errors": {}})


@audience(Audience.PUBLIC)
async def login(request: Request) -> Response:
    ratelimit.hit(request, "login")
    values = raw_values(await request.form(), LoginForm)
    form, errors = validate(LoginForm, values, STAFF_FIELD_MESSAGES)
    if form is not None:
        try:
            session = await accounts.sign_in(
                _passwords(request),
                username=form.username,
                password=form.password,
                # Demo accounts have published passwords: never in production.
                allow_demo=request.app.state.settings.environment != "production",
            )
        except accounts.SignInRefused:
            errors = {"password": str(REFUSED)}
        else:
            return _after_sign_in(request, session)
    context = {"values": {"username": values["username"]}, "errors": errors}
    return render(request, "staff/login.html", context, status_code=401 if form else 422)


async def _partial_member(request: Request) -> accounts.StaffMember | None:
    return await accounts.current_member(session_token(request))


@audience(Audience.PUBLIC)
async def code_form(request: Request) -> Response:
    """The second step of signing in; only meaningful with a password-stage session."""
    member = await _partial_member(request)
    if member is None or member.stage is not SessionStage.PASSWORD:
        return RedirectResponse(url(request, "staff_login"), status_code=303)
    return render(request, "staff/code.html", {"errors": {}})


@audience(Audience.PUBLIC)
async def code(request: Request) -> Response:
    ratelimit.hit(request, "login")
    form, errors = validate(
        CodeForm, raw_values(await request.form(), CodeForm), STAFF_FIELD_MESSAGES
    )
    token = session_token(request)
    if form is not None and token:
        try:
            session = await accounts.verify_second_factor(token, form.code)
        except accounts.SignInRefused:
            return RedirectResponse(url(request, "staff_login"), status_code=303)
        except accounts.WrongCode:
            errors = {"code": str(WRONG_CODE)}
        else:
            return _after_sign_in(request, session)
    return render(request, "staff/code.html", {"errors": errors}, status_code=422)


async def _setup_member(request: Request) -> accounts.StaffMember | None:
    member = await _partial_member(request)
    if member is None or member.stage is SessionStage.PASSWORD:
        return None
    return member


@audience(Audience.PUBLIC)
async def totp_setup_form(request: Request) -> Response:
    """Set up the second factor: required for coordinators and admins before anything else."""
    member = await _setup_member(request)
    if member is None:
        return RedirectResponse(url(request, "staff_login"), status_code=303)
    return await _setup_page(request, member, {})


async def _setup_page(
    request: Request, member: accounts.StaffMember, errors: dict[str, str]
) -> Response:
    secret = await accounts.begin_totp_setup(member.id)
    context = {
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "member": member,
        "errors": errors,
    }
    return render(request, "staff/totp_setup.html", context, status_code=422 if errors else 200)


@audience(Audience.PUBLIC)
async def totp_qr(request: Request) -> Response:
    """The pending secret as a QR code, drawn here (nothing loads from elsewhere)."""
    member = await _setup_member(request)
    if member is None:
        return RedirectResponse(url(request, "staff_login"), status_code=303)
    secret = await accounts.begin_totp_setup(member.id)
    qr = segno.make(accounts.provisioning_uri(secret, member.username), error="m")
    return Response(qr.svg_inline(scale=5, border=2), media_type="image/svg+xml")


@audience(Audience.PUBLIC)
async def totp_setup(request: Request) -> Response:
    member = await _setup_member(request)
    token = session_token(request)
    if member is None or token is None:
        return RedirectResponse(url(request, "staff_login"), status_code=303)
    form, errors = validate(
        CodeForm, raw_values(await request.form(), CodeForm), STAFF_FIELD_MESSAGES
    )
    if form is not None:
        try:
            session = await accounts.confirm_totp_setup(token, form.code)
        except accounts.WrongCode:
            errors = {"code": str(WRONG_CODE)}
        else:
            return _after_sign_in(request, session)
    return await _setup_page(request, member, errors)


@audience(Audience.PUBLIC)
async def logout(request: Request) -> Response:
    """Sign out: the session ends on the server, and the browser forgets this site."""
    await accounts.end_session(session_token(request))
    response = RedirectResponse(url(request, "staff_login"), status_code=303)
    clear_session_cookie(request, response)
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@audience(Audience.STAFF)
async def home(request: Request) -> Response:
    member = signed_in(request)
    if member.role is Role.ORGANIZATION:
        return RedirectResponse(url(request, "portal"), status_code=303)
    return render(request, "staff/home.html", {"member": member})


@audience(Audience.STAFF)
async def password_form(request: Request) -> Response:
    return render(request, "staff/password.html", {"errors": {}, "done": False})


@audience(Audience.STAFF)
async def password(request: Request) -> Response:
    member = signed_in(request)
    form, errors = validate(
        PasswordForm, raw_values(await request.form(), PasswordForm), STAFF_FIELD_MESSAGES
    )
    if form is not None:
        if form.new != form.confirm:
            errors = {"confirm": str(_l("The two new passwords are different."))}
        else:
            try:
                await accounts.change_password(
                    _passwords(request),
                    staff_id=member.id,
                    current=form.current,
                    new=form.new,
                    keep_token=session_token(request) or "",
                )
            except accounts.SignInRefused:
                errors = {"current": str(_l("That isn't your current password."))}
            except accounts.WeakPassword as problem:
                errors = {"new": str(PASSWORD_PROBLEMS[problem.reason])}
    status = 422 if errors else 200
    context = {"errors": errors, "done": not errors}
    return render(request, "staff/password.html", context, status_code=status)


@audience(Audience.ADMIN)
async def accounts_page(request: Request) -> Response:
    return await _accounts_page(request, {}, {"username": "", "role": "coordinator"})


async def _accounts_page(
    request: Request,
    errors: dict[str, str],
    values: dict[str, str],
    created: tuple[str, str] | None = None,
) -> Response:
    context = {
        "rows": await accounts.list_staff(),
        "role_labels": ROLE_LABELS,
        "errors": errors,
        "values": values,
        "created": created,
        "me": signed_in(request),
    }
    return render(request, "staff/accounts.html", context, status_code=422 if errors else 200)


@audience(Audience.ADMIN)
async def create_account(request: Request) -> Response:
    """A coordinator or admin account, with a strong first password shown only this once."""
    values = raw_values(await request.form(), NewAccountForm)
    form, errors = validate(NewAccountForm, values, STAFF_FIELD_MESSAGES)
    if form is not None:
        first_password = generate_codename()
        try:
            await accounts.create_staff(
                _passwords(request),
                username=form.username,
                password=first_password,
                role=Role(form.role),
                created_by=signed_in(request).id,
            )
        except accounts.UsernameTaken:
            errors = {"username": str(_l("That username is taken."))}
        else:
            return await _accounts_page(
                request,
                {},
                {"username": "", "role": "coordinator"},
                created=(form.username.lower(), first_password),
            )
    return await _accounts_page(request, errors, values)


async def _set_disabled(request: Request, disabled: bool) -> Response:
    me = signed_in(request)
    try:
        staff_id = uuid.UUID(request.path_params["staff_id"])
    except ValueError as error:
        raise HTTPException(404) from error
    if staff_id == me.id or not await accounts.staff_exists(staff_id):
        raise HTTPException(404)
    await accounts.set_disabled(staff_id=staff_id, disabled=disabled, by=me.id)
    return RedirectResponse(url(request, "staff_accounts"), status_code=303)


@audience(Audience.ADMIN)
async def disable_account(request: Request) -> Response:
    return await _set_disabled(request, True)


@audience(Audience.ADMIN)
async def enable_account(request: Request) -> Response:
    return await _set_disabled(request, False)


routes = [
    Route("/staff/login", login_form, name="staff_login", methods=["GET"]),
    Route("/staff/login", login, name="staff_login_submit", methods=["POST"]),
    Route("/staff/login/code", code_form, name="staff_code", methods=["GET"]),
    Route("/staff/login/code", code, name="staff_code_submit", methods=["POST"]),
    Route("/staff/totp/setup", totp_setup_form, name="staff_totp_setup", methods=["GET"]),
    Route("/staff/totp/setup", totp_setup, name="staff_totp_setup_submit", methods=["POST"]),
    Route("/staff/totp/qr.svg", totp_qr, name="staff_totp_qr", methods=["GET"]),
    Route("/staff/logout", logout, name="staff_logout", methods=["POST"]),
    Route("/staff", home, name="staff_home", methods=["GET"]),
    Route("/staff/password", password_form, name="staff_password", methods=["GET"]),
    Route("/staff/password", password, name="staff_password_submit", methods=["POST"]),
    Route("/staff/accounts", accounts_page, name="staff_accounts", methods=["GET"]),
    Route("/staff/accounts", create_account, name="staff_accounts_create", methods=["POST"]),
    Route(
        "/staff/accounts/{staff_id}/disable",
        disable_account,
        name="staff_account_disable",
        methods=["POST"],
    ),
    Route(
        "/staff/accounts/{staff_id}/enable",
        enable_account,
        name="staff_account_enable",
        methods=["POST"],
    ),
]
