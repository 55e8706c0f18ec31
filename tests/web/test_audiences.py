"""Every route's declared audience is enforced: walk the route table as each kind of person."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx2
import pytest
from starlette.routing import Route

from mutualaid.web.app import create_app, route_audiences
from mutualaid.web.routes import Audience
from tests.conftest import (
    Database,
    approved_organization,
    csrf_token,
    make_settings,
    make_staff,
    sign_in_client,
)

APP = create_app(make_settings(Path("unused")))
AUDIENCES = route_audiences(APP)
GUARDED = [
    (route, method)
    for route in APP.routes
    if isinstance(route, Route)
    and AUDIENCES[route.name] not in (Audience.PUBLIC, Audience.CODENAME)
    for method in sorted(route.methods or ())
    if method != "HEAD"
]
#: Who each audience admits (admins act as coordinators).
ADMITS = {
    Audience.STAFF: {"admin", "coordinator", "organization"},
    Audience.COORDINATOR: {"admin", "coordinator"},
    Audience.ADMIN: {"admin"},
    Audience.ORGANIZATION: {"organization"},
}


def _path(route: Route) -> str:
    """The route's path with a random id for every parameter: nothing that exists."""
    params = {name: str(uuid.uuid4()) for name in route.param_convertors}
    return str(route.url_path_for(route.name, **params))


def _id(case: tuple[Route, str]) -> str:
    return f"{case[1]} {case[0].path}"


def test_staff_routes_exist_for_every_staff_audience() -> None:
    assert {AUDIENCES[route.name] for route, _ in GUARDED} == set(ADMITS)


@pytest.mark.parametrize("case", GUARDED, ids=_id)
async def test_anonymous_visitors_are_sent_to_sign_in(
    client: httpx2.AsyncClient, db: Database, case: tuple[Route, str]
) -> None:
    route, method = case
    token = await csrf_token(client, "/check")
    response = await client.request(method, _path(route), data={"csrf_token": token})
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login"


@pytest.mark.parametrize("role", ["admin", "coordinator", "organization"])
async def test_each_role_reaches_only_its_own_routes(
    client: httpx2.AsyncClient, db: Database, role: str
) -> None:
    org_id = await approved_organization(db) if role == "organization" else None
    staff_id, secret = await make_staff(db, role=role, organization_id=org_id)
    await sign_in_client(client, db, staff_id, secret)
    token = await csrf_token(client, "/check")
    for route, method in GUARDED:
        response = await client.request(method, _path(route), data={"csrf_token": token})
        if role in ADMITS[AUDIENCES[route.name]]:
            # Admitted: the route runs (an unknown id is simply not found, never an error).
            assert response.status_code in (200, 303, 404, 409, 422), (role, route.path)
            assert response.status_code < 500
        else:
            assert response.status_code == 404, (role, method, route.path)
