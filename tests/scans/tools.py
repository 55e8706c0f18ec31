"""The scanners as installed by `make scanners`, in .venv-scanners beside the app's venv.

They get a virtualenv of their own because wapiti pins its own httpx, sqlalchemy and more,
which must never decide the app's versions. scripts/test.sh installs them and sets
MUTUALAID_TEST_REQUIRE_SCANNERS=1, so under `make test` a missing scanner fails the scans;
a developer running pytest by hand without `make scanners` sees them skipped, with why.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCANNERS_BIN = PROJECT_ROOT / ".venv-scanners" / "bin"
REQUIRED = os.environ.get("MUTUALAID_TEST_REQUIRE_SCANNERS", "") == "1"


@dataclass(frozen=True)
class Scanner:
    name: str
    executable: Path

    @property
    def installed(self) -> bool:
        return self.executable.exists()

    @property
    def version(self) -> str:
        return _version(self.executable)


@cache
def _version(executable: Path) -> str:
    done = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    return lines[-1] if lines else "unknown"


SQLMAP = Scanner("sqlmap", SCANNERS_BIN / "sqlmap")
WAPITI = Scanner("wapiti", SCANNERS_BIN / "wapiti")


def require(scanner: Scanner) -> Scanner:
    """The scanner, or a skip (a failure under `make test`) saying how to install it."""
    if not scanner.installed:
        message = f"{scanner.name} is not installed in .venv-scanners: run `make scanners`"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    return scanner
