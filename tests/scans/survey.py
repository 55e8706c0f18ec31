"""Everything there is to scan on a live server: each visitor's forms and query parameters.

Before crawling, the survey gives the site something to show: a need posted with a codename
and matched by a coordinator to the demo organization's pledge (so the organization's need
pages and the codename holder's consent form exist), an offer with its codename, and staff
signed in at every step (password only, setting up a second factor, fully, as admin).

Every form a scan will change gets its own codename: withdrawing or erasing is then done to
a need of its own, and the other forms keep one that still exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from starlette.routing import Match, Route
from starlette.types import Scope

from mutualaid.services.demo import DEMO_COORDINATOR, DEMO_ORGANIZATION_MEMBER, DEMO_TOTP_SECRET
from mutualaid.web.app import create_app
from tests.browser.pages import Authenticator, Private
from tests.conftest import make_settings
from tests.scans.site import Form, crawl
from tests.scans.visitors import (
    Visitor,
    arrive,
    post_and_keep_codename,
    sign_in,
    sign_in_setting_up_a_code,
    sign_in_with_code,
)

#: Staff accounts the scan server gets from `mutualaid create-staff` (conftest.py).
ADMIN = ("scan-admin", "scan admin password, not a real one")
NEWCOMER = ("scan-newcomer", "scan newcomer password, not a real one")
#: The title of the demo organization's pledge (mutualaid/services/demo.py).
DEMO_PLEDGE = "Phone charging and showers"
#: Fields that carry no input of the person's: the CSRF token (checked before any route
#: runs; a wrong one is a 403) and the double-submit guard's form id.
NOT_INPUT = frozenset({"csrf_token", "form_id"})
#: What replaces the crawl's values before scanning, so each request reaches the code behind
#: the form instead of stopping at "already sent" or locking an account. Everywhere:
#: - form_id: a malformed id counts as new, so a form can be sent again and again;
#: - code: six digits, never a valid code of anyone's.
SCAN_VALUES = {"form_id": "x", "code": "000000"}
#: And by route: sign-in as nobody at all (so no account is locked by hundreds of wrong
#: passwords), and usernames for new accounts that nothing else signs in with.
SCAN_VALUES_BY_ROUTE = {
    "staff_login_submit": {"username": "scan-nobody", "password": "the password of no one"},
    "org_apply_submit": {"username": "scan-applicant"},
    "staff_accounts_create": {"username": "scan-created"},
    "org_join_submit": {"username": "scan-joiner"},
}
#: Query parameters read by routes (request.query_params.get) that no form or link carries:
#: route name -> parameter names. test_sqlmap.py checks this against the source.
QUERY_ONLY = {
    "org_apply": ("invite",),
    "staff_organization": ("done",),
    "staff_need": ("done",),
    "staff_ledger": ("need", "done"),
    "staff_queue": ("refreshes",),
    "staff_areas": ("done",),
    "portal": ("notice",),
    "portal_need": ("notice",),
    "portal_notifications": ("done",),
}
#: Path parameters that are free text (the report period): scanned with sqlmap's `*` marker.
PATH_PARAMETERS = ("/reports/2020-01*", "/reports/2020-01*.json", "/reports/2020-01*.csv")

APP_ROUTES = [r for r in create_app(make_settings(Path("unused"))).routes if isinstance(r, Route)]


def route_of(method: str, path: str) -> str:
    """The name of the route a request would reach ("" when none would)."""
    scope: Scope = {"type": "http", "method": method, "path": path, "root_path": ""}
    for route in APP_ROUTES:
        matched, _ = route.matches(scope)
        if matched is Match.FULL:
            return route.name
    return ""


@dataclass(frozen=True)
class Target:
    """One request for sqlmap to vary, parameter by parameter, as `who`."""

    who: str
    route: str
    method: str
    path: str
    # Not shown in test output: bodies hold codenames, cookies hold sessions.
    query: str = field(repr=False)
    body: str = field(repr=False)
    cookie: str = field(repr=False)

    @property
    def parameters(self) -> list[str]:
        data = self.body if self.method == "POST" else self.query
        names = [pair.split("=", 1)[0] for pair in data.split("&") if pair]
        return [name for name in names if name not in NOT_INPUT]


@dataclass(repr=False)
class Survey:
    origin: str
    visitors: dict[str, Visitor] = field(default_factory=dict)
    #: Pages each visitor reached by following links (paths, with any query).
    pages: dict[str, list[str]] = field(default_factory=dict)
    #: Forms each visitor found (the same form may be found by several).
    forms: dict[str, list[Form]] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)

    def __repr__(self) -> str:  # what it holds (codenames, sessions) stays out of test output
        return f"<survey of {self.origin}: {len(self.targets)} targets>"

    def arrive(self, who: str) -> Visitor:
        visitor = arrive(self.origin, who)
        self.visitors[who] = visitor
        return visitor

    def close(self) -> None:
        for visitor in self.visitors.values():
            visitor.client.close()

    def routes_scanned(self) -> set[str]:
        return {t.route for t in self.targets}

    def paths_without_input(self) -> set[str]:
        """Paths of forms that carry nothing but the CSRF token (buttons like "Suspend")."""
        return {
            f.path for forms in self.forms.values() for f in forms if not set(f.names()) - NOT_INPUT
        }


def _codename_pages(holder: Visitor, needs: list[Private], offer: Private) -> list[Form]:
    """The forms a codename holder sees: for each need (one of them matched, so with the
    consent form), for the offer, and on the page that asks before erasing."""
    return [
        *(form for need in needs for form in holder.forms_on("/check", post={"codename": need})),
        *holder.forms_on("/check", post={"codename": offer}),
        *holder.forms_on("/check/erase", post={"codename": needs[0]}),
    ]


def _match_a_need(coordinator: Visitor) -> tuple[list[str], list[Form]]:
    """The coordinator matches the first need in the queue to the organization's pledge.

    Returns the pages of the first two needs, for the crawl to leave alone, and the forms of
    the second (proposing a match): the crawl then finds the third, whose forms close it
    and write to it. So no scan of one form takes away what another form needs.
    """
    queue = coordinator.client.get("/staff/queue").text
    pages = list(dict.fromkeys(re.findall(r'href="(/staff/needs/[0-9a-f-]{36})"', queue)))
    assert len(pages) >= 3, "the coordinator's queue does not show the needs posted"
    page = coordinator.client.get(pages[0]).text
    pledge = re.search(rf'<tr id="suggestion-([0-9a-f-]{{36}})">\s*<td>{DEMO_PLEDGE}', page)
    assert pledge, "the demo organization's pledge is not suggested for the need"
    match = coordinator.form(pages[0], pages[0] + "/match")
    response = coordinator.submit(match, offer_id=pledge.group(1))
    assert response.status_code == 200, "the coordinator could not match a need"
    return pages[:2], coordinator.forms_on(pages[1])


def _invitation(organization: Visitor) -> str:
    """An organization member makes a link for a colleague to join: the page it leads to."""
    invite = organization.form("/portal/members", "/portal/members/invite")
    page = organization.submit(invite).text
    link = re.search(r'id="join-link">([^<]+)</code>', page)
    assert link, "the organization got no link to join"
    return urlsplit(link.group(1)).path


def explore(found: Survey) -> None:
    """Set the scene, visit the site as everyone, and list the scan targets in `found`."""
    anonymous = found.arrive("anonymous visitor")
    holder = found.arrive("codename holder")
    coordinator = found.arrive("coordinator")
    organization = found.arrive("organization member")
    admin = found.arrive("admin")
    half_signed_in = found.arrive("coordinator at the code step")
    newcomer = found.arrive("coordinator setting up a second factor")

    wanted = {"category": "phone-charging", "area": "downtown", "urgency": "flexible"}
    needs = [post_and_keep_codename(holder, "/ask", **wanted) for _ in range(3)]
    offer = post_and_keep_codename(holder, "/offer")
    sign_in_with_code(coordinator, *DEMO_COORDINATOR, Authenticator(DEMO_TOTP_SECRET))
    sign_in(organization, *DEMO_ORGANIZATION_MEMBER)
    sign_in_setting_up_a_code(admin, *ADMIN)
    sign_in(half_signed_in, *DEMO_COORDINATOR)
    sign_in(newcomer, *NEWCOMER)
    kept_apart, open_need_forms = _match_a_need(coordinator)
    join_page = _invitation(organization)
    # A category of the network's own: only those can be renamed (built-in ones can't).
    categories = coordinator.form("/staff/categories", "/staff/categories")
    coordinator.submit(categories, name="Scan category", slug="")

    staff_start = ["/staff", "/staff/password"]
    crawls = {
        anonymous: crawl(anonymous.client, ["/", "/staff/login", "/give", join_page]),
        organization: crawl(organization.client, ["/portal", *staff_start]),
        coordinator: crawl(coordinator.client, staff_start, avoid=kept_apart),
        admin: crawl(admin.client, ["/staff/accounts"], max_pages=3),
    }
    for visitor, pages in crawls.items():
        found.pages[visitor.who] = pages.pages
        found.forms[visitor.who] = pages.forms
    found.forms[coordinator.who] += open_need_forms
    for visitor, forms in (
        (holder, _codename_pages(holder, needs, offer)),
        (half_signed_in, half_signed_in.forms_on("/staff/login/code")),
        (newcomer, newcomer.forms_on("/staff/totp/setup")),
    ):
        found.forms[visitor.who] = forms
    posted_on = {**dict.fromkeys(needs, "/ask"), offer: "/offer"}
    found.targets = [*_form_targets(found, holder, posted_on), *_query_only_targets(found)]


def _form_targets(found: Survey, holder: Visitor, posted_on: dict[str, str]) -> list[Target]:
    """Each form with input once (by its first finder), ready to send as it is."""
    targets: list[Target] = []
    scanned: set[tuple[str, tuple[str, ...]]] = set()
    for who, forms in found.forms.items():
        for form in forms:
            route = route_of(form.method, form.path)
            key = (route, form.names())
            if key in scanned or not set(form.names()) - NOT_INPUT:
                continue
            scanned.add(key)
            values = {**SCAN_VALUES, **SCAN_VALUES_BY_ROUTE.get(route, {})}
            if "codename" in form.names():
                # A codename of its own, of the same kind (a need's unless the form was for
                # an offer): this form may withdraw or erase what it belongs to.
                kind = posted_on.get(dict(form.fields)["codename"], "/ask")
                values["codename"] = post_and_keep_codename(holder, kind)
            encoded = urlencode(form.with_values(values).fields)
            query, body = (encoded, "") if form.method == "GET" else ("", encoded)
            cookie = found.visitors[who].cookie_header
            targets.append(Target(who, route, form.method, form.path, query, body, cookie))
    return targets


def _query_only_targets(found: Survey) -> list[Target]:
    """Query parameters no form sends, each on a page of the route that reads it, plus the
    report period (a path parameter of free text), marked for sqlmap with `*`."""
    targets = []
    for route, names in QUERY_ONLY.items():
        page = next(
            (
                (who, path.split("?", 1)[0])
                for who, paths in found.pages.items()
                for path in paths
                if route_of("GET", path.split("?", 1)[0]) == route
            ),
            None,
        )
        assert page is not None, f"no visitor reached a page of {route}"
        who, path = page
        query = urlencode([(name, "scan") for name in names])
        cookie = found.visitors[who].cookie_header
        targets.append(Target(who, route, "GET", path, query, "", cookie))
    anonymous = found.visitors["anonymous visitor"]
    for path in PATH_PARAMETERS:
        route = route_of("GET", path)
        targets.append(Target(anonymous.who, route, "GET", path, "", "", anonymous.cookie_header))
    return targets
