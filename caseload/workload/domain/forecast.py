"""The forecast: "what if" from the current record, in points, hours and staff by grade.

Demand starts from today: every case held, with its points, and this week's work (the
appointments booked and the essential work due), each at the agreement's minutes. A change in
demand scales the cases of one case type, points and minutes alike (new cases are taken to look
like today's: the same tiers and the same work); a change to a timing replaces the agreement's
minutes for that task. Staff needed by grade is the demand over what one full-time member of
staff of that grade gives: the grade's nominal target in points, its full-time hours in hours.

Reports being written count as they do in a practitioner's week: their agreed minutes in the
hours, and standard and fast delivery reports' points in the points; a change in people does
not scale them (today's reports are today's). Moving reports between teams is not forecast: the
forecast is a delivery unit's need by grade, which a move inside the unit changes only through
the grades of the teams, and the record holds no team-level report demand to move.

Pure: plain values in, plain values out (`workload/forecasting.py` reads the record).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from caseload.workload.domain.case_points import CaseType

HUNDRED = Decimal(100)
MINUTES_AN_HOUR = Decimal(60)


@dataclass(frozen=True)
class CaseDemand:
    """One case held today: the grade of its holder, its case type (None: no sentence in
    force) and its points."""

    grade: str
    case_type: str | None
    points: int


@dataclass(frozen=True)
class TaskDemand:
    """One piece of this week's work: the holder's grade, the case's type, the agreement's
    code for the task and its agreed minutes (recording and travel included)."""

    grade: str
    case_type: str | None
    code: str
    minutes: int


@dataclass(frozen=True)
class GradeSupply:
    """What one full-time member of staff of a grade gives, and how many are in post."""

    grade: str
    nominal_target: int
    full_time_hours: Decimal
    in_post_fte: Decimal


@dataclass(frozen=True)
class TimingChange:
    label: str
    before: int
    after: int


@dataclass(frozen=True)
class Change:
    """Percent changes in the cases of each type (10: 10% more; -10: 10% fewer), and the
    agreement's minutes for tasks by code."""

    licence_percent: Decimal = Decimal(0)
    community_percent: Decimal = Decimal(0)
    custody_percent: Decimal = Decimal(0)
    timings: Mapping[str, TimingChange] = field(default_factory=lambda: MappingProxyType({}))

    def factor(self, case_type: str | None) -> Decimal:
        percents: dict[str, Decimal] = {
            CaseType.LICENCE: self.licence_percent,
            CaseType.COMMUNITY: self.community_percent,
            CaseType.CUSTODY: self.custody_percent,
        }
        return 1 + percents.get(case_type or "", Decimal(0)) / HUNDRED


@dataclass(frozen=True)
class Need:
    """A grade's demand a week and the full-time staff it needs (None: the grade has no
    nominal target or no full-time hours, so no figure can be given)."""

    points: Decimal
    hours: Decimal
    fte_by_points: Decimal | None
    fte_by_hours: Decimal | None


@dataclass(frozen=True)
class GradeForecast:
    grade: str
    in_post_fte: Decimal
    before: Need
    after: Need


@dataclass(frozen=True)
class Forecast:
    grades: tuple[GradeForecast, ...]
    assumptions: tuple[str, ...]


def _need(
    points: Decimal, minutes: Decimal, share_percent: Decimal, supply: GradeSupply | None
) -> Need:
    hours = minutes * (1 + share_percent / HUNDRED) / MINUTES_AN_HOUR
    target = supply.nominal_target if supply else 0
    full_time = supply.full_time_hours if supply else Decimal(0)
    return Need(
        points=points,
        hours=hours,
        fte_by_points=points / target if target else None,
        fte_by_hours=hours / full_time if full_time else None,
    )


def _minutes_after(task: TaskDemand, change: Change) -> Decimal:
    timing = change.timings.get(task.code)
    minutes = task.minutes + (timing.after - timing.before if timing else 0)
    return Decimal(minutes) * change.factor(task.case_type)


def forecast(
    cases: Iterable[CaseDemand],
    tasks: Iterable[TaskDemand],
    supply: Sequence[GradeSupply],
    share_percent: Decimal,
    change: Change,
) -> Forecast:
    """Each grade's demand and staff needed before and after `change`, in the order of
    `supply` (then any other grade holding cases), with the assumptions in words."""
    cases, tasks = list(cases), list(tasks)
    by_grade = {s.grade: s for s in supply}
    order = [s.grade for s in supply]
    held_by = {c.grade for c in cases} | {t.grade for t in tasks}
    order += sorted(held_by - set(order))
    grades = []
    for grade in order:
        held = [c for c in cases if c.grade == grade]
        work = [t for t in tasks if t.grade == grade]
        points_before = Decimal(sum(c.points for c in held))
        points_after = sum((c.points * change.factor(c.case_type) for c in held), Decimal(0))
        minutes_before = Decimal(sum(t.minutes for t in work))
        minutes_after = sum((_minutes_after(t, change) for t in work), Decimal(0))
        found = by_grade.get(grade)
        grades.append(
            GradeForecast(
                grade=grade,
                in_post_fte=found.in_post_fte if found else Decimal(0),
                before=_need(points_before, minutes_before, share_percent, found),
                after=_need(points_after, minutes_after, share_percent, found),
            )
        )
    return Forecast(tuple(grades), assumptions(change, share_percent, supply))


def _percent_words(percent: Decimal, kind: str) -> str | None:
    if percent == 0:
        return None
    more = "more" if percent > 0 else "fewer"
    return f"{abs(percent).normalize():f}% {more} people on {kind}"


def change_words(change: Change) -> list[str]:
    """The change asked for, one phrase per part ("10% more people on licence")."""
    words = [
        _percent_words(change.licence_percent, "licence"),
        _percent_words(change.community_percent, "a community sentence"),
        _percent_words(change.custody_percent, "a custodial sentence before release"),
    ]
    found = [w for w in words if w]
    found += [
        f"{t.label} takes {t.after} minutes instead of {t.before}" for t in change.timings.values()
    ]
    return found


def assumptions(
    change: Change, share_percent: Decimal, supply: Sequence[GradeSupply]
) -> tuple[str, ...]:
    share = f"{share_percent.normalize():f}%"
    said = [
        "Demand is today's: every case held now with its points, and this week's booked "
        "appointments and essential work due (overdue included) at the workload agreement's "
        f"minutes, recording and travel included, with the responsive share of {share} on top.",
        "A change in the people on licence, on a community sentence or in custody scales the "
        "points and the minutes of today's cases of that type alike: new cases are taken to "
        "look like today's (the same tiers and the same work). Cases with no sentence in force "
        "carry no points and are not scaled.",
        "Staff needed by points is the points a week over the grade's nominal target (the "
        "points of one full-time member of staff); by hours, the hours a week over the grade's "
        "full-time hours. In post is today's contracted hours over the full-time hours, "
        "before reductions.",
        "Reports being written count at their agreed minutes and, for standard and fast "
        "delivery reports, their points; a change in people does not scale them, and moving "
        "reports between teams is not forecast.",
    ]
    if change.timings:
        said.append(
            "A changed timing replaces the agreement's minutes for the task itself; the "
            "recording time after a contact and the travel for a home visit stay as agreed."
        )
    without = [s.grade for s in supply if not s.nominal_target or not s.full_time_hours]
    if without:
        said.append(
            f"No staff figure is given for {', '.join(without)}: the weightings give the grade "
            "no nominal target or no full-time hours (a manager sits outside capacity)."
        )
    return tuple(said)
