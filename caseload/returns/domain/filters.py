"""A return's filters, and the rules every surface (page, API, CLI) applies to them.

Time is an "as at" day: the figures are those the record gives for the end of that day, so a
return as at 31 March reads the same whenever it is run. A period return counts what happened
from `period_from` to the "as at" day, both included; by default the twelve months to it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from caseload.core.errors import FieldProblem

EARLIEST = date(2000, 1, 1)
LONGEST_PERIOD_DAYS = 5 * 366


@dataclass(frozen=True)
class ReturnFilters:
    as_at: date
    period_from: date | None = None
    region: str = ""
    delivery_unit: str = ""
    team: str = ""
    practitioner: str = ""

    @property
    def period_start(self) -> date:
        return self.period_from or default_period_start(self.as_at)

    def as_dict(self) -> dict[str, str]:
        """The filters as given, for audit, the API's echo and links."""
        given = {
            "as_at": self.as_at.isoformat(),
            "period_from": self.period_from.isoformat() if self.period_from else "",
            "region": self.region,
            "delivery_unit": self.delivery_unit,
            "team": self.team,
            "practitioner": self.practitioner,
        }
        return {name: value for name, value in given.items() if value}


def default_period_start(as_at: date) -> date:
    """The day after the same day a year earlier: twelve whole months to `as_at`."""
    try:
        year_before = as_at.replace(year=as_at.year - 1)
    except ValueError:  # 29 February
        year_before = as_at.replace(year=as_at.year - 1, day=28)
    return year_before + timedelta(days=1)


def filter_problems(filters: ReturnFilters, today: date) -> list[FieldProblem]:
    """Each filter that breaks a rule; empty when all are good."""
    problems: list[FieldProblem] = []
    if filters.as_at > today:
        problems.append(
            FieldProblem("as_at", "not_in_future", "The 'as at' date must be today or in the past")
        )
    if filters.as_at < EARLIEST:
        problems.append(
            FieldProblem("as_at", "too_early", "The 'as at' date must be in 2000 or later")
        )
    start = filters.period_from
    if start is not None:
        if start > filters.as_at:
            problems.append(
                FieldProblem(
                    "period_from",
                    "after_as_at",
                    "The period must start on or before the 'as at' date",
                )
            )
        elif (filters.as_at - start).days > LONGEST_PERIOD_DAYS:
            problems.append(
                FieldProblem("period_from", "too_long", "The period can be at most 5 years")
            )
    return problems
