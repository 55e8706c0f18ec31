"""sqlmap over every surveyed target: the request log it reads, the runs, what they found.

The targets go to sqlmap as one proxy log (Burp's format, `-l`), each request with the
cookies of the visitor it belongs to, so one sqlmap process walks many forms without
paying its start-up each time; the log is split in `SHARDS` processes that run side by side.

Bounds, chosen to fit the time budget of `make test` (issue 8: about 100 s for sqlmap):
- `--technique=B` (boolean-based blind) at level 1, risk 1. Our error pages never show a
  database message, so error-based and UNION tests (which read the database's output in
  the page) cost requests without a way to succeed; boolean-blind infers from how pages
  differ, which is what a real attacker would have to do here. sqlmap's heuristic check
  still sends its quote-and-parenthesis payload to every parameter, and the test fails on
  any 5xx in the traffic, so a query broken by input (a syntax error) is caught as well.
- the weekly opening hours of a pledge are 28 fields parsed by one validator (HH:MM):
  one day's pair is scanned, the other 26 are left out (`--param-exclude`).
"""

from __future__ import annotations

import csv
import re
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.scans.guard import scanner_command
from tests.scans.survey import NOT_INPUT, Target
from tests.scans.tools import Scanner

SHARDS = 2
THREADS = 4
#: Never tested: the CSRF token and form id (NOT_INPUT), and the repeated opening hours.
PARAM_EXCLUDE = "^(" + "|".join(sorted(NOT_INPUT)) + r"|hours_(?!0_0_)\d+_\d+_(opens|closes))$"
#: "HTTP request [#N]:" then the request line, or "HTTP response [#N] (STATUS ...):" (or
#: "HTTP redirect [#N] ...") then the headers, in sqlmap's traffic file (`-t`).
ENTRY = re.compile(
    r"^HTTP (?P<kind>request|response|redirect) \[#(?P<number>\d+)\]"
    r"(?::\n(?P<head>\S+ \S+)| \((?P<status>\d{3})[^)]*\):\n)(?P<headers>.*?)\n\n",
    re.M | re.S,
)
LOCATION = re.compile(r"^location: (\S+)", re.I | re.M)


@dataclass
class Exchange:
    method: str
    path: str
    status: int = 0
    location: str = ""


@dataclass
class SqlmapRun:
    command: list[str] = field(repr=False)
    seconds: float
    returncode: int
    output: str = field(repr=False)
    results_csv: Path
    traffic_file: Path

    def injection_points(self) -> list[dict[str, str]]:
        """Rows of sqlmap's results file: one per injectable parameter it confirmed."""
        if not self.results_csv.exists():
            return []
        with self.results_csv.open(newline="") as rows:
            return [row for row in csv.DictReader(rows) if any(row.values())]

    def exchanges(self) -> list[Exchange]:
        """Every request in the traffic file with the status it got, in order. Numbers
        start again at each target, so a request is paired with the next response bearing
        its number."""
        if not self.traffic_file.exists():
            return []
        text = self.traffic_file.read_text(errors="replace").replace("\r\n", "\n")
        exchanges: list[Exchange] = []
        waiting: dict[int, Exchange] = {}
        for entry in ENTRY.finditer(text):
            number = int(entry["number"])
            if entry["kind"] == "request":
                method, url = entry["head"].split(" ", 2)[:2]
                waiting[number] = Exchange(method, urlsplit(url).path)
                exchanges.append(waiting[number])
            elif number in waiting:
                exchange = waiting.pop(number)
                exchange.status = int(entry["status"])
                location = LOCATION.search(entry["headers"])
                exchange.location = location.group(1) if location else ""
        return exchanges


def request_log(targets: list[Target], origin: str) -> str:
    """The targets as a Burp proxy log, the format sqlmap's `-l` reads."""
    netloc = urlsplit(origin).netloc
    separator = "=" * 54
    blocks = []
    for target in targets:
        target_line = target.path + (f"?{target.query}" if target.query else "")
        body = target.body.encode()
        lines = [f"{target.method} {target_line} HTTP/1.1", f"Host: {netloc}"]
        if target.cookie:
            lines.append(f"Cookie: {target.cookie}")
        if target.method == "POST":
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        request = "\n".join(lines) + "\n\n" + target.body
        heading = f"12:00:00 PM  {origin}  [127.0.0.1]"
        blocks.append(f"{separator}\n{heading}\n{separator}\n{request}\n{separator}\n\n")
    return "".join(blocks)


def _shards(targets: list[Target], count: int) -> list[list[Target]]:
    """Split the targets into `count` lists of about equal parameter counts."""
    shards: list[list[Target]] = [[] for _ in range(count)]
    weights = [0] * count
    for target in sorted(targets, key=lambda t: -len(t.parameters)):
        lightest = weights.index(min(weights))
        shards[lightest].append(target)
        weights[lightest] += max(1, len(target.parameters))
    return [shard for shard in shards if shard]


def options(log: Path, out: Path) -> list[str]:
    return [
        "-l", str(log),
        "--batch",
        "--level=1",
        "--risk=1",
        "--technique=B",
        f"--threads={THREADS}",
        "--timeout=15",
        "--retries=1",
        f"--param-exclude={PARAM_EXCLUDE}",
        # Keep each visitor's cookies as given: a cookie the server sets mid-scan (a fresh
        # CSRF cookie after a rejected post, say) must not replace them.
        "--drop-set-cookie",
        # Redirects after a post lead to pages sqlmap has no business comparing.
        "--answers=follow=N",
        "--skip-waf",
        # Answers by design that sqlmap would otherwise stop at: a wrong password is 401
        # (taken for HTTP authentication), an unknown codename or report period is 404.
        "--ignore-code=401,404",
        "--flush-session",
        "--disable-coloring",
        "--output-dir", str(out / "output"),
        "--results-file", str(out / "results.csv"),
        "-t", str(out / "traffic.txt"),
    ]  # fmt: skip


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    started: float
    out: Path


def start(sqlmap: Scanner, targets: list[Target], origin: str, workdir: Path) -> list[Running]:
    """Start sqlmap over the targets, `SHARDS` processes side by side, every one guarded."""
    running = []
    for number, shard in enumerate(_shards(targets, SHARDS)):
        out = workdir / f"sqlmap-{number}"
        out.mkdir(parents=True, exist_ok=True)
        log = out / "requests.log"
        log.write_text(request_log(shard, origin))
        command = scanner_command(sqlmap, options(log, out))
        with (out / "console.txt").open("w") as console:
            process = subprocess.Popen(
                command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        running.append(Running(process, time.monotonic(), out))
    return running


def finish(running: list[Running], ended: dict[int, float]) -> list[SqlmapRun]:
    """The runs, once their processes have exited (`ended`: exit times by process id)."""
    runs = []
    for shard in running:
        returncode = shard.process.wait(timeout=600)
        runs.append(
            SqlmapRun(
                command=[str(arg) for arg in shard.process.args],  # type: ignore[union-attr]
                seconds=ended[shard.process.pid] - shard.started,
                returncode=returncode,
                output=(shard.out / "console.txt").read_text(errors="replace"),
                results_csv=shard.out / "results.csv",
                traffic_file=shard.out / "traffic.txt",
            )
        )
    return runs


def statuses_by_path(runs: list[SqlmapRun]) -> dict[str, Counter[int]]:
    seen: dict[str, Counter[int]] = {}
    for run in runs:
        for exchange in run.exchanges():
            seen.setdefault(exchange.path, Counter())[exchange.status] += 1
    return seen
