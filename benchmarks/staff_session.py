"""A signed-in coordinator for benchmarks and load runs, made through the real services."""

from __future__ import annotations

import secrets

import pyotp

from mutualaid.domain.staff import Role
from mutualaid.services.staff import Passwords, create_staff, sign_in, verify_second_factor
from mutualaid.settings import Settings

#: The session cookie's name without TLS (the servers here are plain http on loopback).
SESSION_COOKIE = "session"


async def coordinator_session(settings: Settings) -> str:
    """A new coordinator, signed in with password and TOTP: the session token for the cookie."""
    passwords = Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )
    username = f"bench-{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(24)
    totp_secret = pyotp.random_base32()
    await create_staff(
        passwords,
        username=username,
        password=password,
        role=Role.COORDINATOR,
        totp_secret=totp_secret,
    )
    first = await sign_in(passwords, username=username, password=password)
    return (await verify_second_factor(first.token, pyotp.TOTP(totp_secret).now())).token
