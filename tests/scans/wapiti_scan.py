"""wapiti over the site, crawled as an anonymous visitor and as a signed-in coordinator.

Bounds, chosen to fit the time budget of `make test` (issue 8: wapiti in the SQLite pass
only, beside sqlmap): a crawl 3 links deep with at most 20 links a page, each attack module
stopped after `ATTACK_SECONDS`, and the whole scan after `SCAN_SECONDS`.

Every place wapiti could reach outside this machine is pointed at the scan server itself:
its external, internal and DNS endpoints (used only by modules we don't load, like ssrf
and xxe, but resolved at start-up all the same).
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.scans.guard import scanner_command
from tests.scans.tools import Scanner

#: Issue 8's list: xss, sql, exec, file, redirect, crlf, csrf, http_headers, cookieflags,
#: csp; and permanentxss, since community members' text is shown to coordinators.
MODULES = (
    "xss",
    "permanentxss",
    "sql",
    "exec",
    "file",
    "redirect",
    "crlf",
    "csrf",
    "http_headers",
    "cookieflags",
    "csp",
)
ATTACK_SECONDS = 10
SCAN_SECONDS = 100


@dataclass(frozen=True)
class Finding:
    section: str  # "vulnerabilities" or "anomalies"
    category: str
    module: str
    method: str
    path: str
    parameter: str
    info: str


@dataclass
class WapitiRun:
    who: str
    report_file: Path
    console_file: Path
    seconds: float = 0.0
    returncode: int = -1
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    started: float = 0.0

    @property
    def command(self) -> list[str]:
        assert self.process is not None
        return [str(arg) for arg in self.process.args]  # type: ignore[union-attr]

    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.report_file.read_text())
        return data

    def findings(self) -> list[Finding]:
        """Every vulnerability and anomaly in the report (the "additionals" are notes)."""
        report = self.report()
        return [
            Finding(
                section,
                category,
                entry.get("module", ""),
                entry.get("method", ""),
                entry.get("path", ""),
                entry.get("parameter", ""),
                entry.get("info", ""),
            )
            for section in ("vulnerabilities", "anomalies")
            for category, entries in report[section].items()
            for entry in entries
        ]

    def modules_launched(self) -> set[str]:
        console = self.console_file.read_text(errors="replace")
        return {
            line.rsplit(" ", 1)[-1] for line in console.splitlines() if "Launching module" in line
        }


def options(
    origin: str,
    out: Path,
    *,
    cookie: str = "",
    start: tuple[str, ...] = (),
    avoid: tuple[str, ...] = (),
) -> list[str]:
    args = [
        "-u", f"{origin}/",
        "--scope", "folder",
        "-m", ",".join(MODULES),
        "-d", "3",
        "--max-links-per-page", "20",
        "--max-attack-time", str(ATTACK_SECONDS),
        "--max-scan-time", str(SCAN_SECONDS),
        "--flush-session",
        "--store-session", str(out / "session"),
        "--store-config", str(out / "config"),
        "--external-endpoint", f"{origin}/",
        "--internal-endpoint", f"{origin}/",
        "--dns-endpoint", "localhost",
        "-f", "json",
        "-o", str(out / "report.json"),
        "-v", "1",
        # Quick exit ends a staff session; the Spanish pages repeat the English forms.
        "-x", f"{origin}/exit",
        "-x", f"{origin}/es/*",
    ]  # fmt: skip
    if cookie:
        args += ["-C", cookie]
    for path in start:
        args += ["-s", origin + path]
    for path in avoid:
        args += ["-x", origin + path]
    return args


def start(
    wapiti: Scanner,
    who: str,
    origin: str,
    out: Path,
    *,
    cookie: str = "",
    start_at: tuple[str, ...] = (),
    avoid: tuple[str, ...] = (),
) -> WapitiRun:
    """Start one wapiti scan (guarded: loopback only); `finish` waits for it."""
    out.mkdir(parents=True, exist_ok=True)
    command = scanner_command(
        wapiti, options(origin, out, cookie=cookie, start=start_at, avoid=avoid)
    )
    run = WapitiRun(who, out / "report.json", out / "console.txt")
    with run.console_file.open("w") as console:
        run.process = subprocess.Popen(
            command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    run.started = time.monotonic()
    return run


def finish(run: WapitiRun, ended: float) -> WapitiRun:
    """The run, once its process has exited (at `ended`, a time.monotonic() reading)."""
    assert run.process is not None
    run.returncode = run.process.wait(timeout=SCAN_SECONDS * 3)
    run.seconds = ended - run.started
    return run
