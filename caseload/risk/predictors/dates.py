"""Date arithmetic with Java `java.time` semantics, as the anchor relies on them.

Source: the Java SE API specification (Oracle): `java.time.Period.between` (age in whole years),
`java.time.temporal.ChronoUnit.MONTHS.between` / `YEARS.between` and `LocalDate.plusMonths`, as
called by ministryofjustice/hmpps-arns-risk-actuarial-api@016919c (and @52792f4 for the legacy
predictors). Our sources do not name the anchor file holding the age helper.

Every rule is built on Java's `LocalDate.until` month count, which truncates towards zero, so
that leap-day birthdays, month ends and negative spans behave exactly as in the anchor.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from zoneinfo import ZoneInfo

from caseload.risk.predictors.errors import CalculationError

_LONDON = ZoneInfo("Europe/London")


def today_london() -> date:
    """The default `assessmentDate`: today, as the anchor; Europe/London is our convention."""
    return datetime.now(_LONDON).date()


def months_between(start: date, end: date) -> int:
    """Java `ChronoUnit.MONTHS.between(start, end)`: whole calendar months, truncated to zero."""
    packed_start = (start.year * 12 + start.month - 1) * 32 + start.day
    packed_end = (end.year * 12 + end.month - 1) * 32 + end.day
    diff = packed_end - packed_start
    return diff // 32 if diff >= 0 else -((-diff) // 32)


def years_between(start: date, end: date) -> int:
    """Java `ChronoUnit.YEARS.between(start, end)`; negative when `end` is before `start`."""
    # `months_between` then whole years, inlined (a hot path): d // 32 // 12 == d // 384.
    diff = ((end.year * 12 + end.month - 1) * 32 + end.day) - (
        (start.year * 12 + start.month - 1) * 32 + start.day
    )
    return diff // 384 if diff >= 0 else -((-diff) // 384)


age_in_years = years_between
"""Whole years (Java `Period.between(...).years`); a 29 February birthday turns on 1 March."""


def age_at(date_of_birth: date, on: date, field: str) -> int:
    """The anchor's age helper: throws when the date is on or before the date of birth."""
    if on <= date_of_birth:
        raise CalculationError(f"{field} cannot be on or before date of birth.")
    diff = ((on.year * 12 + on.month - 1) * 32 + on.day) - (
        (date_of_birth.year * 12 + date_of_birth.month - 1) * 32 + date_of_birth.day
    )
    return diff // 384  # years_between inlined: on > date_of_birth, so diff > 0


def plus_months(day: date, months: int) -> date:
    """Java `LocalDate.plusMonths`: the day is clamped to the end of a shorter month.

    Past the last representable year the result saturates at `date.max` (Java would go on, but
    no date we can parse is later than that, so comparisons are unaffected).
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    if year > date.max.year:
        return date.max
    if day.day <= 28:  # every month has the day: no clamping needed
        return date(year, month + 1, day.day)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
