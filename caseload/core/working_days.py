"""Working days in England and Wales: every deadline counted in working days reads it.

A working day is Monday to Friday and not a bank holiday. The bank holidays are England and
Wales's (the two share one list), from the maintained `holidays` library
(https://github.com/vacanza/holidays, `country_holidays("GB", subdiv="ENG")`), which follows
the proclamations GOV.UK publishes at https://www.gov.uk/bank-holidays, substitute days
included: a hand-typed list goes stale, and an extra day (a coronation, a jubilee) is added
to the library when it is announced. Pinned in `requirements/base.txt`; upgrade it each year.
Pure: no Django.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())


def bank_holiday(day: date) -> str | None:
    """The bank holiday's name ("Christmas Day (observed)") if `day` is one, else None."""
    return _bank_holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and bank_holiday(day) is None


def next_working_day(day: date) -> date:
    """`day` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day after `start`, not counting `start` itself: 5 working days
    from Friday 18 December 2026 is Tuesday 29 December (25 and 28 December are bank
    holidays). Zero days is `start` itself, or the next working day if it is not one."""
    if count < 0:
        raise ValueError("count must not be negative")
    if count == 0:
        return next_working_day(start)
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days fall after `start`, up to and including `end` (0 if `end` is not
    after `start`): the inverse of `add_working_days`."""
    days = (end - start).days
    return sum(1 for n in range(1, days + 1) if is_working_day(start + timedelta(days=n)))
