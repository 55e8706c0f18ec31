"""Coordinators' and admins' view of the scheduled jobs: each run's receipt, counts only."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mutualaid.i18n import _l
from mutualaid.services import job_runs
from mutualaid.web.auth import audience
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render

#: Each job's name in the reader's language (keys as in the JOBS registry).
JOB_LABELS = {
    "expire": _l("Expire"),
    "purge": _l("Purge"),
    "publish-report": _l("Publish reports"),
}

#: What each count in a receipt means, in the reader's language (keys as the jobs return them).
COUNT_LABELS = {
    "needs_expired": _l("requests expired"),
    "offers_ended": _l("offers ended"),
    "needs": _l("requests deleted"),
    "messages": _l("messages deleted"),
    "offers": _l("offers deleted"),
    "matches": _l("matches deleted"),
    "history": _l("history entries deleted"),
    "audit_events": _l("activity log entries deleted"),
    "sessions": _l("expired sign-ins deleted"),
    "job_runs": _l("old receipts deleted"),
    "used_forms": _l("used form records deleted"),
    "stripe_events": _l("payment notices deleted"),
    "abandoned_gifts": _l("unpaid gifts deleted"),
    "unsettled_gifts": _l("gifts never settled deleted"),
    "reports_published": _l("reports published"),
}


@audience(Audience.COORDINATOR)
async def receipts(request: Request) -> Response:
    context = {
        "receipts": await job_runs.recent_receipts(),
        "count_labels": COUNT_LABELS,
        "job_labels": JOB_LABELS,
    }
    return render(request, "staff/jobs.html", context)


routes = [Route("/staff/jobs", receipts, name="staff_jobs", methods=["GET"])]
