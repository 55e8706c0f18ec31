"""Disclosure control for published tables (privacy promise 6, requirement R17).

A table is its cells plus its margins: a total for each row, for each column, and a grand
total. We work on that augmented table, (rows + 1) x (columns + 1), where the last column
holds the row totals, the last row the column totals, and the corner the grand total.

1. Primary suppression: every entry (cells and margins alike) from 1 to threshold - 1 is
   hidden and published as "<threshold".
2. Complementary suppression: a hidden entry must not be recoverable from what is shown.
   For each small entry we hide a whole rectangle of the augmented table around it (the
   entry, one in its row, one in its column, and the one opposite). Moving the same amount
   around a rectangle (+, -, -, + in the signed table where margins count negatively) keeps
   every row, column and grand total as published, so anyone solving the published
   equations can raise the small entry by as much as the rectangle's decreasing corners
   hold. We pick rectangles where that reaches the threshold: the smallest value the
   published numbers allow for its upper bound is then at least the threshold (the
   linear-programming audit in tests/reports checks exactly this).
3. A table whose grand total is under the threshold, or that can't be protected, is not
   published at all.

A one-way table (a list with a total) is the same with a single column: its row totals
equal its cells and are hidden with them, and are simply not shown.

Successive reports can't be subtracted to reveal a cell because each report covers one
calendar month of events only (no running totals) and is frozen once published.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import product

Position = tuple[int, int]

#: What a new hidden entry costs when choosing a rectangle: keep margins, above all the
#: grand total, and prefer rectangles already hidden.
CELL_COST, MARGIN_COST, GRAND_COST = 1, 50, 10_000


def small_label(threshold: int) -> str:
    """How a hidden small entry is published."""
    return f"<{threshold}"


#: How an entry hidden only to protect a small one is published.
HIDDEN = "hidden"


@dataclass(frozen=True)
class Augmented:
    """A table with its margins, entries indexed (row, column) as described above."""

    values: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, cells: Sequence[Sequence[int]]) -> Augmented:
        if not cells or not cells[0]:
            raise ValueError("a table needs at least one row and one column")
        if any(v < 0 for row in cells for v in row):
            raise ValueError("counts are never negative")
        rows = [(*row, sum(row)) for row in cells]
        totals = tuple(sum(row[j] for row in rows) for j in range(len(rows[0])))
        return cls((*(tuple(r) for r in rows), totals))

    @property
    def height(self) -> int:
        return len(self.values)

    @property
    def width(self) -> int:
        return len(self.values[0])

    @property
    def grand(self) -> int:
        return self.values[-1][-1]

    def value(self, at: Position) -> int:
        return self.values[at[0]][at[1]]

    def sign(self, at: Position) -> int:
        """+1 for cells and the grand total, -1 for row and column totals."""
        in_last_row, in_last_column = at[0] == self.height - 1, at[1] == self.width - 1
        return -1 if in_last_row != in_last_column else 1

    def cost(self, at: Position) -> int:
        if at == (self.height - 1, self.width - 1):
            return GRAND_COST
        return MARGIN_COST if self.sign(at) < 0 else CELL_COST

    def positions(self) -> list[Position]:
        return list(product(range(self.height), range(self.width)))


def slack(table: Augmented, small: Position, corner: Position) -> float:
    """How far `small` can rise by moving around the rectangle it spans with `corner`
    (the entry opposite it), with every total unchanged and no entry below zero."""
    (i, j), (k, m) = small, corner
    direction = table.sign(small)  # the rectangle's sign at `small`, so that it rises
    room = float("inf")
    for at, pattern in (((i, m), -1), ((k, j), -1), ((k, m), 1)):
        if pattern * direction * table.sign(at) < 0:  # this entry's real value falls
            room = min(room, table.value(at))
    return room


def rectangle(small: Position, corner: Position) -> tuple[Position, ...]:
    (i, j), (k, m) = small, corner
    return (small, (i, m), (k, j), corner)


def protects(table: Augmented, small: Position, corner: Position, threshold: int) -> bool:
    return table.value(small) + slack(table, small, corner) >= threshold


def suppress(cells: Sequence[Sequence[int]], threshold: int) -> frozenset[Position] | None:
    """The entries of the augmented table to hide, or None when the table must not be
    published at all (its total is under the threshold, or nothing can protect it)."""
    table = Augmented.of(cells)
    if table.grand < threshold:
        return None
    small = [p for p in table.positions() if 0 < table.value(p) < threshold]
    hidden: set[Position] = set(small)
    for entry in small:
        corners = [
            (k, m)
            for k in range(table.height)
            for m in range(table.width)
            if k != entry[0] and m != entry[1]
        ]
        usable = [c for c in corners if protects(table, entry, c, threshold)]
        if not usable:
            return None
        best = min(
            usable,
            key=lambda c: (
                sum(table.cost(p) for p in rectangle(entry, c) if p not in hidden),
                sum(table.value(p) for p in rectangle(entry, c) if p not in hidden),
                c,
            ),
        )
        hidden.update(rectangle(entry, best))
    return frozenset(hidden)


@dataclass(frozen=True)
class Release:
    """A table as published: each entry a count, or a label where hidden."""

    cells: tuple[tuple[int | str, ...], ...]
    row_totals: tuple[int | str, ...]
    column_totals: tuple[int | str, ...]
    total: int | str
    hidden: frozenset[Position]


def release(cells: Sequence[Sequence[int]], threshold: int) -> Release | None:
    """Suppress, then label: small entries as "<threshold", their protectors as hidden."""
    hidden = suppress(cells, threshold)
    if hidden is None:
        return None
    table = Augmented.of(cells)

    def shown(at: Position) -> int | str:
        value = table.value(at)
        if at not in hidden:
            return value
        return small_label(threshold) if 0 < value < threshold else HIDDEN

    return _published(table, hidden, shown)


def mask(amounts: Sequence[Sequence[int]], hidden: frozenset[Position]) -> Release:
    """Money amounts under the same hiding as the counts they belong to (a sum of money is
    shown only where the number of payments behind it is)."""
    table = Augmented.of(amounts)

    def shown(at: Position) -> int | str:
        return HIDDEN if at in hidden else table.value(at)

    return _published(table, hidden, shown)


def _published(
    table: Augmented, hidden: frozenset[Position], shown: Callable[[Position], int | str]
) -> Release:
    rows, columns = table.height - 1, table.width - 1
    return Release(
        cells=tuple(tuple(shown((i, j)) for j in range(columns)) for i in range(rows)),
        row_totals=tuple(shown((i, columns)) for i in range(rows)),
        column_totals=tuple(shown((rows, j)) for j in range(columns)),
        total=shown((rows, columns)),
        hidden=hidden,
    )
