"""axe-core in a page: injected through the DevTools protocol, run at WCAG 2.1 A and AA.

Why `page.evaluate(source)` and not a context with `bypass_csp`: Playwright's evaluate goes
through the DevTools protocol (Runtime.evaluate), which the page's Content-Security-Policy
does not govern, so axe runs while the page keeps the exact policy people get. Bypassing CSP
would test a different page: inline styles and scripts the policy blocks would suddenly apply
and could hide (or cause) contrast and layout findings.

axe-core itself is a test-only npm package pinned in tests/browser/package.json and installed
by scripts/test.sh (`npm ci`), never fetched at test time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE_PACKAGE = NODE_MODULES / "axe-core"
AXE_VERSION = "4.14.1"
#: The rule sets of WCAG 2.0 and 2.1, levels A and AA.
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
    summaries: v.nodes.map(n => n.failureSummary || ''),
  }));
}"""


@dataclass(frozen=True)
class Violation:
    """One broken rule on one page: the rule, and the elements by CSS selector. Never the
    elements' markup or text, which may hold a codename or what someone typed."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    summaries: tuple[str, ...]

    def __str__(self) -> str:
        where = "; ".join(self.targets[:5])
        why = self.summaries[0].replace("\n", " ") if self.summaries else ""
        return f"{self.rule} ({self.impact}): {self.help} at [{where}]: {why}"


@cache
def axe_source() -> str:
    if not (AXE_PACKAGE / "package.json").exists():
        raise RuntimeError("axe-core is not installed: run `npm ci` in tests/browser")
    package = json.loads((AXE_PACKAGE / "package.json").read_text())
    if package["version"] != AXE_VERSION:
        raise RuntimeError(
            f"axe-core {package['version']} installed, {AXE_VERSION} expected: run `npm ci` "
            "in tests/browser"
        )
    return (AXE_PACKAGE / "axe.min.js").read_text()


def axe_violations(page: Page) -> list[Violation]:
    """Inject axe-core into the page as it stands and return what it finds at WCAG 2.1 AA."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    found: list[dict[str, Any]] = page.evaluate(_RUN, list(WCAG_21_AA))
    return [
        Violation(
            rule=v["id"],
            impact=str(v["impact"]),
            help=v["help"],
            targets=tuple(v["targets"]),
            summaries=tuple(v["summaries"]),
        )
        for v in found
    ]
