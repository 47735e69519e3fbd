"""How a timescale is counted: working days (England and Wales bank holidays, from the
`holidays` library through `caseload.core.working_days`), calendar days, months or hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from caseload.core.dates import add_months
from caseload.core.working_days import add_working_days


class Unit(StrEnum):
    WORKING_DAYS = "working days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"


@dataclass(frozen=True)
class Timescale:
    amount: int
    unit: Unit
    #: What the clock starts from, in words ("the sentence date").
    counted_from: str

    def due(self, start: date) -> date:
        """The last day it can be done on time, counting from `start`."""
        if self.unit is Unit.WORKING_DAYS:
            return _working_days_after(start, self.amount)
        if self.unit is Unit.DAYS:
            return start + timedelta(days=self.amount)
        if self.unit is Unit.WEEKS:
            return start + timedelta(weeks=self.amount)
        if self.unit is Unit.MONTHS:
            return add_months(start, self.amount)
        # Hours: a day is the finest grain a due date has, so 24 hours is the next day.
        return start + timedelta(days=-(-self.amount // 24))

    @property
    def length(self) -> str:
        """ "5 working days", "1 working day", "the same working day"."""
        if self.amount == 0:
            return "the same working day" if self.unit is Unit.WORKING_DAYS else "the same day"
        unit = str(self.unit)
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"

    def words(self) -> str:
        if self.amount == 0 and self.unit is Unit.WORKING_DAYS:
            return f"the same working day as {self.counted_from}"
        if self.amount == 0:
            return f"on {self.counted_from}"
        return f"within {self.length} of {self.counted_from}"


@lru_cache(maxsize=65_536)
def _working_days_after(start: date, count: int) -> date:
    """Counting working days walks the calendar: a caseload asks the same few days again
    and again, so each answer is kept."""
    return add_working_days(start, count)
