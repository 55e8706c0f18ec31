"""A month's transparency report, built only from aggregate counter rows (promise 6).

Pure: counter rows in, a JSON-ready report out. Every table goes through
domain.disclosure; nothing here ever sees a record about a person, free text, or an area
finer than the coarse area groups.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from mutualaid.domain import disclosure
from mutualaid.domain import needs as need_rules

FORMAT = 1
OUTCOMES = ("fulfilled", "unmet", "withdrawn", "expired")
SOURCE_KINDS_OFFERS = ("community", "organization")
SOURCE_KINDS_MONEY = ("individual", "organization")
BUCKETS = tuple(name for name, _ in need_rules.TIME_BUCKETS)


@dataclass(frozen=True)
class CounterRow:
    metric: str
    category: str
    area_group: str
    source_kind: str
    value: int


@dataclass(frozen=True)
class Axis:
    """Which counter dimension (or metric suffix) a table's rows or columns run along."""

    name: str
    fixed: tuple[str, ...] = ()


class Counts:
    """Sums of counter rows by metric and any of their dimensions."""

    def __init__(self, rows: Iterable[CounterRow]) -> None:
        self.rows = [r for r in rows if r.value]

    def total(self, metric: str, **key: str) -> int:
        return sum(
            r.value
            for r in self.rows
            if r.metric == metric and all(getattr(r, k) == v for k, v in key.items())
        )

    def values_of(self, dimension: str, metrics: Sequence[str]) -> tuple[str, ...]:
        return tuple(sorted({getattr(r, dimension) for r in self.rows if r.metric in metrics}))


def _vector(
    table_id: str,
    rows: Sequence[str],
    counts: Sequence[int],
    threshold: int,
    amounts: Sequence[int] | None = None,
) -> dict[str, Any]:
    return _grid(
        table_id,
        rows,
        ("count",),
        [[c] for c in counts],
        threshold,
        amounts=([[a] for a in amounts] if amounts is not None else None),
        one_way=True,
    )


def _grid(
    table_id: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Sequence[Sequence[int]],
    threshold: int,
    *,
    amounts: Sequence[Sequence[int]] | None = None,
    one_way: bool = False,
) -> dict[str, Any]:
    table: dict[str, Any] = {"id": table_id, "one_way": one_way}
    released = disclosure.release(cells, threshold) if rows else None
    if released is None:
        return {**table, "withheld": True}
    table.update(
        withheld=False,
        rows=list(rows),
        columns=list(columns),
        cells=[list(row) for row in released.cells],
        column_totals=list(released.column_totals),
        total=released.total,
    )
    if not one_way:
        table["row_totals"] = list(released.row_totals)
    if amounts is not None:
        money = disclosure.mask(amounts, released.hidden)
        table["amounts"] = {
            "cells": [list(row) for row in money.cells],
            "column_totals": list(money.column_totals),
            "total": money.total,
        }
        if not one_way:
            table["amounts"]["row_totals"] = list(money.row_totals)
    return table


def _share_met(closed: dict[str, Any]) -> int | None:
    """Percent of closed needs that were met, from published figures only."""
    if closed.get("withheld"):
        return None
    met, total = closed["column_totals"][OUTCOMES.index("fulfilled")], closed["total"]
    if not isinstance(met, int) or not isinstance(total, int) or total == 0:
        return None
    return round(100 * met / total)


def build_report(
    period: str, rows: Iterable[CounterRow], *, threshold: int, currency: str
) -> dict[str, Any]:
    """The report of one calendar month from that month's counter rows alone."""
    counts = Counts(rows)
    posted = need_rules.METRIC_POSTED
    closing = [f"needs_{o}" for o in OUTCOMES]
    categories = counts.values_of("category", [posted, *closing])
    groups = counts.values_of("area_group", [posted])
    tables = [
        _vector(
            "needs_posted_by_category",
            categories,
            [counts.total(posted, category=c) for c in categories],
            threshold,
        ),
        _vector(
            "needs_posted_by_area_group",
            groups,
            [counts.total(posted, area_group=g) for g in groups],
            threshold,
        ),
    ]
    closed = _grid(
        "needs_closed",
        categories,
        OUTCOMES,
        [[counts.total(m, category=c) for m in closing] for c in categories],
        threshold,
    )
    tables.append(closed)
    for prefix in need_rules.TIME_METRIC_PREFIX.values():
        tables.append(
            _vector(
                prefix.rstrip("_"),
                BUCKETS,
                [counts.total(prefix + b) for b in BUCKETS],
                threshold,
            )
        )
    offer_categories = counts.values_of("category", ["offers_posted"])
    tables.append(
        _grid(
            "offers_posted",
            offer_categories,
            SOURCE_KINDS_OFFERS,
            [
                [
                    counts.total("offers_posted", category=c, source_kind=k)
                    for k in SOURCE_KINDS_OFFERS
                ]
                for c in offer_categories
            ],
            threshold,
        )
    )
    designations = counts.values_of("category", ["gifts"])
    tables.append(
        _grid(
            "money_in",
            designations,
            SOURCE_KINDS_MONEY,
            [
                [counts.total("gifts", category=d, source_kind=k) for k in SOURCE_KINDS_MONEY]
                for d in designations
            ],
            threshold,
            amounts=[
                [counts.total("money_in", category=d, source_kind=k) for k in SOURCE_KINDS_MONEY]
                for d in designations
            ],
        )
    )
    for table_id, count_metric, amount_metric in (
        ("refunds", "refunds", "money_refunded"),
        ("disputes", "disputes", "money_disputed"),
    ):
        tables.append(
            _vector(
                table_id,
                SOURCE_KINDS_MONEY,
                [counts.total(count_metric, source_kind=k) for k in SOURCE_KINDS_MONEY],
                threshold,
                amounts=[counts.total(amount_metric, source_kind=k) for k in SOURCE_KINDS_MONEY],
            )
        )
    out_categories = counts.values_of("category", ["disbursements"])
    tables.append(
        _vector(
            "money_out",
            out_categories,
            [counts.total("disbursements", category=c) for c in out_categories],
            threshold,
            amounts=[counts.total("money_out", category=c) for c in out_categories],
        )
    )
    return {
        "format": FORMAT,
        "period": period,
        "threshold": threshold,
        "currency": currency,
        "withheld": all(t["withheld"] for t in tables),
        "share_met": _share_met(closed),
        "tables": tables,
        # Named only because they chose it; the name is all that is shown.
        "credited_organizations": sorted(
            {r.category for r in counts.rows if r.metric == "credited_organization"}
        ),
    }


def canonical_json(report: dict[str, Any]) -> str:
    """One byte-exact form, so the hash identifies the report."""
    return json.dumps(report, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def csv_rows(report: dict[str, Any]) -> list[list[str]]:
    """The report flattened: table, row, column, measure, value (labels as published)."""
    out = [["period", "table", "row", "column", "measure", "value"]]
    period = report["period"]
    for table in report["tables"]:
        if table["withheld"]:
            out.append([period, table["id"], "", "", "withheld", ""])
            continue
        measures = [("count", table)]
        if "amounts" in table:
            measures.append((f"amount_{report['currency']}_minor_units", table["amounts"]))
        for measure, values in measures:
            for row, cells in zip(table["rows"], values["cells"], strict=True):
                for column, value in zip(table["columns"], cells, strict=True):
                    out.append([period, table["id"], row, column, measure, str(value)])
                if "row_totals" in values:
                    index = table["rows"].index(row)
                    out.append(
                        [
                            period,
                            table["id"],
                            row,
                            "total",
                            measure,
                            str(values["row_totals"][index]),
                        ]
                    )
            for column, value in zip(table["columns"], values["column_totals"], strict=True):
                out.append([period, table["id"], "total", column, measure, str(value)])
            out.append([period, table["id"], "total", "total", measure, str(values["total"])])
    if report["share_met"] is not None:
        out.append([period, "share_met", "", "", "percent", str(report["share_met"])])
    for name in report["credited_organizations"]:
        out.append([period, "credited_organizations", name, "", "credited", ""])
    return out
