"""sqlmap on every form and query parameter, as everyone who can reach them: none injectable.

Run in both passes of `make test`: the SQL dialect matters, so PostgreSQL is scanned too.
The survey (survey.py) finds the targets by visiting the live server; these tests then
check that the scan really tested the code behind each form (the requests got past the
CSRF check and the sign-in, so they were not all 403s) and that nothing was left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.scans.conftest import ScanResults
from tests.scans.sqlmap_scan import SqlmapRun, statuses_by_path
from tests.scans.survey import APP_ROUTES, NOT_INPUT, QUERY_ONLY, Survey
from tests.scans.tools import SQLMAP, require

PROJECT_ROOT = Path(__file__).resolve().parents[2]
#: Statuses that mean a request was stopped before the code behind the route: a wrong or
#: missing CSRF token or a forbidden role (403), a rate limit (429). (Not signed in is a
#: redirect to the sign-in page, checked apart; 401 is the sign-in form's own "no".)
STOPPED = frozenset({403, 429})
#: Forms that are not scanned, and why.
NOT_SCANNED = {
    "stripe_webhook": (
        "not a form: a JSON event signed by Stripe, refused before its body is read unless "
        "the signature is valid (tests/funds covers forged, stale and replayed events)"
    ),
    "check_offer_match": "needs a community offer proposed for a need (fields as check_offer)",
}
TESTED_THROUGH = "all tested parameters do not appear to be injectable"
FORM_ACTION = re.compile(r"<form\b[^>]*\baction=\"([^\"]*)\"[^>]*>(.*?)</form>", re.S)
FIELD_NAME = re.compile(r"\bname=\"([^\"{]+)\"")
ROUTE_NAME = re.compile(r"'([a-z_]+)'")
QUERY_READ = re.compile(r"query_params\.get\(\"([a-z_]+)\"")


@pytest.fixture(scope="module")
def sqlmap_runs(scans: ScanResults) -> list[SqlmapRun]:
    require(SQLMAP)
    assert scans.sqlmap is not None
    return scans.sqlmap


def _problems(output: str) -> str:
    """sqlmap's errors, without the request data it echoes (which holds codenames)."""
    lines = [
        line for line in output.splitlines() if re.match(r"\[[\d:]+\] \[(ERROR|CRITICAL)\]", line)
    ]
    return "\n".join(lines[-10:])


def test_sqlmap_finds_no_injectable_parameter(sqlmap_runs: list[SqlmapRun]) -> None:
    for run in sqlmap_runs:
        assert run.returncode == 0, _problems(run.output)
        found = [
            (urlsplit(row.get("Target URL", "")).path, row.get("Parameter", ""))
            for row in run.injection_points()
        ]
        assert found == [], f"sqlmap found injectable parameters: {found}"
        assert "identified the following injection point" not in run.output
        assert "testing for SQL injection on" in run.output, "sqlmap tested nothing"


def test_sqlmap_tested_every_target_to_the_end(sqlmap_runs: list[SqlmapRun], site: Survey) -> None:
    """sqlmap closes each target it tested through with this line; one per target."""
    finished = sum(run.output.count(TESTED_THROUGH) for run in sqlmap_runs)
    assert finished == len(site.targets)


def test_sqlmap_requests_reached_the_code_behind_every_form(
    sqlmap_runs: list[SqlmapRun], site: Survey
) -> None:
    """Each target had requests past the CSRF check and the sign-in, and none failed."""
    statuses = statuses_by_path(sqlmap_runs)
    requests = sum(sum(counts.values()) for counts in statuses.values())
    assert requests > 10 * len(site.targets), f"only {requests} requests were sent"
    for target in site.targets:
        path = target.path.replace("*", "")
        counts = statuses.get(target.path) or statuses.get(path)
        assert counts, f"sqlmap sent nothing to {target.route} as {target.who}"
        reached = sum(n for status, n in counts.items() if status not in STOPPED)
        assert reached, f"every request to {target.route} was stopped: {dict(counts)}"
    exchanges = [e for run in sqlmap_runs for e in run.exchanges()]
    to_sign_in = [e.path for e in exchanges if e.location.endswith("/staff/login")]
    assert not to_sign_in, f"signed-in requests were sent to sign in: {sorted(set(to_sign_in))}"
    failed = sorted({f"{e.status} {e.method} {e.path}" for e in exchanges if e.status >= 500})
    assert not failed, f"server errors under sqlmap: {failed}"


def _template_form_fields() -> dict[str, set[str]]:
    """Route name -> the names of the fields its forms send, read from the templates."""
    fields: dict[str, set[str]] = {}
    for template in (PROJECT_ROOT / "templates").rglob("*.html"):
        for action, body in FORM_ACTION.findall(template.read_text()):
            for route in ROUTE_NAME.findall(action):
                fields.setdefault(route, set()).update(FIELD_NAME.findall(body))
    return fields


def test_every_form_with_input_is_scanned(site: Survey) -> None:
    """Every POST route is scanned, or its forms send only the CSRF token, or it is listed
    in NOT_SCANNED with the reason."""
    template_fields = _template_form_fields()
    scanned = site.routes_scanned()
    posts = [r for r in APP_ROUTES if r.methods and "POST" in r.methods]
    missed = [
        route.name
        for route in posts
        if route.name not in scanned
        and route.name not in NOT_SCANNED
        and template_fields.get(route.name, {"?"}) - NOT_INPUT
    ]
    assert not missed, f"forms with input that sqlmap did not scan: {missed}"
    assert not set(NOT_SCANNED) & scanned, "a route listed as not scanned is scanned now"


def test_every_query_parameter_read_by_a_route_is_scanned(site: Survey) -> None:
    read = set()
    for module in (PROJECT_ROOT / "mutualaid" / "web").rglob("*.py"):
        read.update(QUERY_READ.findall(module.read_text()))
    scanned = {name for t in site.targets if t.method == "GET" for name in t.parameters}
    assert read - scanned == set(), "query parameters read by routes but not scanned"
    assert set().union(*QUERY_ONLY.values()) <= read
