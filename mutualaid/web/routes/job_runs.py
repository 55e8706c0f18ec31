"""Coordinators' and admins' view of the scheduled jobs: each run's receipt, counts only."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mutualaid.services import job_runs
from mutualaid.web.auth import audience
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render


@audience(Audience.COORDINATOR)
async def receipts(request: Request) -> Response:
    return render(request, "staff/jobs.html", {"receipts": await job_runs.recent_receipts()})


routes = [Route("/staff/jobs", receipts, name="staff_jobs", methods=["GET"])]
