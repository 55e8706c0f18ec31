"""Jinja2 set up for our pages: autoescape, gettext, and URL helpers that keep the language."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Router
from starlette.templating import Jinja2Templates

from mutualaid import i18n
from mutualaid.web import htmx

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


def build_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    env.filters["day"] = _day
    env.globals["LANGUAGES"] = i18n.LANGUAGES
    return Jinja2Templates(env=env)


def _day(value: date | datetime | None, form: str = "medium") -> str:
    if value is None:
        return ""
    return format_date(value, form, locale=i18n.current_language())


def url(request: Request, name: str, **params: Any) -> str:
    """A path for a named route, under the current language's prefix."""
    root: str = request.scope.get("root_path", "")
    return root + str(_route_named(request.app, name).url_path_for(name, **params))


def _route_named(app: Starlette, name: str) -> Router | BaseRoute:
    """The route called `name`, looked up once: Starlette's own lookup tries every route
    in turn, and a page asks for a dozen URLs (half a page's rendering time, measured)."""
    named: dict[str, BaseRoute] | None = getattr(app.state, "routes_by_name", None)
    if named is None:
        named = {}
        for route in app.routes:
            route_name = getattr(route, "name", None)
            if route_name is not None:
                named.setdefault(route_name, route)
        app.state.routes_by_name = named
    # A name we don't know goes to the router, which raises Starlette's usual error.
    return named.get(name, app.router)


def language_url(request: Request, language: str) -> str:
    """The same page in another language (a GET of the same path)."""
    path = request.scope.get("route_path") or _route_path(request)
    prefix = "" if language == i18n.DEFAULT_LANGUAGE else f"/{language}"
    return prefix + path


def _route_path(request: Request) -> str:
    root = request.scope.get("root_path", "")
    path: str = request.scope["path"]
    return path[len(root) :] if root and path.startswith(root) else path


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    page = {
        "layout": htmx.layout_for(request),
        "lang": i18n.current_language(),
        "url": lambda name, **params: url(request, name, **params),
        "language_url": lambda language: language_url(request, language),
        "csrf_token": request.scope.get("csrf_token", ""),
        "settings": request.app.state.settings,
        "staff": getattr(request.state, "staff", None),
        **(context or {}),
    }
    response = templates.TemplateResponse(request, template, page, status_code=status_code)
    return htmx.mark_vary(response)
