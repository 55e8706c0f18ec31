"""The people the scans act as, each a cookie jar on the live server, signed in for real.

Anonymous visitors, codename holders, an organization member, coordinators at each step of
signing in, and an admin: each is signed in through the site's own forms (no shortcut into
the database), so the cookies the scanners replay are the ones a browser would hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx2
import pyotp

from tests.browser.pages import Authenticator, Private
from tests.conftest import CODENAME
from tests.scans.site import Form, parse_page

TOTP_SECRET = re.compile(r'<code class="secret" id="totp-secret">([A-Z2-7 ]+)</code>')


@dataclass(eq=False)
class Visitor:
    """One person's browser: who they are (for messages) and their cookies."""

    who: str
    client: httpx2.Client

    def __repr__(self) -> str:
        return f"<{self.who}>"

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.client.cookies.items())

    def forms_on(self, path: str, *, post: dict[str, str] | None = None) -> list[Form]:
        """The forms of a page: fetched, or (for pages behind a post, like /check) posted."""
        response = self.submit_to(path, post) if post is not None else self.client.get(path)
        return parse_page(str(response.url), response.text)[1]

    def form(self, path: str, action: str) -> Form:
        forms = [f for f in self.forms_on(path) if f.path == action]
        assert forms, f"no form for {action} on {path}"
        return forms[0]

    def submit(self, form: Form, **values: str) -> httpx2.Response:
        filled = form.with_values(values)
        if form.method == "GET":
            return self.client.get(form.action, params=list(filled.fields))
        return self.client.post(form.action, data=dict(filled.fields))

    def submit_to(self, path: str, values: dict[str, str]) -> httpx2.Response:
        """Post `values` to `path` with this visitor's CSRF token, as the page's form would."""
        token = self.csrf_token()
        return self.client.post(path, data={"csrf_token": token, **values})

    def csrf_token(self) -> str:
        page = self.client.get("/check")
        match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
        assert match, "no CSRF token on /check"
        return match.group(1)


def arrive(origin: str, who: str) -> Visitor:
    client = httpx2.Client(base_url=origin, follow_redirects=True, timeout=30)
    visitor = Visitor(who, client)
    client.get("/")  # the CSRF cookie
    return visitor


def post_and_keep_codename(visitor: Visitor, page: str, **values: str) -> Private:
    """Ask for help (or offer it) through the page's form; the codename shown, kept private."""
    response = visitor.submit(visitor.form(page, page), **values)
    match = CODENAME.search(response.text)
    assert response.status_code == 200 and match, f"no codename after posting {page}"
    return Private(match.group(1))


def sign_in(visitor: Visitor, username: str, password: str) -> httpx2.Response:
    """The password step only: the visitor lands wherever the site sends them next."""
    form = visitor.form("/staff/login", "/staff/login")
    return visitor.submit(form, username=username, password=password)


def sign_in_with_code(
    visitor: Visitor, username: str, password: str, authenticator: Authenticator
) -> None:
    sign_in(visitor, username, password)
    form = visitor.form("/staff/login/code", "/staff/login/code")
    landed = visitor.submit(form, code=str(authenticator.next_code()))
    assert landed.url.path == "/staff", f"{visitor.who} did not get past the code step"


def sign_in_setting_up_a_code(visitor: Visitor, username: str, password: str) -> None:
    """A first sign-in: the password, then the second factor set up from the key shown."""
    page = sign_in(visitor, username, password)
    match = TOTP_SECRET.search(page.text)
    assert match, f"{visitor.who} was not asked to set up a second factor"
    code = pyotp.TOTP(match.group(1).replace(" ", "")).now()
    # The form of the page that showed the key: opening the page again makes a new key.
    form = next(f for f in parse_page(str(page.url), page.text)[1] if f.path == page.url.path)
    landed = visitor.submit(form, code=code)
    assert landed.url.path == "/staff", f"{visitor.who} could not set up a second factor"
