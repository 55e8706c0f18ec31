"""Public transparency reports: the list, each month as HTML (server-rendered SVG charts,
each with its data table; no JavaScript needed), and the frozen JSON and a CSV of it."""

from __future__ import annotations

import csv
import io
import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mutualaid.domain.reports import csv_rows
from mutualaid.services import reports
from mutualaid.web import report_view
from mutualaid.web.auth import audience
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render

PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


async def _published(request: Request) -> reports.Published:
    period = str(request.path_params["period"])
    found = await reports.published(period) if PERIOD.fullmatch(period) else None
    if found is None:
        raise HTTPException(404)
    return found


def _json(found: reports.Published) -> Response:
    # Byte for byte what was published, so its SHA-256 is the hash shown on the page.
    return Response(
        found.body,
        media_type="application/json",
        headers={"X-Content-SHA256": found.content_hash},
    )


@audience(Audience.PUBLIC)
async def report_list(request: Request) -> Response:
    return render(request, "reports/list.html", {"reports": await reports.published_periods()})


@audience(Audience.PUBLIC)
async def report_page(request: Request) -> Response:
    found = await _published(request)
    categories = await reports.category_labels()
    report = found.report
    tables = [
        {
            "amounts": None,
            "row_totals": None,
            **table,
            "title": str(report_view.TABLE_TITLES.get(table["id"], table["id"])),
            "chart": None if table["withheld"] else report_view.chart(table, categories),
        }
        for table in report["tables"]
    ]
    context = {
        "published": found,
        "report": report,
        "tables": tables,
        "name_of": lambda key: report_view.name_of(key, categories),
        "shown": report_view.shown,
        "money": lambda value: report_view.money(value, report["currency"]),
    }
    return render(request, "reports/report.html", context)


@audience(Audience.PUBLIC)
async def report_json(request: Request) -> Response:
    return _json(await _published(request))


@audience(Audience.PUBLIC)
async def latest_json(request: Request) -> Response:
    found = await reports.latest()
    if found is None:
        return JSONResponse({"error": "no report has been published yet"}, status_code=404)
    return _json(found)


@audience(Audience.PUBLIC)
async def report_csv(request: Request) -> Response:
    found = await _published(request)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv_rows(found.report))
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="report-{found.period}.csv"'},
    )


# Order matters: the suffixed paths before the bare period, which would match them too.
routes = [
    Route("/reports", report_list, name="reports", methods=["GET"]),
    Route("/reports/latest.json", latest_json, name="report_latest_json", methods=["GET"]),
    Route("/reports/{period}.json", report_json, name="report_json", methods=["GET"]),
    Route("/reports/{period}.csv", report_csv, name="report_csv", methods=["GET"]),
    Route("/reports/{period}", report_page, name="report", methods=["GET"]),
]
