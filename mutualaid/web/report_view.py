"""What a published report looks like on the page: labels for its fixed names, money in the
deployment's currency, and bar charts as plain geometry for server-rendered SVG."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mutualaid.i18n import _l
from mutualaid.web.money import money_text

TABLE_TITLES = {
    "needs_posted_by_category": _l("Requests posted, by kind of help"),
    "needs_posted_by_area_group": _l("Requests posted, by part of town"),
    "needs_closed": _l("Requests closed, by kind of help and outcome"),
    "time_to_match": _l("Time from request to a match"),
    "time_to_fulfil": _l("Time from request to being met"),
    "offers_posted": _l("Offers from community members and pledges from organizations"),
    "money_in": _l("Money given, by designation and giver"),
    "refunds": _l("Gifts refunded"),
    "disputes": _l("Gifts disputed"),
    "money_out": _l("Money given out, by kind of help"),
}
NAMES = {
    "count": _l("Number"),
    "fulfilled": _l("Met"),
    "unmet": _l("Not met"),
    "withdrawn": _l("Withdrawn"),
    "expired": _l("Expired"),
    "1d": _l("Within a day"),
    "7d": _l("1 to 7 days"),
    "30d": _l("8 to 30 days"),
    "longer": _l("More than 30 days"),
    "community": _l("Community members"),
    "organization": _l("Organizations"),
    "individual": _l("People"),
    "general": _l("Where most needed"),
}
HIDDEN_TEXT = _l("hidden")

#: Chart geometry, in SVG user units.
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, BAR_SPACE, VALUE_SPACE = 22, 8, 190, 300, 90


@dataclass(frozen=True)
class Bar:
    label: str
    shown: str
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    bar_height: int


def name_of(key: str, categories: dict[str, str]) -> str:
    """A fixed name's label: a category, an outcome, a bucket, a kind; else as published."""
    if key in categories:
        return categories[key]
    label = NAMES.get(key)
    return str(label) if label is not None else key


def shown(value: int | str) -> str:
    """A published count: digits, "<11" as published, or hidden."""
    if isinstance(value, int):
        return f"{value:,}"
    return str(HIDDEN_TEXT) if value == "hidden" else value


def money(value: int | str, currency: str) -> str:
    if not isinstance(value, int):
        return shown(value)
    return money_text(value, currency)


def chart(table: dict[str, Any], categories: dict[str, str]) -> Chart:
    """Bars for a one-way table's rows, or a two-way table's column totals."""
    if table["one_way"]:
        pairs = [(r, cells[0]) for r, cells in zip(table["rows"], table["cells"], strict=True)]
    else:
        pairs = list(zip(table["columns"], table["column_totals"], strict=True))
    largest = max([v for _, v in pairs if isinstance(v, int)] + [1])
    bars = tuple(
        Bar(
            label=name_of(key, categories),
            shown=shown(value),
            y=index * (BAR_HEIGHT + BAR_GAP),
            width=round(BAR_SPACE * value / largest) if isinstance(value, int) else 0,
        )
        for index, (key, value) in enumerate(pairs)
    )
    return Chart(
        bars=bars,
        width=LABEL_WIDTH + BAR_SPACE + VALUE_SPACE,
        height=max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP),
        label_width=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
    )
