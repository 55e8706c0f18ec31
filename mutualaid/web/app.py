"""The application factory: everything the app needs comes in through `settings`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from mutualaid.services.staff import Passwords
from mutualaid.services.storage_lifetime import storage_open
from mutualaid.services.stripe_gateway import StripeGateway
from mutualaid.settings import Settings
from mutualaid.web import errors
from mutualaid.web.middleware import CSRFProtection, LanguagePrefix, SecurityHeaders
from mutualaid.web.once import SeenForms
from mutualaid.web.ratelimit import Limit, RateLimiter
from mutualaid.web.routes import (
    Audience,
    check,
    coordinator,
    coordinator_tools,
    directory,
    give,
    job_runs,
    ledger,
    organizations,
    portal,
    portal_needs,
    posting,
    public,
    reports,
    staff,
)
from mutualaid.web.templating import build_templates

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
ROUTE_MODULES = (
    public,
    posting,
    check,
    staff,
    organizations,
    portal,
    portal_needs,
    directory,
    reports,
    job_runs,
    coordinator_tools,
    coordinator,
    give,
    ledger,
)


class MutualAidApp(Starlette):
    """Starlette with our outermost layers wrapped around even its 500 handler."""

    https: bool = False

    def build_middleware_stack(self) -> ASGIApp:
        # Outside ServerErrorMiddleware, so 500 pages get headers and the right language.
        return SecurityHeaders(LanguagePrefix(super().build_middleware_stack()), https=self.https)


def route_audiences(app: Starlette) -> dict[str, Audience]:
    """Every route's declared audience, by route name (static files are public)."""
    audiences: dict[str, Audience] = {}
    for route in app.routes:
        if isinstance(route, Mount):
            audiences[str(route.name)] = Audience.PUBLIC
        elif isinstance(route, Route):
            declared = getattr(route.endpoint, "audience", None)
            if declared is not None:
                audiences[route.name] = declared
    return audiences


def stripe_gateway(settings: Settings) -> StripeGateway | None:
    """Online giving only with both Stripe keys; without them the rest runs as ever."""
    if settings.stripe_secret_key is None or settings.stripe_webhook_secret is None:
        return None
    return StripeGateway(
        settings.stripe_secret_key.get_secret_value(),
        settings.stripe_webhook_secret.get_secret_value(),
        api_base=settings.stripe_api_base,
    )


def create_app(
    settings: Settings, *, manage_storage: bool = True, scheduler: bool = False
) -> MutualAidApp:
    """Build the app. Tests that open the database themselves pass manage_storage=False;
    `mutualaid serve` passes scheduler=True to run the jobs here (when this process leads)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as opened:
            if manage_storage:
                await opened.enter_async_context(storage_open(settings))
            leader = None
            if scheduler:
                from jobs.leader import ScheduleLeader

                # With several workers (or processes) only the holder of the leader lock runs it.
                leader = ScheduleLeader(settings)
                leader.start()
            try:
                yield
            finally:
                if leader is not None:
                    await leader.stop()

    routes = [route for module in ROUTE_MODULES for route in module.routes]
    routes.append(Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"))
    app = MutualAidApp(
        debug=False,
        routes=routes,
        middleware=[
            Middleware(
                CSRFProtection,
                key=settings.secret("session_key"),
                https=settings.https,
                max_body_bytes=settings.max_body_bytes,
                reject=errors.reject,
                # Stripe's webhook proves its origin by signature, and reads its own body.
                exempt_paths=frozenset({give.WEBHOOK_PATH}),
            )
        ],
        exception_handlers=errors.EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.https = settings.https
    app.state.settings = settings
    app.state.templates = build_templates()
    app.state.seen_forms = SeenForms()
    app.state.stripe_gateway = stripe_gateway(settings)
    app.state.passwords = Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )
    app.state.rate_limiter = RateLimiter(
        {
            "post": Limit(settings.posts_per_client_per_hour, settings.posts_per_hour, 3600),
            "login": Limit(
                settings.staff_sign_ins_per_client_per_minute,
                settings.staff_sign_ins_per_minute,
                60,
            ),
            "check": Limit(
                settings.codename_checks_per_client_per_minute,
                settings.codename_checks_per_minute,
                60,
            ),
        }
    )
    return app
