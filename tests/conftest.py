"""Shared fixtures: real databases (SQLite files, or PostgreSQL when asked), real app, real keys.

`MUTUALAID_TEST_POSTGRES_URL` (an admin URL such as postgres://u:p@127.0.0.1:5432/postgres)
switches the whole suite to PostgreSQL: one fresh database per session, migrated once,
emptied between tests. Without it every test gets its own migrated SQLite file.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2
import pytest
import pytest_asyncio

from mutualaid.services.demo import load_demo
from mutualaid.settings import Settings
from mutualaid.storage.db import start_storage, stop_storage
from mutualaid.storage.migrate import apply_migrations
from mutualaid.web.app import create_app

PG_ADMIN_URL = os.environ.get("MUTUALAID_TEST_POSTGRES_URL", "")
#: A client address no test should ever find stored or logged (requirement R1).
CANARY_CLIENT = ("127.13.37.42", 40404)
TABLES = (
    "used_form",
    "gift_payment",
    "disbursement",
    "stripe_event",
    "gift",
    "job_run",
    "published_report",
    "message",
    "offer_area",
    "area_neighbour",
    "organization_area",
    "queue_tally",
    "need",
    "offer",
    "counter",
    "audit_event",
    "staff_session",
    "invitation",
    "staff_user",
    "organization",
    "area",
    "category",
)


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Explicit settings for a test: fresh random secrets, nothing read from the machine."""
    values: dict[str, Any] = {
        "environment": "test",
        "database_url": f"sqlite://{tmp_path}/test.sqlite3",
        "key_file": tmp_path / "keys",
        "codename_key": secrets.token_urlsafe(32),
        "encryption_key": secrets.token_urlsafe(32),
        "session_key": secrets.token_urlsafe(32),
        "backup_key": secrets.token_urlsafe(32),
        "quick_exit_url": "https://example.org/",
        # Real argon2id, made cheap for speed; production refuses these (see test_settings).
        "argon2_memory_kib": 64,
        "argon2_time_cost": 1,
        "argon2_parallelism": 1,
    }
    values.update(overrides)
    return Settings.model_validate(values)


def pg_database_url(admin_url: str, name: str) -> str:
    return re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", admin_url, count=1)


async def _pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated once per session: a SQLite file to copy, or a PostgreSQL database."""
    if PG_ADMIN_URL:
        name = f"mutualaid_test_{uuid.uuid4().hex[:12]}"
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
        url = pg_database_url(PG_ADMIN_URL, name)
        asyncio.run(apply_migrations(url))
        yield url
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        asyncio.run(apply_migrations(f"sqlite://{path}"))
        yield str(path)


@dataclass
class Database:
    url: str
    settings: Settings

    @property
    def sqlite_file(self) -> Path | None:
        return None if self.url.startswith("postgres") else Path(self.url.removeprefix("sqlite://"))

    def raw_files(self) -> list[Path]:
        """The database file and its WAL and shared-memory files, as they are on disk."""
        base = self.sqlite_file
        assert base is not None
        return [p for p in (base, Path(f"{base}-wal"), Path(f"{base}-shm")) if p.exists()]


@pytest.fixture
def settings(tmp_path: Path, migrated_template: str) -> Settings:
    if PG_ADMIN_URL:
        return make_settings(tmp_path, database_url=migrated_template)
    target = tmp_path / "test.sqlite3"
    shutil.copyfile(migrated_template, target)
    return make_settings(tmp_path, database_url=f"sqlite://{target}")


@pytest_asyncio.fixture
async def db(settings: Settings) -> AsyncIterator[Database]:
    """The real database, started as the app starts it, with categories and demo areas."""
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    if PG_ADMIN_URL:
        from mutualaid.storage.db import connection

        await connection().execute_script(f"TRUNCATE {', '.join(TABLES)} CASCADE")
    await load_demo(codename_key=settings.secret("codename_key"))
    try:
        yield Database(settings.database_url, settings)
    finally:
        await stop_storage()


@pytest_asyncio.fixture
async def client(db: Database) -> AsyncIterator[httpx2.AsyncClient]:
    """An async client on the real app, from a client address that must never be kept."""
    app = create_app(db.settings, manage_storage=False)
    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.headers["User-Agent"] = "CANARY-UA-7f3a"
        yield c


TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
FORM_ID = re.compile(r'name="form_id" value="([^"]+)"')


async def csrf_token(client: httpx2.AsyncClient, page: str = "/") -> str:
    response = await client.get(page)
    match = TOKEN.search(response.text)
    assert match, "page has no CSRF token"
    return match.group(1)


async def post_form(
    client: httpx2.AsyncClient, path: str, data: dict[str, Any], *, page: str = "/check", **kw: Any
) -> httpx2.Response:
    """Post a form the way a browser does: with the token the page gave it."""
    response = await client.get(page)
    token = TOKEN.search(response.text)
    form_id = FORM_ID.search(response.text)
    body = {"csrf_token": token.group(1) if token else ""}
    if form_id:
        body["form_id"] = form_id.group(1)
    body.update(data)
    return await client.post(path, data=body, **kw)


CODENAME = re.compile(r'<p class="codename" id="codename" lang="en">([a-z -]+)</p>')


def need_form(**overrides: str) -> dict[str, str]:
    values = {
        "category": "food",
        "area": "downtown",
        "urgency": "now",
        "description": "Groceries for two days",
        "language": "en",
    }
    values.update(overrides)
    return values


async def post_need(client: httpx2.AsyncClient, **overrides: str) -> str:
    """Post a need through the real form and return the codename shown."""
    response = await post_form(client, "/ask", need_form(**overrides), page="/ask")
    assert response.status_code == 200, response.status_code
    match = CODENAME.search(response.text)
    assert match, "no codename on the page"
    return match.group(1)


STAFF_PASSWORD = "correct horse battery staple 42"


async def make_staff(
    db: Database,
    *,
    role: str,
    username: str | None = None,
    organization_id: uuid.UUID | None = None,
) -> tuple[uuid.UUID, str | None]:
    """A staff account through the real service; coordinators and admins get a TOTP secret."""
    import pyotp

    from mutualaid.domain.staff import TOTP_REQUIRED, Role
    from mutualaid.services.staff import Passwords, create_staff

    settings = db.settings
    passwords = Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )
    secret = pyotp.random_base32() if Role(role) in TOTP_REQUIRED else None
    staff_id = await create_staff(
        passwords,
        username=username or f"{role}-{uuid.uuid4().hex[:8]}",
        password=STAFF_PASSWORD,
        role=Role(role),
        organization_id=organization_id,
        totp_secret=secret,
    )
    return staff_id, secret


async def sign_in_client(
    client: httpx2.AsyncClient, db: Database, staff_id: uuid.UUID, secret: str | None
) -> None:
    """Sign a client in through the real services (password, then the second factor)."""
    import pyotp

    from mutualaid.services.staff import Passwords, sign_in, verify_second_factor
    from mutualaid.storage.models import StaffUser

    settings = db.settings
    passwords = Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )
    user = await StaffUser.get(id=staff_id)
    session = await sign_in(passwords, username=user.username, password=STAFF_PASSWORD)
    token = session.token
    if secret is not None:
        token = (await verify_second_factor(token, pyotp.TOTP(secret).now())).token
    client.cookies.set("session", token)


async def approved_organization(db: Database, name: str = "Night Owls Collective") -> uuid.UUID:
    """An approved organization serving Downtown, stored directly (its flow is tested apart)."""
    from mutualaid.domain.clock import now
    from mutualaid.storage.models import Area, Organization

    org = await Organization.create(
        name=name,
        description="Drop-in space with phone charging",
        public_contact="frontdesk@example.org",
        languages="en,es",
        credit="name",
        status="approved",
        worksheet={},
        no_strings_commitment=True,
        created_at=now(),
        decided_at=now(),
    )
    await org.areas.add(*await Area.filter(slug="downtown"))
    return org.id
