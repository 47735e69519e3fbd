"""A practitioner's week in hours, and the line where their hours run out.

The points model has no notion of time; this does. A week's work is the appointments booked in
it and the essential work due (or overdue) by its end, each at the minutes the workload
agreement gives it; the responsive share is added on top. The hours to set against it are the
contracted hours less reductions, in proportion to the week's working days (a bank holiday takes
a fifth off a Monday-to-Friday week).

"The week that does not fit": the work in priority order with a running total; the line falls
where the running total would pass the hours left for planned work once the responsive share is
kept back. Everything below the line is the list for the manager. Pure: plain values in, plain
values out.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

#: A full week's working days: contracted hours are for five.
FULL_WEEK_DAYS = 5
#: RoSH levels from lowest to highest, as the risk part names them.
ROSH_ORDER = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH")
HUNDRED = Decimal(100)
TENTH = Decimal("0.1")


class Source(StrEnum):
    APPOINTMENT = "appointment"
    ESSENTIAL = "essential"
    REPORT = "report"


@dataclass(frozen=True)
class WeekTask:
    """One piece of the week's work, at its agreed minutes. `due_on` is the appointment's day,
    or the essential's or report's due date (None: no date, so due now). A report's minutes
    all fall in the week it is needed by (or this week, once overdue)."""

    source: Source
    what: str
    crn: str
    person_name: str
    minutes: int
    due_on: date | None
    overdue: bool = False
    rosh: str = ""
    tier: str = ""
    #: The agreement's code for it: the contact type, the essential's kind or the report's.
    code: str = ""


def week_starting(day: date) -> date:
    """The Monday of the week (Monday to Sunday) holding `day`."""
    return day - timedelta(days=day.weekday())


def weeks_from(day: date, count: int) -> tuple[date, ...]:
    """The Mondays of this week and the `count - 1` weeks after it."""
    monday = week_starting(day)
    return tuple(monday + timedelta(weeks=n) for n in range(count))


def available_minutes(
    contracted_hours: Decimal, reduction_hours: Decimal, working_days: int
) -> int:
    """The minutes a practitioner has in a week: contracted hours less reductions, pro rata to
    the week's working days; never below nothing."""
    weekly = max(contracted_hours - reduction_hours, Decimal(0))
    share = Decimal(max(min(working_days, FULL_WEEK_DAYS), 0)) / FULL_WEEK_DAYS
    return int(weekly * 60 * share)


def with_share(minutes: int, share_percent: Decimal) -> Decimal:
    """Planned minutes with the responsive share on top (30%: 100 minutes become 130)."""
    return Decimal(minutes) * (1 + share_percent / HUNDRED)


def planned_budget(available: int, share_percent: Decimal) -> int:
    """The minutes left for planned work once the responsive share is kept back: the most
    planned work whose total with the share fits in `available`."""
    return int(Decimal(available) / (1 + share_percent / HUNDRED))


def priority(task: WeekTask) -> tuple[object, ...]:
    """Overdue first, then RoSH (very high first), tier (highest first: A3 before A2 before B3),
    then due date: the essentials' own order (`essentials.reading`), applied to the whole week."""
    rosh = -ROSH_ORDER.index(task.rosh) if task.rosh in ROSH_ORDER else 1
    letter = task.tier[:1] or "Z"
    number = -int(task.tier[1:]) if task.tier[1:].isdigit() else 0
    return (not task.overdue, rosh, letter, number, task.due_on or date.min, task.crn, task.what)


@dataclass(frozen=True)
class Line:
    """One row of the ordered week: the task, the running total to it, and whether it fits."""

    task: WeekTask
    running_minutes: int
    fits: bool


@dataclass(frozen=True)
class WeekFit:
    lines: tuple[Line, ...]
    available_minutes: int
    budget_minutes: int
    share_percent: Decimal

    @property
    def planned_minutes(self) -> int:
        return sum(line.task.minutes for line in self.lines)

    @property
    def expected_minutes(self) -> Decimal:
        return with_share(self.planned_minutes, self.share_percent)

    @property
    def above(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.fits)

    @property
    def below(self) -> tuple[Line, ...]:
        """The list for the manager: the work the hours do not reach."""
        return tuple(line for line in self.lines if not line.fits)

    @property
    def does_not_fit_minutes(self) -> int:
        return sum(line.task.minutes for line in self.below)


def fit_week(tasks: Iterable[WeekTask], available: int, share_percent: Decimal) -> WeekFit:
    """The week's work in priority order with a running total and the line. Once one task does
    not fit, nothing after it does (the line is one line, not a packing of small tasks into the
    gaps: the order is the practitioner's priority)."""
    budget = planned_budget(available, share_percent)
    lines = []
    running = 0
    fitting = True
    for task in sorted(tasks, key=priority):
        running += task.minutes
        fitting = fitting and running <= budget
        lines.append(Line(task, running, fitting))
    return WeekFit(tuple(lines), available, budget, share_percent)


def hours(minutes: int | Decimal) -> Decimal:
    """Minutes as hours to one decimal place, as pages show them."""
    return (Decimal(minutes) / 60).quantize(TENTH, rounding=ROUND_HALF_UP)


def hours_in_words(minutes: int | Decimal) -> str:
    shown = hours(minutes)
    whole = shown == shown.to_integral_value()
    number = f"{shown:.0f}" if whole else f"{shown}"
    return f"{number} hour" if shown == 1 else f"{number} hours"


@dataclass(frozen=True)
class WeekTotals:
    """One week's totals: the planned minutes, with the share, and the minutes available."""

    monday: date
    planned_minutes: int
    expected_minutes: Decimal
    available_minutes: int
    working_days: int

    @property
    def over(self) -> bool:
        return self.expected_minutes > self.available_minutes


def week_totals(
    monday: date,
    tasks: Sequence[WeekTask],
    available: int,
    share_percent: Decimal,
    working_days: int,
) -> WeekTotals:
    planned = sum(task.minutes for task in tasks)
    return WeekTotals(monday, planned, with_share(planned, share_percent), available, working_days)


def difference_in_words(points_percent: Decimal, totals: WeekTotals) -> str:
    """The two models side by side, in one sentence a practitioner can read."""
    points = f"Points say {points_percent.quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
    time = (
        f"the diary and the essential work due come to {hours_in_words(totals.expected_minutes)}"
        f" against {hours_in_words(totals.available_minutes)} available"
    )
    verdict = "the week does not fit" if totals.over else "the week fits"
    return f"{points}; {time}: {verdict}."
