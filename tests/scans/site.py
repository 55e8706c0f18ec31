"""The site as a visitor sees it: pages reached by following links, and the forms on them.

The scans take their targets from here rather than from a hand-written list, so a form added
tomorrow is scanned tomorrow; tests/scans/test_sqlmap.py then checks the forms found against
the route table, so a form the crawl cannot reach is noticed rather than silently skipped.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx2

#: Links never followed: leaving (quick exit), files, and the Spanish copy of the same pages.
NOT_FOLLOWED = ("/exit", "/static/", "/es/", "/staff/totp/qr.svg")
#: Values for empty fields, so a post gets past "this is required" to the code behind it:
#: by field name first (a pattern matched against the whole name), then by input type.
FILL_BY_NAME = (
    (re.compile(r"slug"), ""),  # optional: made from the name
    (re.compile(r"need"), ""),  # optional: a request's id
    (re.compile(r".*amount"), "12.50"),
    (re.compile(r".*email"), "alerts@example.org"),
    (re.compile(r"hours_\d+_0_opens"), "09:00"),
    (re.compile(r"hours_\d+_0_closes"), "12:00"),
    (re.compile(r"hours_\d+_1_opens"), "14:00"),
    (re.compile(r"hours_\d+_1_closes"), "17:00"),
    (re.compile(r".*(until|_end)"), (date.today() + timedelta(days=9)).isoformat()),  # noqa: DTZ011
)
FILL_BY_TYPE = {
    "date": (date.today() + timedelta(days=2)).isoformat(),  # noqa: DTZ011 (a form's date)
    "number": "2",
    "email": "alerts@example.org",
    "time": "18:00",
    # Long enough for the password rules; never anyone's password (sign-in scans use a
    # username nobody has, so nothing is locked out).
    "password": "scan password that is long enough",
}
FILL_TEXT = "Typed by the scan, as a person would."


def fill_value(name: str, kind: str) -> str:
    for pattern, value in FILL_BY_NAME:
        if pattern.fullmatch(name):
            return value
    return FILL_BY_TYPE.get(kind, FILL_TEXT)


@dataclass(frozen=True)
class Form:
    """One form as a browser would submit it, with the page it was found on."""

    method: str
    action: str
    fields: tuple[tuple[str, str], ...] = field(repr=False)  # may hold a codename
    found_on: str = ""

    @property
    def path(self) -> str:
        return urlsplit(self.action).path

    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.fields)

    def with_values(self, values: dict[str, str]) -> Form:
        fields = tuple((name, values.get(name, value)) for name, value in self.fields)
        return Form(self.method, self.action, fields, self.found_on)


@dataclass
class _OpenForm:
    method: str
    action: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # name, value, type
    checked_radios: dict[str, str] = field(default_factory=dict)


class _PageParser(HTMLParser):
    """Links and forms (inputs, selects, textareas, named buttons) of one HTML page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: _OpenForm | None = None
        self._select: str | None = None
        self._select_value: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page, a["href"]))
        elif tag == "form":
            action = urljoin(self.page, a.get("action") or self.page)
            self._form = _OpenForm(a.get("method", "get").upper(), action)
        elif self._form is None or "disabled" in a:
            return
        elif tag in ("input", "button") and a.get("name"):
            self._input(tag, a)
        elif tag == "select" and a.get("name"):
            self._select, self._select_value = a["name"], None
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            # The option shown selected, else the first real choice (not a "choose..." blank).
            if self._select_value is None or "selected" in a or (value and not self._select_value):
                self._select_value = value
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []

    def _input(self, tag: str, a: dict[str, str]) -> None:
        assert self._form is not None
        kind = a.get("type", "submit" if tag == "button" else "text").lower()
        name, value = a["name"], a.get("value", "")
        names = [n for n, _, _ in self._form.fields]
        if kind == "radio":
            if "checked" in a:
                self._form.checked_radios[name] = value
            if name in names:
                return
        elif kind in ("submit", "image", "checkbox") and name in names:
            # One button is pressed (the first, here); one box of a group is enough for the
            # scans, which test each parameter name once.
            return
        self._form.fields.append((name, value, kind))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._form is not None and self._select is not None:
            self._form.fields.append((self._select, self._select_value or "", "select"))
            self._select = None
        elif tag == "textarea" and self._form is not None and self._textarea is not None:
            self._form.fields.append((self._textarea, "".join(self._text).strip(), "textarea"))
            self._textarea = None
        elif tag == "form" and self._form is not None:
            self.forms.append(_finished(self._form, self.page))
            self._form = None


def _finished(form: _OpenForm, page: str) -> Form:
    fields = []
    for name, value, kind in form.fields:
        chosen = form.checked_radios.get(name, value) if kind == "radio" else value
        if not chosen and kind not in ("hidden", "submit"):
            chosen = fill_value(name, kind)
        fields.append((name, chosen))
    return Form(form.method, form.action, tuple(fields), page)


def parse_page(url: str, html: str) -> tuple[list[str], list[Form]]:
    parser = _PageParser(url)
    parser.feed(html)
    parser.close()
    return parser.links, parser.forms


@dataclass
class Crawl:
    """What one visitor could reach: page paths (with queries) and the forms found there."""

    pages: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)

    def add(self, page: str, forms: Iterable[Form]) -> None:
        self.pages.append(page)
        seen = {(f.method, f.action, f.names()) for f in self.forms}
        for form in forms:
            if (form.method, form.action, form.names()) not in seen:
                self.forms.append(form)
                seen.add((form.method, form.action, form.names()))


def crawl(
    client: httpx2.Client, start: Iterable[str], *, max_pages: int = 120, avoid: Iterable[str] = ()
) -> Crawl:
    """Breadth first over same-origin links from `start`, up to `max_pages` pages.

    One page per route pattern and query shape is enough: a second need's page shows the
    same forms as the first, so ids that differ only in value are visited once.
    """
    origin = str(client.base_url).rstrip("/")
    skip = (*NOT_FOLLOWED, *avoid)
    found = Crawl()
    queue = deque(start)
    shapes: set[str] = set()
    while queue and len(found.pages) < max_pages:
        path = queue.popleft()
        shape = _shape(path)
        if shape in shapes or path.startswith(skip):
            continue
        shapes.add(shape)
        response = client.get(path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        links, forms = parse_page(origin + path, response.text)
        found.add(path, forms)
        for link in links:
            parts = urlsplit(link)
            if f"{parts.scheme}://{parts.netloc}" == origin:
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _shape(path: str) -> str:
    """A path with every id-like segment replaced, plus its query's parameter names."""
    parts = urlsplit(path)
    segments = ["{id}" if len(s) >= 20 or s.isdigit() else s for s in parts.path.split("/")]
    names = sorted(p.split("=", 1)[0] for p in parts.query.split("&") if p)
    return "/".join(segments) + "?" + "&".join(names)
