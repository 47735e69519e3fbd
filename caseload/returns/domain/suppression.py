"""Small-number suppression for aggregate returns (no Django).

Equality data is special category data (UK GDPR Art. 9) and a count of one or two people in a
team can point at someone, so an aggregate return never shows a count of 1 to 4.

**Primary suppression** (our rule: we found no published ONS or GSS rule to cite): a count of
1 to 4 people is shown as "<5". Zero is shown as 0: it points at no one, and hiding zeros would
make every small table unreadable.

**Secondary suppression** (our rule): a table of groups, each a partition of the same people
(every ethnicity, every age band ...) with a total row, is closed under subtraction: a "<5"
could be worked out from the total and the other cells of its column. So more cells are
withheld, shown as "[c]", until no suppressed cell has a single possible value:

- a reader knows each shown cell exactly, that a "<5" is 1 to 4, that a "[c]" is anything from
  0 to the column's total, and that each group's cells add up to the total row;
- while some suppressed cell of a group's column has only one value those facts allow, the
  smallest shown non-zero cell of that column is withheld (then the smallest zero; then a "<5"
  is widened to "[c]");
- when a column's total is itself under 5 its cells are all at most 4 and the groups would
  pin each other through it, so every non-zero cell of that column is "[c]";
- the first column counts people and the others count some of those people (those who
  complied ...): when a row's people are suppressed, so are its other non-zero counts, so a
  shown count cannot bound a hidden one;
- a percentage shows what its count shows: suppressed with it. A percentage of 0 people is not
  a number (None).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SMALL = "<5"
WITHHELD = "[c]"
#: The smallest count shown as a number (other than zero).
SMALLEST_SHOWN = 5

Shown = int | str
Percent = Decimal | str | None
Key = tuple[int, int, int]


def is_small(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


def percent(count: int, of: int) -> Decimal | None:
    """`count` as a percentage of `of`, to one decimal place (half up); None when `of` is 0."""
    if of == 0:
        return None
    return (Decimal(100 * count) / Decimal(of)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def shown_percent(count_shown: Shown, count: int, of: int) -> Percent:
    """The percentage as shown beside its count: suppressed when the count is."""
    if isinstance(count_shown, str):
        return count_shown
    return percent(count, of)


@dataclass(frozen=True)
class Rate:
    eligible: Shown
    met: Shown
    percent: Percent


def suppress_rate(eligible: int, met: int) -> Rate:
    """A measure met by `met` of `eligible` people, with no sums across rows.

    Fewer than 5 eligible: the counts and the percentage are all "<5" (a 0 of so few would say
    what happened to each of them). Otherwise 1 to 4 who met it are "<5", and 1 to 4 who did not
    withhold the count and percentage ("[c]"), since eligible minus met would count them."""
    if eligible == 0:
        return Rate(0, 0, None)
    if is_small(eligible):
        return Rate(SMALL, SMALL, SMALL)
    if is_small(met):
        return Rate(eligible, SMALL, SMALL)
    if is_small(eligible - met):
        return Rate(eligible, WITHHELD, WITHHELD)
    return Rate(eligible, met, percent(met, eligible))


@dataclass(frozen=True)
class CountTable:
    """`total[c]` is column c's count over everyone; `groups[g][r][c]` that of row r of group g.

    Each group partitions the same people, so its rows add up to `total` in every column.
    Column 0 counts the people of the row; the other columns count some of them."""

    total: tuple[int, ...]
    groups: tuple[tuple[tuple[int, ...], ...], ...]

    def __post_init__(self) -> None:
        for group in self.groups:
            for row in group:
                if len(row) != len(self.total):
                    raise ValueError("every row has a cell for each column")
                if any(count < 0 or count > row[0] for count in row[1:]) or row[0] < 0:
                    raise ValueError("a row counts some of its people, never more")
            sums = tuple(sum(column) for column in zip(*group, strict=True)) if group else None
            if sums is not None and sums != self.total:
                raise ValueError("each group's rows add up to the total")


@dataclass(frozen=True)
class SuppressedTable:
    total: tuple[Shown, ...]
    groups: tuple[tuple[tuple[Shown, ...], ...], ...]


def _bounds(mark: str, column_total: int) -> tuple[int, int]:
    return (1, SMALLEST_SHOWN - 1) if mark == SMALL else (0, column_total)


def determined(values: Sequence[int], marks: Sequence[str | None], total: int) -> list[int]:
    """The suppressed cells of one column (index into `values`) that a reader could work out:
    with the shown cells, the total and each mark's bounds, only one value is possible.

    One equation with box bounds: the values a cell can take form the interval below."""
    hidden = [i for i, mark in enumerate(marks) if mark is not None]
    rest = total - sum(v for v, mark in zip(values, marks, strict=True) if mark is None)
    bounds = {i: _bounds(marks[i] or "", total) for i in hidden}
    low_sum = sum(low for low, _ in bounds.values())
    high_sum = sum(high for _, high in bounds.values())
    found = []
    for i in hidden:
        low, high = bounds[i]
        least = max(low, rest - (high_sum - high))
        most = min(high, rest - (low_sum - low))
        if least == most:
            found.append(i)
    return found


class _Suppression:
    def __init__(self, table: CountTable) -> None:
        self.table = table
        self.marks: dict[Key, str] = {}
        self.total_marks = [SMALL if is_small(t) else None for t in table.total]

    def value(self, key: Key) -> int:
        g, r, c = key
        return self.table.groups[g][r][c]

    def mark(self, key: Key, mark: str) -> bool:
        if self.marks.get(key) == mark:
            return False
        self.marks[key] = mark
        return True

    def run(self) -> SuppressedTable:
        groups = self.table.groups
        for g, group in enumerate(groups):
            for r, row in enumerate(group):
                for c, count in enumerate(row):
                    if self.total_marks[c] is not None and count > 0:
                        self.mark((g, r, c), WITHHELD)
                    elif is_small(count):
                        self.mark((g, r, c), SMALL)
        changed = True
        while changed:
            changed = self._rows() | self._columns()
        return SuppressedTable(
            total=tuple(
                mark or count
                for mark, count in zip(self.total_marks, self.table.total, strict=True)
            ),
            groups=tuple(
                tuple(
                    tuple(self.marks.get((g, r, c), count) for c, count in enumerate(row))
                    for r, row in enumerate(group)
                )
                for g, group in enumerate(groups)
            ),
        )

    def _rows(self) -> bool:
        changed = False
        for key in [k for k in self.marks if k[2] == 0]:
            g, r, _ = key
            for c, count in enumerate(self.table.groups[g][r]):
                if c and count > 0 and (g, r, c) not in self.marks:
                    changed |= self.mark((g, r, c), WITHHELD)
        return changed

    def _columns(self) -> bool:
        changed = False
        for g, group in enumerate(self.table.groups):
            for c, total in enumerate(self.table.total):
                if self.total_marks[c] is not None:
                    continue
                while self._widen(g, c, len(group), total):
                    changed = True
        return changed

    def _widen(self, g: int, c: int, rows: int, total: int) -> bool:
        keys = [(g, r, c) for r in range(rows)]
        values = [self.value(k) for k in keys]
        marks = [self.marks.get(k) for k in keys]
        if not determined(values, marks, total):
            return False
        shown = [k for k in keys if k not in self.marks]
        nonzero = sorted((self.value(k), k) for k in shown if self.value(k) > 0)
        zeros = [k for k in shown if self.value(k) == 0]
        small = [k for k in keys if self.marks.get(k) == SMALL]
        candidates = [k for _, k in nonzero] + zeros + small
        return bool(candidates) and self.mark(candidates[0], WITHHELD)


def suppress(table: CountTable) -> SuppressedTable:
    """The table as it may be shown: primary and secondary suppression (module docstring)."""
    return _Suppression(table).run()
