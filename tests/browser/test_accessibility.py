"""Every page, checked by axe-core at WCAG 2.1 AA and at 320 px wide, in English and Spanish.

The sweep covers every GET page of the route table (a test fails when a new one is not in
PAGES), filled in with real ids from the demo data, as the person who would see it: anyone,
someone holding a codename, an organization, a coordinator, an admin. Plus the pages that
only a POST shows (the codename, a need's and an offer's status, erase confirmation) and the
forms re-rendered with errors. Each page is also narrowed to 320x640: no horizontal scroll,
every form control inside the screen, and a screenshot kept in test-artifacts/screens/.

Pages do not depend on the database dialect, so the sweep runs in the SQLite pass only.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect
from starlette.routing import Route

from mutualaid.services.demo import DEMO_COORDINATOR, DEMO_ORGANIZATION_MEMBER
from mutualaid.web.app import create_app
from tests.browser.axe import axe_violations
from tests.browser.conftest import (
    ARTIFACTS,
    PROJECT_ROOT,
    REPORT_PERIOD,
    TIMEOUT_MS,
    Server,
    ServerDatabase,
)
from tests.browser.pages import (
    SPANISH_CATALOG,
    Authenticator,
    Private,
    ask_for_help,
    check_with_codename,
    enter_code,
    offer_help,
    propose,
    sign_in,
    submit_and_wait,
    the_codename_shown,
)
from tests.conftest import PG_ADMIN_URL, make_settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        bool(PG_ADMIN_URL),
        reason="pages do not depend on the database dialect: the sweep runs in the SQLite pass",
    ),
]

SCREENS = ARTIFACTS / "screens"
NARROW = ViewportSize(width=320, height=640)
WIDE = ViewportSize(width=1280, height=800)
ADMIN = ("a11y-admin", "an admin password for the accessibility sweep")
HARBOUR_LIGHT = "Harbour Light Drop-in (demo)"
LANGUAGES = ("en", "es")

#: GET routes that answer something other than an HTML page (JSON, CSV, an image, a redirect).
NOT_PAGES = frozenset(
    {
        "healthz",
        "exit",
        "services_json",
        "report_latest_json",
        "report_json",
        "report_csv",
        "staff_totp_qr",
        "staff_ledger_csv",
    }
)


@dataclass
class Visitors:
    """One signed-in browser per kind of person, and the real ids the paths need."""

    browser: Browser
    server: Server
    pages: dict[str, Page]
    ids: dict[str, str] = field(repr=False)
    contexts: list[BrowserContext] = field(default_factory=list, repr=False)

    def fresh(self) -> Page:
        """A browser of its own, for a step that signs in half-way or posts a form."""
        context = self.browser.new_context(locale="en-GB", viewport=WIDE)
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        return context.new_page()


#: A page reached by a few steps rather than by a plain GET: (visitors, language prefix) -> page.
Steps = Callable[[Visitors, str], Page]


@dataclass(frozen=True)
class Get:
    who: str
    path: str


def _ask_then(prefix: str, page: Page, server: Server) -> None:
    page.goto(server.url(f"{prefix}/ask"))
    ask_for_help(
        page, category="food", area="downtown", urgency="now", description=Private("Groceries")
    )


def _codename_page(v: Visitors, prefix: str) -> Page:
    page = v.fresh()
    _ask_then(prefix, page, v.server)
    the_codename_shown(page)
    return page


def _need_status(v: Visitors, prefix: str) -> Page:
    page = v.fresh()
    _ask_then(prefix, page, v.server)
    codename = Private(the_codename_shown(page))
    page.goto(v.server.url(f"{prefix}/check"))
    check_with_codename(page, codename)
    expect(page.locator("#status")).to_have_count(1)
    return page


def _offer_status(v: Visitors, prefix: str) -> Page:
    page = v.fresh()
    page.goto(v.server.url(f"{prefix}/offer"))
    offer_help(page, kind="ride", category="transport", areas=["downtown"], capacity=1)
    codename = Private(the_codename_shown(page))
    page.goto(v.server.url(f"{prefix}/check"))
    check_with_codename(page, codename)
    expect(page.locator("#status")).to_have_count(1)
    return page


def _erase_confirm(v: Visitors, prefix: str) -> Page:
    page = _offer_status(v, prefix)
    submit_and_wait(page, page.locator('form[action$="/check/erase"] button[type="submit"]'))
    expect(page.locator('form[action$="/check/erase"]')).to_have_count(1)
    return page


def _send_empty(path: str) -> Steps:
    """The form at `path`, sent with nothing filled in: re-rendered with its errors."""

    def steps(v: Visitors, prefix: str) -> Page:
        page = v.fresh()
        page.goto(v.server.url(prefix + path))
        form = page.locator("main form:has(button[type=submit])").last
        response = submit_and_wait(page, form.locator('button[type="submit"]').last)
        assert response.status in (401, 422), f"{path} sent empty answered {response.status}"
        return page

    return steps


def _staff_code(v: Visitors, prefix: str) -> Page:
    """The second sign-in step, reached with the password alone (no code is used up)."""
    page = v.fresh()
    page.goto(v.server.url(f"{prefix}/staff/login"))
    sign_in(page, DEMO_COORDINATOR[0], Private(DEMO_COORDINATOR[1]))
    expect(page).to_have_url(v.server.url(f"{prefix}/staff/login/code"))
    return page


def _totp_setup(v: Visitors, prefix: str) -> Page:
    """Setting up an authenticator: where an admin without one lands after the password."""
    page = v.fresh()
    page.goto(v.server.url(f"{prefix}/staff/login"))
    sign_in(page, ADMIN[0], Private(ADMIN[1]))
    if "/staff/totp/setup" not in page.url:
        page.goto(v.server.url(f"{prefix}/staff/totp/setup"))
    return page


#: Every page, as whom, at which path ({name} filled from Visitors.ids) or by which steps.
#: A key is the route's name, followed by a note when the same route is seen another way.
PAGES: dict[str, Get | Steps] = {
    # Anyone, signed in or not.
    "home": Get("anyone", "/"),
    "privacy": Get("anyone", "/privacy"),
    "agreements": Get("anyone", "/agreements"),
    "ask": Get("anyone", "/ask"),
    "offer": Get("anyone", "/offer"),
    "check": Get("anyone", "/check"),
    "erased": Get("anyone", "/check/erased"),
    "staff_login": Get("anyone", "/staff/login"),
    "org_apply": Get("anyone", "/organizations/apply"),
    "org_join": Get("anyone", "/join/{join_token}"),
    "services": Get("anyone", "/services"),
    "reports": Get("anyone", "/reports"),
    "report": Get("anyone", f"/reports/{REPORT_PERIOD}"),
    "give": Get("anyone", "/give"),
    "give_thanks": Get("anyone", "/give/thanks"),
    "give_cancelled": Get("anyone", "/give/cancelled"),
    # Someone holding a codename (only a POST shows these).
    "codename shown": _codename_page,
    "need status": _need_status,
    "offer status": _offer_status,
    "erase confirm": _erase_confirm,
    # Forms sent back with errors.
    "ask with errors": _send_empty("/ask"),
    "offer with errors": _send_empty("/offer"),
    "apply with errors": _send_empty("/organizations/apply"),
    "staff_login with errors": _send_empty("/staff/login"),
    # Signing in.
    "staff_code": _staff_code,
    "staff_totp_setup": _totp_setup,
    # An organization's portal.
    "portal": Get("organization", "/portal"),
    "portal_members": Get("organization", "/portal/members"),
    "portal_pledge_new": Get("organization", "/portal/pledges/new"),
    "portal_pledge": Get("organization", "/portal/pledges/{pledge_id}"),
    "portal_needs": Get("organization", "/portal/needs"),
    "portal_need": Get("organization", "/portal/needs/{need_id}"),
    "portal_notifications": Get("organization", "/portal/notifications"),
    "portal_give": Get("organization", "/portal/give"),
    "staff_home as organization": Get("organization", "/staff"),
    "staff_password": Get("organization", "/staff/password"),
    # A coordinator.
    "staff_home": Get("coordinator", "/staff"),
    "home as coordinator": Get("coordinator", "/"),
    "staff_queue": Get("coordinator", "/staff/queue"),
    "staff_need": Get("coordinator", "/staff/needs/{need_id}"),
    "staff_offers": Get("coordinator", "/staff/offers"),
    "staff_organizations": Get("coordinator", "/staff/organizations"),
    "staff_organization": Get("coordinator", "/staff/organizations/{org_id}"),
    "staff_areas": Get("coordinator", "/staff/areas"),
    "staff_area": Get("coordinator", "/staff/areas/{area_id}"),
    "staff_categories": Get("coordinator", "/staff/categories"),
    "staff_purging": Get("coordinator", "/staff/purging"),
    "staff_jobs": Get("coordinator", "/staff/jobs"),
    "staff_ledger": Get("coordinator", "/staff/ledger"),
    # An admin.
    "staff_accounts": Get("admin", "/staff/accounts"),
}


def _get_route_names() -> set[str]:
    app = create_app(make_settings(Path("unused")))
    return {
        route.name
        for route in app.routes
        if isinstance(route, Route) and route.methods and "GET" in route.methods
    }


def test_every_get_page_is_in_the_sweep() -> None:
    """A new page must be added to PAGES (or, if it is not HTML, to NOT_PAGES)."""
    pages = _get_route_names() - NOT_PAGES
    swept = {name.split(" ")[0] for name in PAGES}
    assert pages - swept == set(), "GET pages missing from the accessibility sweep"
    assert _get_route_names() >= NOT_PAGES, "NOT_PAGES names a route that is gone"


# --- Signing everyone in, once for the module ------------------------------------------


def _create_admin(server: Server) -> None:
    done = subprocess.run(
        [
            *(sys.executable, "-m", "mutualaid", "create-staff"),
            *("--username", ADMIN[0], "--role", "admin", "--password-stdin"),
        ],
        cwd=PROJECT_ROOT,
        env=server.env,
        input=ADMIN[1] + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, "`mutualaid create-staff` failed for the sweep's admin"


def _admin_enrols(page: Page, server: Server) -> None:
    page.goto(server.url("/staff/login"))
    sign_in(page, ADMIN[0], Private(ADMIN[1]))
    expect(page).to_have_url(server.url("/staff/totp/setup"))
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.locator("input#code").fill(pyotp.TOTP(secret).now())
    submit_and_wait(page, page.locator('main form button[type="submit"]'))
    expect(page).to_have_url(server.url("/staff"))


def _coordinator_signs_in(page: Page, server: Server, authenticator: Authenticator) -> None:
    page.goto(server.url("/staff/login"))
    sign_in(page, DEMO_COORDINATOR[0], Private(DEMO_COORDINATOR[1]))
    enter_code(page, authenticator.next_code())
    expect(page).to_have_url(server.url("/staff"))


def _organization_signs_in(page: Page, server: Server) -> None:
    page.goto(server.url("/staff/login"))
    sign_in(page, DEMO_ORGANIZATION_MEMBER[0], Private(DEMO_ORGANIZATION_MEMBER[1]))
    expect(page).to_have_url(re.compile(re.escape(server.url("")) + r"/(staff|portal)$"))


def _need_matched_to_the_organization(
    v: Visitors, db: ServerDatabase, org_id: str, coordinator: Page
) -> str:
    """A member asks for a phone charge in Downtown this coming week; the coordinator
    proposes the demo organization's charging hours. Returns the need's id."""
    before = {str(row[0]) for row in db.rows("SELECT id FROM need")}
    member = v.fresh()
    member.goto(v.server.url("/ask"))
    first = datetime.now(UTC).date() + timedelta(days=1)
    ask_for_help(
        member,
        category="phone-charging",
        area="downtown",
        urgency="window",
        description=Private("A phone charge one evening"),
        between=(first, first + timedelta(days=6)),
    )
    the_codename_shown(member)
    new = {str(row[0]) for row in db.rows("SELECT id FROM need")} - before
    assert len(new) == 1, "could not tell which need the sweep posted"
    need_id = new.pop()
    theirs = {
        str(row[0]) for row in db.rows("SELECT id FROM offer WHERE organization_id = ?", org_id)
    }
    coordinator.goto(v.server.url(f"/staff/needs/{need_id}"))
    suggested = [
        (row.get_attribute("id") or "").removeprefix("suggestion-")
        for row in coordinator.locator("#suggestions tbody tr").all()
    ]
    ours = [offer for offer in suggested if offer in theirs]
    assert ours, "the demo organization's pledge was not suggested for the sweep's need"
    propose(coordinator, ours[0])
    return need_id


def _join_token(page: Page, server: Server) -> str:
    page.goto(server.url("/portal/members"))
    submit_and_wait(page, page.locator('form[action$="/portal/members/invite"] button'))
    link = page.locator("#join-link").inner_text().strip()
    return link.rsplit("/join/", 1)[1]


@pytest.fixture(scope="module")
def visitors(
    server: Server,
    browser: Browser,
    server_database: ServerDatabase,
    authenticator: Authenticator,
) -> Iterator[Visitors]:
    v = Visitors(browser=browser, server=server, pages={}, ids={})
    for who in ("anyone", "coordinator", "organization", "admin"):
        v.pages[who] = v.fresh()
    _create_admin(server)
    _admin_enrols(v.pages["admin"], server)
    _coordinator_signs_in(v.pages["coordinator"], server, authenticator)
    _organization_signs_in(v.pages["organization"], server)
    db = server_database
    org_id = str(db.rows("SELECT id FROM organization WHERE name = ?", HARBOUR_LIGHT)[0][0])
    v.ids["org_id"] = org_id
    v.ids["pledge_id"] = str(
        db.rows("SELECT id FROM offer WHERE organization_id = ? LIMIT 1", org_id)[0][0]
    )
    v.ids["area_id"] = str(db.rows("SELECT id FROM area WHERE slug = 'downtown'")[0][0])
    v.ids["need_id"] = _need_matched_to_the_organization(v, db, org_id, v.pages["coordinator"])
    v.ids["join_token"] = _join_token(v.pages["organization"], server)
    try:
        yield v
        for context in v.contexts:
            _left_nothing_behind(context, server)
    finally:
        for context in v.contexts:
            context.close()


def _left_nothing_behind(context: BrowserContext, server: Server) -> None:
    """What every journey is checked for (tests/browser/conftest.py): no web storage, and
    no cookie but the CSRF one and the staff session."""
    for page in context.pages:
        if page.url.startswith(server.origin + "/"):
            assert page.evaluate("window.localStorage.length") == 0, "localStorage was used"
            keys = page.evaluate("Object.keys(window.sessionStorage)")
            assert keys == [], f"sessionStorage keys: {keys}"
    assert context.storage_state(indexed_db=True)["origins"] == [], "web storage was used"
    names = {cookie["name"] for cookie in context.cookies()}
    assert names <= {"csrf", "session"}, f"cookies: {sorted(names)}"


# --- The sweep ------------------------------------------------------------------------------


#: Whatever the page is, it must fit: nothing wider than the screen, every control on it.
_FITS = """() => {
  const width = document.documentElement.clientWidth;
  const controls = [...document.querySelectorAll(
    'main input:not([type=hidden]), main select, main textarea, main button')]
    // Shown, and not in a table's own sideways-scrolling box (focus scrolls them into view).
    .filter(el => el.getClientRects().length > 0 && !el.closest('details:not([open])'))
    .filter(el => !el.closest('.table-scroll'))
    .filter(el => {
      const r = el.getBoundingClientRect();
      return r.width === 0 || r.left < -1 || r.right > width + 1;
    })
    .map(el => el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}[name=${el.name}]`);
  const name = el => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
    [...el.classList].map(c => `.${c}`).join('');
  // The outermost elements that reach past the screen's right edge: what to fix.
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll'))
    .filter(el => el.parentElement.getBoundingClientRect().right <= width + 1)
    .map(el => `${name(el.parentElement)} > ${name(el)}`);
  return {scroll: document.scrollingElement.scrollWidth, width, outside: controls, wide};
}"""


def _open(v: Visitors, name: str, prefix: str) -> tuple[Page, bool]:
    """The page, and whether it is a browser of its own (checked and closed after the test)."""
    how = PAGES[name]
    if isinstance(how, Get):
        page = v.pages[how.who]
        response = page.goto(v.server.url(prefix + how.path.format(**v.ids)))
        assert response is not None and response.status == 200, f"{name}: {response}"
        return page, False
    return how(v, prefix), True


def _screenshot_name(language: str, name: str) -> Path:
    return SCREENS / f"{language}-{name.replace(' ', '-')}.png"


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_passes_axe_and_fits_320px(visitors: Visitors, language: str, name: str) -> None:
    if language == "es" and not SPANISH_CATALOG:
        pytest.skip("the Spanish catalog is not compiled (make dev-deps compiles it)")
    prefix = "" if language == "en" else f"/{language}"
    page, own = _open(visitors, name, prefix)
    try:
        _check(page, language, name)
        if own:
            _left_nothing_behind(page.context, visitors.server)
    finally:
        if own:
            visitors.contexts.remove(page.context)
            page.context.close()


def _check(page: Page, language: str, name: str) -> None:
    assert page.evaluate("document.documentElement.lang") == language
    violations = axe_violations(page)
    page.set_viewport_size(NARROW)
    try:
        fit = page.evaluate(_FITS)
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=_screenshot_name(language, name), full_page=True)
    finally:
        page.set_viewport_size(WIDE)
    assert violations == [], "axe found:\n" + "\n".join(map(str, violations))
    assert fit["scroll"] <= NARROW["width"], (
        f"scrolls sideways at 320 px: {fit['scroll']} px, past the edge: {fit['wide'][:5]}"
    )
    assert fit["outside"] == [], f"controls outside the screen at 320 px: {fit['outside']}"


def test_axe_finds_what_it_is_there_to_find(visitors: Visitors) -> None:
    """The sweep's zero means something: on a page with faults planted in it (an image with
    no text, an unlabelled field, grey on white), axe reports each of them."""
    page = visitors.pages["anyone"]
    page.goto(visitors.server.url("/agreements"))
    page.evaluate(
        """() => {
          const main = document.querySelector('main');
          const img = document.createElement('img');
          img.src = '/static/favicon.svg';
          const input = document.createElement('input');
          input.type = 'text';
          const faint = document.createElement('p');
          faint.textContent = 'Hard to read';
          faint.style.color = '#c8c8c8';
          main.append(img, input, faint);
        }"""
    )
    found = {violation.rule for violation in axe_violations(page)}
    assert {"image-alt", "label", "color-contrast"} <= found, found
