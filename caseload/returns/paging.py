"""One page of a return's rows from one pass over them: the page's rows and the total."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from caseload.returns.registry import Row


@dataclass(frozen=True)
class RowPage:
    rows: tuple[Row, ...]
    total: int
    number: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first_row(self) -> int:
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.rows) - 1 if self.rows else 0

    # What `core/pagination.html` reads of a Django page.
    @property
    def paginator(self) -> "RowPage":
        return self

    @property
    def num_pages(self) -> int:
        return self.pages

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.pages

    def has_other_pages(self) -> bool:
        return self.pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def page_of(rows: Iterable[Row], number: int, size: int) -> RowPage:
    """Page `number` (from 1) of `rows`, keeping only that page's rows in memory."""
    start = (max(number, 1) - 1) * size
    kept: list[Row] = []
    total = 0
    for total, row in enumerate(rows, start=1):
        if start < total <= start + size:
            kept.append(row)
    return RowPage(rows=tuple(kept), total=total, number=max(number, 1), size=size)


def page_number(raw: Any) -> int:
    """A page number from a query string: anything that is not a whole number from 1 is 1."""
    try:
        number = int(str(raw))
    except ValueError:
        return 1
    return number if 1 <= number <= 1_000_000 else 1
