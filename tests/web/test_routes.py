"""The route table, walked: every page in full and for htmx, every response's headers,
every route's declared audience, and error pages that never show a traceback."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from uuid import uuid4

import httpx2
import pytest
from markupsafe import escape
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from mutualaid.settings import Settings
from mutualaid.web.app import create_app, route_audiences
from mutualaid.web.routes import Audience
from tests.conftest import CANARY_CLIENT, Database, make_settings
from tests.web.conftest import assert_security_headers, stored

APP = create_app(make_settings(Path("unused")))
ROUTES: list[BaseRoute] = APP.routes
PLAIN = [route for route in ROUTES if isinstance(route, Route)]
GETS = [route for route in PLAIN if route.methods and "GET" in route.methods]
POSTS = [route for route in PLAIN if route.methods and "POST" in route.methods]
AUDIENCES = route_audiences(APP)
#: Pages anyone can open as they are. Pages behind sign-in are walked by test_audiences.py
#: (anonymous visitors are sent to sign in); pages that need an id, by their own modules' tests.
OPEN_GETS = [
    route
    for route in GETS
    if AUDIENCES[route.name] in (Audience.PUBLIC, Audience.CODENAME) and not route.param_convertors
]
#: GET routes that are not HTML pages, and what they answer instead.
NOT_PAGES = {
    "healthz": "json",
    "exit": "redirect",
    "services_json": "json",
    # JSON too, but a fresh database has no published report yet: a JSON 404.
    "report_latest_json": "json-missing",
    # Steps of signing in: without a half-finished sign-in they send you to the start.
    "staff_code": "redirect",
    "staff_totp_setup": "redirect",
    "staff_totp_qr": "redirect",
}
VARY = "HX-Request, HX-Target"
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def _name(route: BaseRoute) -> str:
    return str(getattr(route, "name", route))


def _path(route: Route) -> str:
    """The route's path, with a random id for every parameter: nothing that exists."""
    return str(route.url_path_for(route.name, **dict.fromkeys(route.param_convertors, uuid4())))


def test_the_route_table_is_what_these_tests_walk() -> None:
    assert GETS and POSTS
    assert {_name(r) for r in ROUTES if not isinstance(r, Route)} == {"static"}
    static = next(r for r in ROUTES if isinstance(r, Mount))
    assert static.path == "/static"
    for route in PLAIN:
        assert route.methods is not None
        assert route.methods <= {"GET", "HEAD", "POST"}, route.name


def test_every_route_declares_its_audience() -> None:
    audiences = route_audiences(APP)
    for route in ROUTES:
        assert _name(route) in audiences, _name(route)
        assert isinstance(audiences[_name(route)], Audience)
    # No stale declarations for routes that are gone.
    assert set(audiences) == {_name(route) for route in ROUTES}


def test_codename_routes_take_the_codename_only_in_a_post_body() -> None:
    audiences = route_audiences(APP)
    codename_routes = [r for r in PLAIN if audiences[r.name] is Audience.CODENAME]
    assert codename_routes
    for route in codename_routes:
        assert route.methods == {"POST"}, route.name


@pytest.mark.parametrize("route", OPEN_GETS, ids=_name)
async def test_every_get_page_in_full_and_for_htmx(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> None:
    before = await stored()
    full = await client.get(route.path)
    assert_security_headers(full)
    if route.name in NOT_PAGES:
        assert "<html" not in full.text
        if NOT_PAGES[route.name] == "json":
            assert full.status_code == 200
            assert full.headers["content-type"] == "application/json"
        elif NOT_PAGES[route.name] == "json-missing":
            assert full.status_code == 404
            assert full.headers["content-type"] == "application/json"
        else:
            assert full.status_code == 303
        assert await stored() == before
        return

    htmx = await client.get(route.path, headers={"HX-Request": "true"})
    assert full.status_code == htmx.status_code == 200
    for response in (full, htmx):
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert response.headers["vary"] == VARY
        assert_security_headers(response)
    assert full.text.startswith("<!doctype html>")
    assert "<html" in full.text and "</html>" in full.text
    for part in ("<html", "<head", "<body", "<title", "<script", "<header", "<footer"):
        assert part not in htmx.text
    # The same content block, without the layout around it.
    assert H1.findall(full.text) == H1.findall(htmx.text)
    assert len(H1.findall(htmx.text)) == 1
    assert await stored() == before


@pytest.mark.parametrize("route", [r for r in OPEN_GETS if r.name not in NOT_PAGES], ids=_name)
async def test_htmx_history_restores_get_the_full_page(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> None:
    response = await client.get(
        route.path, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" in response.text


@pytest.mark.parametrize("route", GETS, ids=_name)
async def test_get_requests_never_change_what_is_stored(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> None:
    query = {
        "category": "food",
        "area": "downtown",
        "urgency": "now",
        "description": "from a query string",
        "kind": "ride",
        "areas": "downtown",
        "capacity": "2",
        "codename": "abacus abdomen abdominal abide abiding ability ablaze",
        "confirm": "yes",
    }
    before = await stored()
    for method in ("GET", "HEAD"):
        response = await client.request(method, _path(route), params=query)
        assert response.status_code < 500
    assert await stored() == before


@pytest.mark.parametrize(
    "route", [r for r in POSTS if r.path not in {g.path for g in GETS}], ids=_name
)
async def test_post_only_routes_refuse_get_kindly(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> None:
    response = await client.get(_path(route))
    assert response.status_code == 405
    assert escape("That doesn't work here") in response.text
    assert "<html" in response.text
    assert_security_headers(response)


@pytest.mark.parametrize("htmx", [False, True])
async def test_not_found_is_a_kind_page_with_every_header(
    client: httpx2.AsyncClient, db: Database, htmx: bool
) -> None:
    headers = {"HX-Request": "true"} if htmx else {}
    for path in ("/no-such-page", "/check/nope", "/static/no-such-file.css", "/ask/"):
        response = await client.get(path, headers=headers)
        assert response.status_code in (404, 307), path
        if response.status_code == 307:
            continue
        assert "find that page" in response.text
        assert ("<html" in response.text) is not htmx
        assert_security_headers(response, static=path.startswith("/static/"))
        assert "Traceback" not in response.text


async def test_static_files_get_the_security_headers(client: httpx2.AsyncClient) -> None:
    for path, kind in (
        ("/static/css/site.css", "text/css"),
        ("/static/js/quick-exit.js", "javascript"),
        ("/static/js/htmx-2.0.11.min.js", "javascript"),
    ):
        response = await client.get(path)
        assert response.status_code == 200
        assert kind in response.headers["content-type"]
        assert_security_headers(response, static=True)
        assert response.headers.get("cache-control") != "no-store"


async def test_pages_load_nothing_from_elsewhere(client: httpx2.AsyncClient, db: Database) -> None:
    for route in GETS:
        if route.name in NOT_PAGES:
            continue
        text = (await client.get(route.path)).text
        assert not re.search(r'(?:src|href|action)="(?:https?:)?//', text), route.name
        assert "<script>" not in text, route.name
        assert not re.search(r"\s(?:on[a-z]+|style)=", text), route.name


SECRET_IN_ERROR = "zoom-abacus-secret-detail-4242"


async def _boom(request: Request) -> Response:
    raise RuntimeError(f"failed while handling {SECRET_IN_ERROR}")


@pytest.mark.parametrize("htmx", [False, True])
async def test_a_crash_shows_a_kind_page_and_hides_the_details(
    settings: Settings, caplog: pytest.LogCaptureFixture, htmx: bool
) -> None:
    app = create_app(settings, manage_storage=False)
    app.router.routes.append(Route("/boom", _boom, methods=["GET", "POST"]))
    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT, raise_app_exceptions=False)
    headers = {"HX-Request": "true"} if htmx else {}
    with caplog.at_level(logging.DEBUG):
        async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as c:
            response = await c.get("/boom", headers=headers)
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert ("<html" in response.text) is not htmx
    for leak in ("Traceback", 'File "', SECRET_IN_ERROR, "RuntimeError", "_boom"):
        assert leak not in response.text
    assert_security_headers(response)
    assert SECRET_IN_ERROR not in caplog.text
    assert CANARY_CLIENT[0] not in caplog.text
