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
