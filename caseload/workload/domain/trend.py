"""The 12-week trend of capacity in the points model: each practitioner's capacity (and the
team's) at each of the last 12 Mondays, from the cases held on that day.

Pure: the reader (`workload/trend.py`) weighs each Monday's cases with the weightings then in
force; this says which Mondays, and how a Monday's figure reads when the record cannot give it.
A case held on a Monday before any tier was recorded for it carries no points, so a Monday on
which every case held was untiered has no figure at all ("no tiers recorded then"), rather than
a 0% that would look like an empty caseload.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caseload.workload.domain.capacity import capacity_percent
from caseload.workload.domain.week import week_starting

WEEKS = 12


def last_mondays(today: date, count: int = WEEKS) -> tuple[date, ...]:
    """This week's Monday and the `count - 1` before it, oldest first."""
    monday = week_starting(today)
    return tuple(monday - timedelta(weeks=n) for n in reversed(range(count)))


@dataclass(frozen=True)
class TrendPoint:
    monday: date
    total_points: int
    available_points: int
    cases: int
    #: Cases held that day with no v2 tier recorded by then: they carry no points.
    untiered: int

    @property
    def known(self) -> bool:
        """False when every case held was untiered: the record gives no figure that day."""
        return self.cases == 0 or self.untiered < self.cases

    @property
    def capacity_percent(self) -> Decimal | None:
        if not self.known:
            return None
        return capacity_percent(self.total_points, self.available_points)


def team_point(monday: date, points: Iterable[TrendPoint]) -> TrendPoint:
    """The team's capacity that day: everyone's points over everyone's available points."""
    listed = list(points)
    return TrendPoint(
        monday,
        sum(p.total_points for p in listed),
        sum(p.available_points for p in listed),
        sum(p.cases for p in listed),
        sum(p.untiered for p in listed),
    )
