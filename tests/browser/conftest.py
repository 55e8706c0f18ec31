"""Browser journeys: a real server subprocess, headless Debian Chromium, JavaScript on and off.

One server and one browser for the whole browser suite: they are scoped to this package, not
the session, because sync Playwright leaves its event loop marked as running in the main
thread while it is started, and every pytest-asyncio test collected after this package would
then fail. Each test gets a fresh browser context (its own cookies and storage), and after
every passing journey we check what the browser was left with: requests only to the app's
own origin, no web storage, and one CSRF cookie that carries nothing of a codename (plus,
for journeys that sign staff in, at most the staff `session` cookie, checked the same way).

The server gives online through the Checkout test double (tests/funds/checkout_double.py),
started in this process: a thread, so no journey waits for it. A journey that follows a
gift to the double's payment page declares that origin (`Journey.may_visit`); its pages may
then be visited, but every request made by one of our pages must still go to our origin.

`MUTUALAID_TEST_POSTGRES_URL` (an admin URL) runs the server on a fresh PostgreSQL database,
dropped at the end; otherwise on a SQLite file in a temporary directory.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Cookie,
    Page,
    Playwright,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Request as PageRequest
from playwright.sync_api import Response as PageResponse

from mutualaid.services.demo import DEMO_TOTP_SECRET
from tests.browser.pages import Authenticator, Private
from tests.conftest import PG_ADMIN_URL, pg_database_url
from tests.funds.checkout_double import CheckoutDouble
from tests.live_server import (
    PROJECT_ROOT,
    free_port,
    pg_admin,
    run_cli,
    start_server,
    stop_server,
    wait_until_healthy,
)

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Playwright's wait for anything on a page; the app answers locally in milliseconds.
TIMEOUT_MS = 10_000
#: Codename words this short can turn up in a random 43-character token by pure chance
#: (about 1 in 6,000 per word), so for them we rely on the cookie never changing instead.
MIN_WORD_TO_SEARCH = 4
#: What htmx 2.0.11 writes to sessionStorage at load, whatever its config says.
HTMX_PATH_KEY = "htmx-current-path-for-history"
#: The staff sign-in cookie over plain http (`__Host-session` only over TLS).
SESSION_COOKIE = "session"


@dataclass(frozen=True)
class Server:
    origin: str
    quick_exit_url: str
    log_file: Path
    #: The server's environment, for `mutualaid` commands on its database (repr=False: it
    #: holds test secrets).
    env: dict[str, str] = field(default_factory=dict, repr=False)

    def url(self, path: str) -> str:
        return self.origin + path


@pytest.fixture(scope="package")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty database for the server: PostgreSQL when asked, else a SQLite file."""
    if PG_ADMIN_URL:
        name = f"mutualaid_browser_{uuid.uuid4().hex[:12]}"
        pg_admin(f'CREATE DATABASE "{name}"')
        try:
            yield pg_database_url(PG_ADMIN_URL, name)
        finally:
            pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield f"sqlite://{tmp_path_factory.mktemp('browser-db') / 'db.sqlite3'}"


class ServerDatabase:
    """The server's own database, opened read-only: for what no page shows (the aggregate
    counters) and to check that erased things are gone. Queries use `?` placeholders."""

    def __init__(self, url: str) -> None:
        self._url = url

    def __repr__(self) -> str:
        return "<server database>"

    @property
    def is_sqlite(self) -> bool:
        return self._url.startswith("sqlite://")

    def files(self) -> list[Path]:
        """The SQLite database file and its write-ahead log, where they exist (none on PG)."""
        if not self.is_sqlite:
            return []
        path = Path(self._url.removeprefix("sqlite://").split("?", 1)[0])
        return [f for f in (path, path.with_name(path.name + "-wal")) if f.exists()]

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        if self.is_sqlite:
            return self._sqlite_rows(sql, params)
        numbered = iter(range(1, sql.count("?") + 1))
        pg_sql = re.sub(r"\?", lambda _: f"${next(numbered)}", sql)
        # In a thread of its own, like _pg_admin: Playwright's loop runs in this one.
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, self._pg_rows(pg_sql, params)).result(timeout=30)

    def _sqlite_rows(self, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        path = self._url.removeprefix("sqlite://").split("?", 1)[0]
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return [tuple(row) for row in conn.execute(sql, params).fetchall()]
        finally:
            conn.close()

    async def _pg_rows(self, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        import asyncpg

        conn = await asyncpg.connect(
            self._url.replace("postgres://", "postgresql://", 1),
            server_settings={"default_transaction_read_only": "on"},
        )
        try:
            return [tuple(row) for row in await conn.fetch(sql, *params)]
        finally:
            await conn.close()


@pytest.fixture(scope="package")
def server_database(database_url: str) -> ServerDatabase:
    return ServerDatabase(database_url)


#: Counters of a month long past, so the server's start-up run of the publish-report job
#: has a report to publish (tests/browser/test_reports.py).
REPORT_PERIOD = "2020-01"
REPORT_COUNTERS = [
    ("needs_posted", "food", "Central", "community", 40),
    ("needs_posted", "housing", "Central", "community", 25),
    ("needs_posted", "transport", "Central", "community", 3),
    ("needs_fulfilled", "food", "Central", "community", 30),
    ("needs_expired", "food", "Central", "community", 12),
    ("gifts", "general", "", "individual", 20),
    ("money_in", "general", "", "individual", 150000),
]


def _count_a_past_month(database_url: str) -> None:
    rows = [(REPORT_PERIOD, *row) for row in REPORT_COUNTERS]
    sql = (
        "INSERT INTO counter (period, metric, category, area_group, source_kind, value) VALUES ({})"
    )
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as conn:
            conn.executemany(sql.format(", ".join("?" * 6)), rows)
        return

    async def insert() -> None:
        import asyncpg

        conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
        try:
            await conn.executemany(sql.format("$1, $2, $3, $4, $5, $6"), rows)
        finally:
            await conn.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, insert()).result(timeout=60)


@pytest.fixture(scope="package")
def checkout_double() -> Iterator[CheckoutDouble]:
    """Stripe Checkout for the server: the test double (no localstripe behind it: a one-time
    gift needs only the Checkout endpoints, and localstripe's start would slow every run)."""
    double = CheckoutDouble()
    double.start()
    double.webhook_secret = "whsec_test_" + secrets.token_hex(16)
    try:
        yield double
    finally:
        double.stop()


@pytest.fixture(scope="package")
def server(
    tmp_path_factory: pytest.TempPathFactory, database_url: str, checkout_double: CheckoutDouble
) -> Iterator[Server]:
    """`mutualaid migrate`, `demo` and `serve` as an operator would run them."""
    data = tmp_path_factory.mktemp("browser-server")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    quick_exit_url = f"{origin}/healthz"
    checkout_double.webhook_url = f"{origin}/stripe/webhook"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MUTUALAID_KEY_FILE": str(data / "keys"),
        "MUTUALAID_QUICK_EXIT_URL": quick_exit_url,
        "MUTUALAID_ENVIRONMENT": "test",
        # Every journey comes from 127.0.0.1; the default per-client limits (12 posts an
        # hour, 10 codename checks a minute) are for people, not for a test suite.
        "MUTUALAID_POSTS_PER_CLIENT_PER_HOUR": "1000",
        "MUTUALAID_CODENAME_CHECKS_PER_CLIENT_PER_MINUTE": "1000",
        # Online giving, through the Checkout test double; Stripe sends people back here.
        "MUTUALAID_PUBLIC_URL": origin,
        "MUTUALAID_STRIPE_SECRET_KEY": "sk_test_" + secrets.token_hex(16),
        "MUTUALAID_STRIPE_WEBHOOK_SECRET": checkout_double.webhook_secret,
        "MUTUALAID_STRIPE_API_BASE": checkout_double.base,
        "PYTHONUNBUFFERED": "1",
    }
    log = data / "server.log"
    run_cli(["migrate"], env, log)
    run_cli(["demo"], env, log)
    _count_a_past_month(database_url)
    process = start_server(port, env, log)
    try:
        wait_until_healthy(process, f"{origin}/healthz", log)
        yield Server(origin=origin, quick_exit_url=quick_exit_url, log_file=log, env=env)
    finally:
        stop_server(process)


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    manager = sync_playwright().start()
    try:
        yield manager
    finally:
        manager.stop()


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield launched
    finally:
        launched.close()


@pytest.fixture(scope="package")
def authenticator(server: Server) -> Authenticator:
    """The demo coordinator's authenticator app, one for the whole package like the server:
    the server takes each code once, so every journey must know which codes were used."""
    return Authenticator(DEMO_TOTP_SECRET)


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def js_enabled(request: pytest.FixtureRequest) -> bool:
    """Every journey runs twice; JS-only journeys parametrize this with [True] indirectly."""
    return bool(request.param)


@dataclass(frozen=True)
class Seen:
    """One request the browser made: where to, from which page, and whether it was going to
    a page (a link, a form, a redirect) rather than something a page loads."""

    url: str
    page: str
    navigation: bool


def _seen(request: PageRequest) -> Seen:
    try:
        page = request.frame.url
    except PlaywrightError:  # a request from no frame: a service worker's, say
        page = ""
    return Seen(request.url, page, request.is_navigation_request())


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Journey:
    """One person's visit: a fresh browser context, and what it was seen doing."""

    server: Server
    context: BrowserContext
    page: Page
    js: bool
    # repr=False: pytest prints a failing frame's arguments, and this must not show there.
    requests: list[Seen] = field(default_factory=list, repr=False)
    #: Other origins whose pages this journey goes to on purpose (the payment page).
    elsewhere: set[str] = field(default_factory=set, repr=False)
    failed_loads: list[str] = field(default_factory=list, repr=False)
    console_errors: list[str] = field(default_factory=list, repr=False)
    codenames: list[Private] = field(default_factory=list, repr=False)
    #: The CSRF cookie as it was first set, before anything was posted.
    first_csrf: str | None = field(default=None, repr=False)
    #: Whether this journey signs staff in, so a `session` cookie may be left beside `csrf`.
    signs_in: bool = False

    @property
    def origin(self) -> str:
        return self.server.origin

    def visit(self, path: str) -> PageResponse | None:
        response = self.page.goto(self.server.url(path))
        if self.first_csrf is None:
            self.first_csrf = self.csrf_cookie_value()
        return response

    def may_visit(self, origin: str) -> None:
        """This journey follows a link to another site's pages (never loads from it)."""
        self.elsewhere.add(origin)

    def keep(self, codename: str) -> Private:
        """Remember a codename, the way someone would write it down."""
        kept = Private(codename)
        self.codenames.append(kept)
        return kept

    def csrf_cookie_value(self) -> str | None:
        values = [c["value"] for c in self.context.cookies() if c["name"] == "csrf"]
        return values[0] if values else None

    def forget_first_cookie(self) -> None:
        """After quick exit the browser was told to drop its cookies; start counting anew."""
        self.first_csrf = None

    def will_sign_in(self) -> None:
        """This journey signs staff in: the `session` cookie is allowed (and checked)."""
        self.signs_in = True

    def signed_out(self) -> None:
        """Signing out tells the browser to drop this site's cookies (Clear-Site-Data); the
        page it lands on sets a fresh CSRF cookie, which must then stay as it is."""
        self.first_csrf = self.csrf_cookie_value()

    def cookie_names(self) -> list[str]:
        return sorted(c["name"] for c in self.context.cookies())

    def check_what_the_browser_was_left_with(self) -> None:
        self._only_our_origin()
        self._no_web_storage()
        self._only_our_cookies()
        assert not self.failed_loads, f"failed loads: {self.failed_loads}"
        assert not self.console_errors, f"console errors: {self.console_errors}"

    def _only_our_origin(self) -> None:
        """Pages go only to our origin (or one declared with `may_visit`), and each page loads
        only from its own origin: ours load nothing from anywhere else."""
        assert self.requests, "no requests were recorded"
        pages = {self.origin, *self.elsewhere}
        elsewhere = [
            seen.url
            for seen in self.requests
            if _origin_of(seen.url) not in pages
            or not (seen.navigation or _origin_of(seen.url) == _origin_of(seen.page))
        ]
        assert not elsewhere, f"requests left the app's origin: {elsewhere}"
        forms = [encoding for c in self.codenames for encoding in (quote(c), quote_plus(c), c)]
        in_url = sum(1 for seen in self.requests for f in forms if f in seen.url)
        assert in_url == 0, "a codename appeared in a request URL"

    def _no_web_storage(self) -> None:
        if not self.page.url.startswith(self.origin + "/"):
            self.visit("/")
        local = self.page.evaluate("window.localStorage.length")
        assert local == 0, "the app left something in localStorage"
        session = self.page.evaluate("Object.keys(window.sessionStorage)")
        assert session == [], f"the app left keys in sessionStorage: {session}"
        state = self.context.storage_state(indexed_db=True)
        assert state["origins"] == [], "the browser holds web storage for an origin"

    def _only_our_cookies(self) -> None:
        cookies = {c["name"]: c for c in self.context.cookies()}
        names = sorted(cookies)
        allowed = (["csrf"], ["csrf", SESSION_COOKIE]) if self.signs_in else (["csrf"],)
        assert names in allowed, f"cookies in the browser: {names}"
        for cookie in cookies.values():
            self._cookie_is_strict(cookie)
        if self.first_csrf is not None:
            unchanged = cookies["csrf"]["value"] == self.first_csrf
            assert unchanged, "the CSRF cookie changed after the first page"

    def _cookie_is_strict(self, cookie: Cookie) -> None:
        name = cookie["name"]
        assert cookie["httpOnly"] is True, f"the {name} cookie is readable by scripts"
        assert cookie["sameSite"] == "Strict", f"the {name} cookie is not SameSite=Strict"
        assert cookie["domain"] == "127.0.0.1", f"the {name} cookie is for another host"
        assert cookie["path"] == "/", f"the {name} cookie is not for the whole site"
        if name == SESSION_COOKIE:
            ends_with_browser = cookie["expires"] == -1
            assert ends_with_browser, "the session cookie outlives the browser session"
        words = {w for c in self.codenames for w in c.split() if len(w) >= MIN_WORD_TO_SEARCH}
        leaked = sum(1 for w in words if w in cookie["value"])
        assert leaked == 0, f"the {name} cookie contains a codename word"


_PHASE_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report: pytest.TestReport = yield
    item.stash.setdefault(_PHASE_REPORTS, {})[report.when] = report
    return report


def _open_visit(server: Server, browser: Browser, js: bool) -> Journey:
    """A fresh browser context for one person, recording what it is seen doing."""
    context = browser.new_context(java_script_enabled=js, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    visit = Journey(server=server, context=context, page=page, js=js)
    context.on("request", lambda r: visit.requests.append(_seen(r)))

    def on_response(response: PageResponse) -> None:
        # Pages may answer 404 or 422 on purpose (the tests check those); nothing else may fail.
        failed = response.status >= 400 and response.request.resource_type != "document"
        if response.status >= 500 or failed:
            visit.failed_loads.append(f"{response.status} {response.request.method} {response.url}")

    context.on("response", on_response)

    def on_console(message: ConsoleMessage) -> None:
        # "Failed to load resource" repeats a response status, and on_response judges those
        # (Chromium's own /favicon.ico request, which the app answers 404, is not seen there).
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            visit.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    return visit


def _after_the_visit(request: pytest.FixtureRequest, visit: Journey, who: str = "") -> None:
    """After a passing test, check what the browser was left with; after a failing one,
    keep a screenshot of where it stood."""
    call = item_report(request.node, "call")
    if call is not None and call.passed:
        visit.check_what_the_browser_was_left_with()
    elif call is not None and call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = request.node.name.replace("/", "_").replace("[", "-").rstrip("]")
        suffix = f"-{who}" if who else ""
        visit.page.screenshot(path=ARTIFACTS / f"failed-{name}{suffix}.png", full_page=True)


@pytest.fixture
def journey(
    request: pytest.FixtureRequest, server: Server, browser: Browser, js_enabled: bool
) -> Iterator[Journey]:
    visit = _open_visit(server, browser, js_enabled)
    try:
        yield visit
        _after_the_visit(request, visit)
    finally:
        visit.context.close()


#: Opens another person's browser for a journey: `arrives("coordinator")`.
Arrival = Callable[[str], Journey]


@pytest.fixture
def another_person(
    request: pytest.FixtureRequest, server: Server, browser: Browser, js_enabled: bool
) -> Iterator[Arrival]:
    """Other people in the same journey (a coordinator, an organization), each on a browser
    of their own with scripts on or off like the journey's, and each checked afterwards the
    same way: only our origin, no web storage, only our cookies."""
    arrived: list[tuple[str, Journey]] = []

    def arrives(who: str) -> Journey:
        visit = _open_visit(server, browser, js_enabled)
        arrived.append((who, visit))
        return visit

    try:
        yield arrives
        for who, visit in arrived:
            _after_the_visit(request, visit, who)
    finally:
        for _who, visit in arrived:
            visit.context.close()


def item_report(item: pytest.Item, when: str) -> pytest.TestReport | None:
    return item.stash.get(_PHASE_REPORTS, {}).get(when)
