"""The one definition of time: what is in force on a day, and dates that may not be in the future.

Every period in the record (an allocation, a sentence, a requirement, a registration, a
circumstance) runs from its start date, inclusive, to its end date, exclusive; no end date means
it is still running. `in_force` is the only place that rule is written for plain values, and
`caseload.core.querysets.PeriodQuerySet.active_on` the only place it is written for queries.
Pure: no Django.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from caseload.core.errors import FieldProblem

When = TypeVar("When", date, datetime)

#: No fact in a probation record is dated before this. Without a floor, a moment in year 1
#: could not be turned into a local date (OverflowError) when the record was refreshed.
EARLIEST_DATE = date(1900, 1, 1)


def in_force(start: date, end: date | None, day: date) -> bool:
    """Whether a period from `start` (inclusive) to `end` (exclusive; None = open) covers `day`."""
    return start <= day and (end is None or end > day)


def past_date_problems(
    field: str,
    value: When | None,
    *,
    now: When,
    required: str,
    label: str,
) -> list[FieldProblem]:
    """A date (or moment) that must be given, must not be later than `now` and must not be
    before `EARLIEST_DATE`.

    `required` is the message when it is missing; `label` names it in the other messages,
    "<label> must be today or in the past". A moment is compared with `now` as a moment, so
    both must carry a time zone.
    """
    if value is None:
        return [FieldProblem(field, "required", required)]
    if value > now:
        return [FieldProblem(field, "not_in_future", f"{label} must be today or in the past")]
    day = value.date() if isinstance(value, datetime) else value
    if day < EARLIEST_DATE:
        message = f"{label} must be the same as or after {EARLIEST_DATE:%-d %B %Y}"
        return [FieldProblem(field, "too_early", message)]
    return []


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (or earlier), or the month's last day when
    it is shorter: 31 January + 1 month is 28 (or 29) February."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    next_month = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last_day = (next_month - date(year, month + 1, 1)).days
    return date(year, month + 1, min(day.day, last_day))
