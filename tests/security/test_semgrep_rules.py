"""Our semgrep rules can fail: each one fires on its bad examples and only there.

Every fixture line after a `ruleid: <rule>` comment must be flagged by that rule, and a line
after `ok: <rule>` must not. The real tree is scanned by `make check`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / ".semgrep" / "mutualaid.yml"
FIXTURES = Path(__file__).parent / "semgrep_fixtures"
ANNOTATION = re.compile(r"(ruleid|ok):\s*([a-z0-9-]+)")

pytestmark = pytest.mark.skipif(
    bool(PG_ADMIN_URL), reason="static scan of fixture files: no database, run in the SQLite pass"
)


def semgrep() -> str:
    found = Path(sys.executable).with_name("semgrep")
    if found.exists():
        return str(found)
    on_path = shutil.which("semgrep")
    assert on_path, "semgrep is a dev dependency: pip install -e '.[dev]'"
    return on_path


def expected_findings() -> tuple[set[tuple[str, int, str]], set[tuple[str, int, str]]]:
    """(flagged, clean): the (file, line, rule) each annotation speaks for (the next line)."""
    flagged: set[tuple[str, int, str]] = set()
    clean: set[tuple[str, int, str]] = set()
    for path in sorted(FIXTURES.iterdir()):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = ANNOTATION.search(line)
            if match:
                kind, rule = match.groups()
                (flagged if kind == "ruleid" else clean).add((path.name, number + 1, rule))
    return flagged, clean


def rule_ids() -> set[str]:
    return set(re.findall(r"^\s*- id:\s*(\S+)", RULES.read_text(), flags=re.MULTILINE))


def test_every_rule_fires_on_its_bad_examples_and_nowhere_else() -> None:
    flagged, clean = expected_findings()
    assert {rule for _, _, rule in flagged} == rule_ids(), "each rule needs a bad example"
    run = subprocess.run(
        [
            semgrep(),
            "scan",
            "--config",
            str(RULES),
            "--metrics=off",
            "--disable-version-check",
            "--json",
            "--quiet",
            str(FIXTURES),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    assert not report["errors"], report["errors"]
    found = {
        (Path(r["path"]).name, r["start"]["line"], r["check_id"].rsplit(".", 1)[-1])
        for r in report["results"]
    }
    assert found == flagged
    assert not found & clean
