"""wapiti, as an anonymous visitor and as a coordinator: nothing found that is not explained.

Every vulnerability or anomaly in wapiti's JSON report fails the test unless it is listed
in JUSTIFIED, with the precise reason it does not apply, and the reason is itself checked.
What wapiti found and we fixed: a CSRF token with non-ASCII characters made the server
answer 500 (hmac.compare_digest refuses such text); tokens are now compared as bytes
(mutualaid/web/middleware.py, tests/web/test_csrf.py).
"""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest

from mutualaid.web.app import create_app
from tests.conftest import PG_ADMIN_URL, make_settings
from tests.scans.conftest import WAPITI_ON_SQLITE_ONLY, ScanResults, ScanServer
from tests.scans.tools import WAPITI, require
from tests.scans.wapiti_scan import MODULES, Finding, WapitiRun

pytestmark = pytest.mark.skipif(bool(PG_ADMIN_URL), reason=WAPITI_ON_SQLITE_ONLY)

#: The scan server speaks plain http on 127.0.0.1, as every test server does; a browser
#: would never send a Secure cookie back over it. Served over TLS (settings.https), the
#: cookies are `__Host-csrf` and `__Host-session`, both Secure:
#: test_cookies_are_secure_when_served_over_https below, and tests/staff/test_sign_in.py.
PLAIN_HTTP = "the scan server is plain http; over TLS the cookie is __Host- and Secure"
JUSTIFIED = {
    ("Secure Flag cookie", "Secure flag is not set in the cookie : csrf"): PLAIN_HTTP,
    ("Secure Flag cookie", "Secure flag is not set in the cookie : session"): PLAIN_HTTP,
}
MIN_PAGES = 10


@pytest.fixture(scope="module")
def wapiti_runs(scans: ScanResults) -> list[WapitiRun]:
    require(WAPITI)
    assert scans.wapiti is not None, scans.not_run.get("wapiti", "wapiti did not run")
    return scans.wapiti


def _explain(finding: Finding) -> str:
    return JUSTIFIED.get((finding.category, finding.info), "")


def test_wapiti_finds_nothing_unexplained(wapiti_runs: list[WapitiRun]) -> None:
    unexplained = [
        f"{run.who}: {f.category} ({f.module}) {f.method} {f.path} [{f.parameter}] {f.info}"
        for run in wapiti_runs
        for f in run.findings()
        if not _explain(f)
    ]
    assert not unexplained, "wapiti found:\n" + "\n".join(unexplained)


def test_wapiti_crawled_the_site_and_ran_every_module(wapiti_runs: list[WapitiRun]) -> None:
    for run in wapiti_runs:
        assert run.returncode == 0, run.console_file.read_text(errors="replace")[-2000:]
        pages = run.report()["infos"]["crawled_pages_nbr"]
        assert pages >= MIN_PAGES, f"wapiti crawled only {pages} pages as {run.who}"
        assert run.modules_launched() >= set(MODULES)


def test_the_coordinator_scan_stayed_signed_in(
    wapiti_runs: list[WapitiRun], scan_server: ScanServer
) -> None:
    """Staff pages were crawled as a coordinator (not bounced to the sign-in page)."""
    coordinator = next(run for run in wapiti_runs if run.who == "coordinator")
    console = coordinator.console_file.read_text(errors="replace")
    assert f"{scan_server.origin}/staff/queue" in console


def test_justified_findings_hold(scan_server: ScanServer) -> None:
    assert scan_server.origin.startswith("http://127.0.0.1:")
    assert all(reason == PLAIN_HTTP for reason in JUSTIFIED.values())


async def test_cookies_are_secure_when_served_over_https() -> None:
    """What makes the Secure-flag findings false positives: over TLS the CSRF cookie is
    Secure and __Host- prefixed (the staff session cookie: tests/staff/test_sign_in.py)."""
    app = create_app(make_settings(Path("unused"), https=True), manage_storage=False)
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="https://testserver") as client:
        response = await client.get("/no-such-page")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-csrf=")
    assert "; Secure" in cookie
