"""The staff representative's figures: anonymised, with small numbers suppressed (no Django).

Three tables per delivery unit, none naming anyone:

- capacity: how many practitioners of each grade fall in each band of points capacity;
- the work that did not fit this week: how many practitioners had some, and the hours;
- vacancies: posts in the establishment against staff in post, by grade.

Suppression reuses the returns' rules (`caseload.returns.domain.suppression`). A grade's row of
bands partitions its practitioners, whose number is known (it is the vacancies table's "in
post"), so each row is suppressed as a table of its own with that total: a band of 1 to 4 is
"<5", and more cells are withheld until none can be worked out from the row's total. No row of
all grades is shown: with it, a band could be worked out down a column. Hours that did not fit
are a sum over practitioners: fewer than 5 practitioners counted and the hours are withheld.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from caseload.returns.domain.suppression import (
    SMALLEST_SHOWN,
    WITHHELD,
    CountTable,
    Rate,
    Shown,
    suppress,
    suppress_rate,
)


@dataclass(frozen=True)
class Band:
    label: str
    #: The band holds percentages above `above` (None: from 0) up to and including `up_to`.
    above: Decimal | None
    up_to: Decimal | None

    def holds(self, percent: Decimal) -> bool:
        return (self.above is None or percent > self.above) and (
            self.up_to is None or percent <= self.up_to
        )


#: The bands of points capacity. 100% is within capacity (the national tool's lines differ:
#: > 99, >= 100 and > 100 all appear), so "over" starts above it.
BANDS: tuple[Band, ...] = (
    Band("Under 80%", None, Decimal("79.999")),
    Band("80% to 100%", Decimal("79.999"), Decimal(100)),
    Band("Over 100% to 120%", Decimal(100), Decimal(120)),
    Band("Over 120%", Decimal(120), None),
)


def band_of(percent: Decimal) -> int:
    """The index of the band a capacity percentage falls in."""
    return next(i for i, band in enumerate(BANDS) if band.holds(percent))


def band_counts(percents: Sequence[Decimal]) -> tuple[int, ...]:
    counts = [0] * len(BANDS)
    for percent in percents:
        counts[band_of(percent)] += 1
    return tuple(counts)


@dataclass(frozen=True)
class CapacityRow:
    grade: str
    practitioners: int
    bands: tuple[Shown, ...]


def capacity_row(grade: str, percents: Sequence[Decimal]) -> CapacityRow:
    """One grade's practitioners by band, suppressed against the row's total."""
    counts = band_counts(percents)
    total = len(percents)
    if total == 0:
        return CapacityRow(grade, 0, counts)
    table = CountTable(total=(total,), groups=(tuple((count,) for count in counts),))
    shown = suppress(table)
    return CapacityRow(grade, total, tuple(cell[0] for cell in shown.groups[0]))


@dataclass(frozen=True)
class NotFitting:
    """This week's work that did not fit, over a unit's practitioners."""

    practitioners: Shown
    with_work_not_fitting: Shown
    hours: Decimal | str


def not_fitting(minutes_by_practitioner: Sequence[int]) -> NotFitting:
    """How many practitioners had work that did not fit and its hours (to one decimal place):
    counts as a rate (`suppress_rate`), and the hours withheld with fewer than 5 counted."""
    rate: Rate = suppress_rate(
        len(minutes_by_practitioner), sum(1 for m in minutes_by_practitioner if m > 0)
    )
    if len(minutes_by_practitioner) < SMALLEST_SHOWN:
        hours: Decimal | str = WITHHELD if minutes_by_practitioner else Decimal(0)
    else:
        hours = (Decimal(sum(minutes_by_practitioner)) / 60).quantize(Decimal("0.1"))
    return NotFitting(rate.eligible, rate.met, hours)


@dataclass(frozen=True)
class Vacancies:
    grade: str
    posts: int
    in_post: int

    @property
    def vacant(self) -> int:
        """Posts not filled; more staff than posts is no vacancy (and not a negative one)."""
        return max(self.posts - self.in_post, 0)
