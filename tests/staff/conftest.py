"""Payloads for the app-wide CSRF walk (tests/web/test_csrf.py): the staff POST routes."""

from __future__ import annotations

from typing import Any

import httpx2
import pyotp

from mutualaid.domain.staff import Role
from mutualaid.services.staff import Passwords, create_staff, sign_in
from tests.conftest import STAFF_PASSWORD, Database, make_staff, sign_in_client

CSRF_ROUTES = {
    "staff_login_submit",
    "staff_code_submit",
    "staff_totp_setup_submit",
    "staff_logout",
    "staff_password_submit",
    "staff_accounts_create",
    "staff_account_disable",
    "staff_account_enable",
}
#: All of them change staff accounts or sessions when accepted.
CSRF_CHANGES = CSRF_ROUTES


def _passwords(db: Database) -> Passwords:
    s = db.settings
    return Passwords(
        memory_kib=s.argon2_memory_kib,
        time_cost=s.argon2_time_cost,
        parallelism=s.argon2_parallelism,
    )


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields) a real browser would send to each staff POST route."""
    if name == "staff_login_submit":
        await make_staff(db, role="organization", username="csrf-login")
        return (
            "/staff/login",
            "/staff/login",
            {"username": "csrf-login", "password": STAFF_PASSWORD},
        )
    if name == "staff_code_submit":
        staff_id, secret = await make_staff(db, role="coordinator", username="csrf-code")
        assert secret
        session = await sign_in(_passwords(db), username="csrf-code", password=STAFF_PASSWORD)
        client.cookies.set("session", session.token)
        return "/staff/login", "/staff/login/code", {"code": pyotp.TOTP(secret).now()}
    if name == "staff_totp_setup_submit":
        await create_staff(
            _passwords(db), username="csrf-enrol", password=STAFF_PASSWORD, role=Role.COORDINATOR
        )
        session = await sign_in(_passwords(db), username="csrf-enrol", password=STAFF_PASSWORD)
        client.cookies.set("session", session.token)
        page = await client.get("/staff/totp/setup")
        secret = page.text.split('id="totp-secret">', 1)[1].split("<", 1)[0].replace(" ", "")
        return "/staff/login", "/staff/totp/setup", {"code": pyotp.TOTP(secret).now()}
    if name in ("staff_logout", "staff_password_submit"):
        staff_id, secret = await make_staff(db, role="coordinator")
        await sign_in_client(client, db, staff_id, secret)
        if name == "staff_logout":
            return "/check", "/staff/logout", {}
        new = "another long passphrase for csrf"
        return "/check", "/staff/password", {"current": STAFF_PASSWORD, "new": new, "confirm": new}
    admin_id, secret = await make_staff(db, role="admin")
    await sign_in_client(client, db, admin_id, secret)
    if name == "staff_accounts_create":
        return "/check", "/staff/accounts", {"username": "csrf-new", "role": "coordinator"}
    other_id, _ = await make_staff(db, role="coordinator")
    if name == "staff_account_enable":
        from mutualaid.services.staff import set_disabled

        await set_disabled(staff_id=other_id, disabled=True, by=admin_id)
        return "/check", f"/staff/accounts/{other_id}/enable", {}
    return "/check", f"/staff/accounts/{other_id}/disable", {}
