"""Jinja2 set up for our pages: autoescape, gettext, and URL helpers that keep the language."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from babel.support import NullTranslations
from jinja2 import nodes
from jinja2.visitor import NodeTransformer
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Router
from starlette.templating import Jinja2Templates

from mutualaid import i18n
from mutualaid.web import htmx

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


class _ConstantGettextFolded(NodeTransformer):
    """Replaces `_("constant text")` by its translation, marked safe as newstyle gettext
    marks it, so a template compiled for one language holds its words as plain data."""

    def __init__(self, translations: NullTranslations) -> None:
        self.translations = translations

    def visit_Call(self, call: nodes.Call) -> nodes.Node:
        node = self.generic_visit(call)
        if not (
            isinstance(node, nodes.Call)
            and isinstance(node.node, nodes.Name)
            and node.node.name in ("_", "gettext")
            and len(node.args) == 1
            and isinstance(node.args[0], nodes.Const)
            and isinstance(node.args[0].value, str)
            and not (node.kwargs or node.dyn_args or node.dyn_kwargs)
        ):
            return node
        try:
            # As newstyle gettext does at render time: always a format string ("%%" is "%").
            text = self.translations.gettext(node.args[0].value) % {}
        except (TypeError, ValueError, KeyError):
            return node  # left to fail at render time, as it would have
        return nodes.MarkSafe(nodes.Const(text, lineno=node.lineno), lineno=node.lineno)


class _LanguageEnvironment(jinja2.Environment):
    """Templates compiled for one language: constant `_()` calls are translated once, when
    a template is compiled, not at every render, where 30 to 60 gettext calls were a third
    of a page's CPU (measured on the home page). Calls with values (`_("... %(name)s",
    name=...)`) and `ngettext` still run at render time."""

    def __init__(self, language: str, **options: Any) -> None:
        super().__init__(**options)
        self.language = language

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        folded = _ConstantGettextFolded(i18n.translations(self.language)).visit(tree)
        assert isinstance(folded, nodes.Template)  # noqa: S101 (the root stays the root)
        return folded


def build_templates() -> dict[str, Jinja2Templates]:
    """One Jinja environment per interface language, chosen by `render`."""
    return {language: Jinja2Templates(env=_environment(language)) for language in i18n.LANGUAGES}


def _environment(language: str) -> jinja2.Environment:
    env = _LanguageEnvironment(
        language,
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates ship with the code and change only with a restart: no stat() of the
        # file before every render.
        auto_reload=False,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    env.filters["day"] = _day
    env.globals["LANGUAGES"] = i18n.LANGUAGES
    return env


def _day(value: date | datetime | None, form: str = "medium") -> str:
    if value is None:
        return ""
    return format_date(value, form, locale=i18n.current_language())


def url(request: Request, name: str, **params: Any) -> str:
    """A path for a named route, under the current language's prefix."""
    root: str = request.scope.get("root_path", "")
    if params:
        return root + str(_route_named(request.app, name).url_path_for(name, **params))
    # A route without parameters has one path: worked out once per prefix, not per link.
    fixed: dict[tuple[str, str], str] = _app_cache(request.app, "fixed_urls")
    key = (root, name)
    if key not in fixed:
        fixed[key] = root + str(_route_named(request.app, name).url_path_for(name))
    return fixed[key]


def _app_cache(app: Starlette, name: str) -> dict[Any, Any]:
    cache: dict[Any, Any] | None = getattr(app.state, name, None)
    if cache is None:
        cache = {}
        setattr(app.state, name, cache)
    return cache


def _route_named(app: Starlette, name: str) -> Router | BaseRoute:
    """The route called `name`, looked up once: Starlette's own lookup tries every route
    in turn, and a page asks for a dozen URLs (half a page's rendering time, measured)."""
    named: dict[str, BaseRoute] = _app_cache(app, "routes_by_name")
    if not named:
        for route in app.routes:
            route_name = getattr(route, "name", None)
            if route_name is not None:
                named.setdefault(route_name, route)
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


#: Fragments kept per app, at most this many (a catalogue edit adds one per language).
_MAX_FRAGMENTS = 64


def fragment(request: Request, template: str, key: Hashable, context: dict[str, Any]) -> Markup:
    """A template's output rendered once per language and `key`, for a part of a busy page
    that is the same for everyone (a blank form's fields: most of /ask's time). `context`
    must be fully determined by `key` and the language; nothing per request or per person
    may be in it."""
    language = i18n.current_language()
    cache: dict[Any, Markup] = _app_cache(request.app, "fragments")
    full_key = (language, template, key)
    html = cache.get(full_key)
    if html is None:
        templates: Jinja2Templates = request.app.state.templates[language]
        # Our own autoescaped template's output, marked safe by Jinja itself.
        html = templates.env.get_template(template).make_module(context).__html__()
        if len(cache) >= _MAX_FRAGMENTS:
            cache.clear()
        cache[full_key] = html
    return html


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    language = i18n.current_language()
    templates: Jinja2Templates = request.app.state.templates[language]
    page = {
        "layout": htmx.layout_for(request),
        "lang": language,
        "url": lambda name, **params: url(request, name, **params),
        "language_url": lambda language: language_url(request, language),
        "csrf_token": request.scope.get("csrf_token", ""),
        "settings": request.app.state.settings,
        "staff": getattr(request.state, "staff", None),
        **(context or {}),
    }
    response = templates.TemplateResponse(request, template, page, status_code=status_code)
    return htmx.mark_vary(response)
