"""Staff sign-in: argon2id, the second factor, throttling, sessions and their cookies."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import httpx2
import pyotp
import pytest
import time_machine

from mutualaid.domain.staff import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, Role
from mutualaid.services.staff import Passwords
from mutualaid.settings import Settings
from mutualaid.storage.models import AuditEvent, StaffSession, StaffUser
from tests.conftest import (
    CANARY_CLIENT,
    STAFF_PASSWORD,
    Database,
    make_settings,
    make_staff,
    post_form,
)


async def _login(client: httpx2.AsyncClient, username: str, password: str) -> httpx2.Response:
    return await post_form(
        client, "/staff/login", {"username": username, "password": password}, page="/staff/login"
    )


async def _code(client: httpx2.AsyncClient, code: str) -> httpx2.Response:
    return await post_form(client, "/staff/login/code", {"code": code}, page="/staff/login")


def _session_cookie(response: httpx2.Response) -> str | None:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(("session=", "__Host-session=")):
            return header
    return None


def test_passwords_use_argon2id_with_owasp_parameters(tmp_path) -> None:  # type: ignore[no-untyped-def]
    production_like = Settings(key_file=tmp_path / "k")
    passwords = Passwords(
        memory_kib=production_like.argon2_memory_kib,
        time_cost=production_like.argon2_time_cost,
        parallelism=production_like.argon2_parallelism,
    )
    stored = passwords.hash(STAFF_PASSWORD)
    match = re.match(r"^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$", stored)
    assert match
    memory, time_cost, parallelism = map(int, match.groups())
    assert memory >= 19456 and time_cost >= 2 and parallelism >= 1
    assert passwords.verify(stored, STAFF_PASSWORD)
    assert not passwords.verify(stored, STAFF_PASSWORD + "x")


async def test_the_stored_password_is_an_argon2id_hash(db: Database) -> None:
    staff_id, _ = await make_staff(db, role="coordinator")
    user = await StaffUser.get(id=staff_id)
    assert user.password_hash.startswith("$argon2id$")
    assert STAFF_PASSWORD not in user.password_hash


async def test_a_coordinator_signs_in_with_password_then_code(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id, secret = await make_staff(db, role="coordinator", username="casey")
    first = await _login(client, "Casey", STAFF_PASSWORD)
    assert first.status_code == 303 and first.headers["location"] == "/staff/login/code"
    partial_cookie = _session_cookie(first)
    assert partial_cookie
    # Half signed in is not signed in.
    assert (await client.get("/staff")).headers["location"] == "/staff/login/code"
    assert secret
    second = await _code(client, pyotp.TOTP(secret).now())
    assert second.status_code == 303 and second.headers["location"] == "/staff"
    full_cookie = _session_cookie(second)
    assert full_cookie and full_cookie.split(";")[0] != partial_cookie.split(";")[0]
    home = await client.get("/staff")
    assert home.status_code == 200 and "casey" in home.text
    assert await StaffSession.filter(staff_id=staff_id).count() == 1
    assert await AuditEvent.filter(action="staff.sign_in", record_id=str(staff_id)).exists()


async def test_a_code_works_only_once(client: httpx2.AsyncClient, db: Database) -> None:
    _staff_id, secret = await make_staff(db, role="coordinator", username="robin")
    assert secret
    with time_machine.travel(datetime(2026, 11, 21, 10, 0, 5, tzinfo=UTC), tick=False):
        code = pyotp.TOTP(secret).now()
        await _login(client, "robin", STAFF_PASSWORD)
        assert (await _code(client, code)).status_code == 303
        client.cookies.clear()
        await _login(client, "robin", STAFF_PASSWORD)
        again = await _code(client, code)
    assert again.status_code == 422
    assert "work only once" in again.text


async def test_wrong_passwords_lock_the_account_for_a_while(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await make_staff(db, role="organization", username="sam", organization_id=None)
    for _ in range(5):
        refused = await _login(client, "sam", "not the password at all")
        assert refused.status_code == 401
    # Even the right password waits out the lock, with the same answer.
    locked = await _login(client, "sam", STAFF_PASSWORD)
    assert locked.status_code == 401
    assert _session_cookie(locked) is None
    later = datetime.now(UTC) + timedelta(minutes=16)
    with time_machine.travel(later, tick=False):
        assert (await _login(client, "sam", STAFF_PASSWORD)).status_code == 303


async def test_unknown_users_and_wrong_passwords_get_the_same_answer(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await make_staff(db, role="admin", username="alex")
    unknown = await _login(client, "nobody-here", STAFF_PASSWORD)
    wrong = await _login(client, "alex", "a wrong password entirely")
    assert unknown.status_code == wrong.status_code == 401
    strip = lambda text: re.sub(r'value="[^"]*"', "", text)  # noqa: E731
    assert strip(unknown.text) == strip(wrong.text)


async def test_session_cookies_are_http_only_strict_and_host_only(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await make_staff(db, role="organization", username="pat")
    response = await _login(client, "pat", STAFF_PASSWORD)
    cookie = _session_cookie(response)
    assert cookie
    attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=strict", "path=/"} <= attributes
    assert not any(a.startswith(("domain", "max-age", "expires")) for a in attributes)
    token = cookie.split(";")[0].split("=", 1)[1]
    assert len(token) >= 43  # 256 random bits
    assert not await StaffSession.filter(token_hash=token).exists()  # only its hash is kept


async def test_over_tls_the_cookie_is_secure_and_host_prefixed(
    db: Database,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from mutualaid.web.app import create_app

    settings = make_settings(tmp_path, database_url=db.url, https=True)
    app = create_app(settings, manage_storage=False)
    await make_staff(db, role="organization", username="kim")
    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="https://testserver") as tls:
        page = await tls.get("/staff/login")
        token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
        assert token
        response = await tls.post(
            "/staff/login",
            data={"csrf_token": token.group(1), "username": "kim", "password": STAFF_PASSWORD},
        )
    cookie = _session_cookie(response)
    assert cookie and cookie.startswith("__Host-session=")
    assert "secure" in cookie.lower()
    assert "strict-transport-security" in response.headers


async def test_signing_out_ends_the_session_on_the_server(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await make_staff(db, role="organization", username="lee")
    await _login(client, "lee", STAFF_PASSWORD)
    token = client.cookies.get("session")
    out = await post_form(client, "/staff/logout", {}, page="/staff/login")
    assert out.status_code == 303
    assert out.headers["clear-site-data"] == '"cache", "cookies", "storage"'
    assert await StaffSession.all().count() == 0
    # Replaying the old cookie gets you nowhere.
    client.cookies.set("session", token or "", domain="testserver")
    assert (await client.get("/staff")).headers["location"] == "/staff/login"


@pytest.mark.parametrize("gap", [IDLE_TIMEOUT + timedelta(minutes=1), ABSOLUTE_TIMEOUT])
async def test_sessions_time_out(client: httpx2.AsyncClient, db: Database, gap: timedelta) -> None:
    await make_staff(db, role="organization", username="jo")
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        await _login(client, "jo", STAFF_PASSWORD)
    if gap == ABSOLUTE_TIMEOUT:
        # Stay active every 20 minutes: the absolute limit still ends it.
        for minutes in range(20, int(gap.total_seconds() // 60), 20):
            with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
                assert (await client.get("/staff")).status_code in (200, 303)
    with time_machine.travel(start + gap + timedelta(seconds=1), tick=False):
        response = await client.get("/staff")
    assert response.headers["location"] == "/staff/login"


async def test_coordinators_must_set_up_a_second_factor_first(
    client: httpx2.AsyncClient, db: Database
) -> None:
    from mutualaid.services.staff import create_staff

    passwords = client._transport.app.state.passwords  # type: ignore[attr-defined]
    await create_staff(passwords, username="newbie", password=STAFF_PASSWORD, role=Role.COORDINATOR)
    first = await _login(client, "newbie", STAFF_PASSWORD)
    assert first.headers["location"] == "/staff/totp/setup"
    assert (await client.get("/staff")).headers["location"] == "/staff/totp/setup"
    page = await client.get("/staff/totp/setup")
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text)
    assert secret
    qr = await client.get("/staff/totp/qr.svg")
    assert qr.headers["content-type"].startswith("image/svg+xml") and "<svg" in qr.text
    done = await post_form(
        client,
        "/staff/totp/setup",
        {"code": pyotp.TOTP(secret.group(1).replace(" ", "")).now()},
        page="/staff/totp/setup",
    )
    assert done.status_code == 303 and done.headers["location"] == "/staff"
    user = await StaffUser.get(username="newbie")
    assert user.totp_secret and user.totp_pending is None
    assert (await client.get("/staff")).status_code == 200


async def test_disabling_an_account_ends_its_sessions(db: Database) -> None:
    from mutualaid.services.staff import SignInRefused, current_member, set_disabled, sign_in

    staff_id, _ = await make_staff(db, role="organization", username="mo")
    admin_id, _ = await make_staff(db, role="admin")
    passwords = Passwords(memory_kib=64, time_cost=1, parallelism=1)
    session = await sign_in(passwords, username="mo", password=STAFF_PASSWORD)
    assert await current_member(session.token)
    await set_disabled(staff_id=staff_id, disabled=True, by=admin_id)
    assert await current_member(session.token) is None
    with pytest.raises(SignInRefused):
        await sign_in(passwords, username="mo", password=STAFF_PASSWORD)
    event = await AuditEvent.get(action="staff.disable")
    assert event.staff_id == admin_id and event.record_id == str(staff_id)


async def test_demo_accounts_are_refused_in_production(db: Database) -> None:
    from mutualaid.services.staff import SignInRefused, create_staff, sign_in

    passwords = Passwords(memory_kib=64, time_cost=1, parallelism=1)
    await create_staff(
        passwords,
        username="demo-x",
        password=STAFF_PASSWORD,
        role=Role.ORGANIZATION,
        is_demo=True,
    )
    with pytest.raises(SignInRefused):
        await sign_in(passwords, username="demo-x", password=STAFF_PASSWORD, allow_demo=False)
    assert await sign_in(passwords, username="demo-x", password=STAFF_PASSWORD)


async def test_changing_the_password_signs_out_everywhere_else(
    client: httpx2.AsyncClient, db: Database
) -> None:
    from mutualaid.services.staff import current_member, sign_in

    staff_id, _ = await make_staff(db, role="organization", username="val")
    passwords = Passwords(memory_kib=64, time_cost=1, parallelism=1)
    elsewhere = await sign_in(passwords, username="val", password=STAFF_PASSWORD)
    await _login(client, "val", STAFF_PASSWORD)
    short = await post_form(
        client,
        "/staff/password",
        {"current": STAFF_PASSWORD, "new": "too short", "confirm": "too short"},
        page="/staff/password",
    )
    assert short.status_code == 422 and "at least 15 characters" in short.text
    new = "a much longer passphrase here"
    done = await post_form(
        client,
        "/staff/password",
        {"current": STAFF_PASSWORD, "new": new, "confirm": new},
        page="/staff/password",
    )
    assert done.status_code == 200
    assert await current_member(elsewhere.token) is None
    assert (await client.get("/staff/password")).status_code == 200
    assert await sign_in(passwords, username="val", password=new)
    assert isinstance(staff_id, uuid.UUID)


async def test_the_audit_log_and_dead_sessions_are_purged_on_schedule(db: Database) -> None:
    from mutualaid.services.retention import purge_closed
    from mutualaid.services.staff import sign_in

    staff_id, _ = await make_staff(db, role="organization", username="old-timer")
    passwords = Passwords(memory_kib=64, time_cost=1, parallelism=1)
    await sign_in(passwords, username="old-timer", password=STAFF_PASSWORD)
    assert await AuditEvent.filter(record_id=str(staff_id)).exists()
    soon = datetime.now(UTC) + timedelta(days=30)
    receipt = await purge_closed(now=soon, retention_days=30, audit_retention_days=90)
    assert receipt.sessions == 1 and receipt.audit_events == 0
    later = datetime.now(UTC) + timedelta(days=91)
    receipt = await purge_closed(now=later, retention_days=30, audit_retention_days=90)
    assert receipt.audit_events >= 2
    assert not await AuditEvent.filter(record_id=str(staff_id)).exists()
