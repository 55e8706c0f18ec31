"""One table per run, printed and kept in docs/performance.md between per-database markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import Skipped, Timing
from benchmarks.seed import Seeded

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


@dataclass(frozen=True)
class Target:
    """A median the issue asks for, for rows whose name starts with `prefix`."""

    prefix: str
    median_ms: float


TARGETS = (
    Target("suggestions_for", 10.0),
    Target("GET /staff/queue", 30.0),
)


@dataclass(frozen=True)
class Run:
    database: str
    command: str
    machine: str
    database_version: str
    seeded: Seeded
    totals: str
    when: str
    rows: list[Timing | Skipped]


def _target(name: str) -> Target | None:
    return next((t for t in TARGETS if name.startswith(t.prefix)), None)


def _row(row: Timing | Skipped) -> str:
    target = _target(row.name)
    goal = f"< {target.median_ms:g} ms" if target else ""
    if isinstance(row, Skipped):
        return f"| {row.name} | – | – | – | – | {goal} | SKIPPED: {row.reason} |"
    verdict = ""
    if target:
        verdict = "PASS" if row.median_ms < target.median_ms else "MISS"
    note = f" ({row.note})" if row.note else ""
    return (
        f"| {row.name}{note} | {row.count} | {row.median_ms:.2f} ms | {row.p95_ms:.2f} ms "
        f"| {row.cpu_median_ms:.2f} ms | {goal} | {verdict} |"
    )


def table(run: Run) -> str:
    seeded = run.seeded
    lines = [
        f"### {run.database} ({run.when})",
        "",
        f"- Command: `{run.command}`",
        f"- Machine: {run.machine}; {run.database_version}",
        f"- Data: {seeded.needs:,} open needs and {seeded.offers:,} active offers added "
        f"({seeded.pledges:,} pledges of {seeded.organizations} approved organizations, the "
        f"rest community offers; {seeded.offer_areas:,} offer-area links); {run.totals}; "
        f"seeded in {seeded.seconds:.0f} s",
        "",
        "| measurement | n | median | p95 | median CPU, this process | target (median) | result |",
        "|---|---|---|---|---|---|---|",
        *(_row(row) for row in run.rows),
    ]
    return "\n".join(lines) + "\n"


def update_doc(run: Run, text: str, doc: Path = DOC) -> None:
    """Replace this database's section between its markers (added at the end if missing)."""
    replace_section(f"bench:{run.database.lower()}", text, doc)


def replace_section(key: str, text: str, doc: Path = DOC) -> None:
    """Replace the text between `<!-- KEY:start -->` and `<!-- KEY:end -->` (added at the end
    if missing)."""
    start = f"<!-- {key}:start -->"
    end = f"<!-- {key}:end -->"
    block = f"{start}\n{text}{end}"
    current = doc.read_text() if doc.exists() else "# Performance\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(updated)
