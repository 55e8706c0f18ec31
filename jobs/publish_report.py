"""Publish the transparency report of every complete month not yet published. Not run
directly: see JOBS."""

from mutualaid.domain.clock import now
from mutualaid.services.reports import publish_due
from mutualaid.settings import Settings


async def run(settings: Settings) -> dict[str, int]:
    published = await publish_due(
        now=now(), threshold=settings.report_threshold, currency=settings.currency
    )
    return {"reports_published": published}
