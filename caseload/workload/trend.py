"""The 12-week trend read from the record: each practitioner's points capacity at each of the
last 12 Mondays, as the record stood that day, never from stored snapshots.

On each Monday: the cases the practitioner held (allocations in force that day, among the cases
the reader may see as at that day: `visible_cases`), each case's v2 tier as the record showed
it at the end of that day (`returns.reading.tier_on`) and its case type from the sentence then
in force, the practitioner's grade and contracted hours from their history, the reductions
counting at noon (as for that week's hours), and the weightings in force that day.

Set-based: one query per Monday for the cases (tier and sentence read in the same query), one
for the reductions, one for the staff history and the weightings' versions: a fixed number of
queries whatever the size of the team.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Subquery

from caseload.access.cases import visible_cases
from caseload.organisation.models import Allocation, Staff
from caseload.people.models import Sentence
from caseload.returns.reading import end_of_day, sentence_type_on, tier_on
from caseload.workload.domain.caseload import HeldCase, PointsCapacity, case_type_of, is_t2a, weigh
from caseload.workload.domain.reductions import reduction_hours
from caseload.workload.domain.trend import WEEKS, TrendPoint, last_mondays, team_point
from caseload.workload.practitioners import UK, reductions_by_staff
from caseload.workload.weightings import available_points_for, weightings_on


@dataclass(frozen=True)
class PractitionerTrend:
    staff: Staff
    points: tuple[TrendPoint, ...]

    @property
    def name(self) -> str:
        return str(self.staff.user.get_full_name() or self.staff.user.get_username())


@dataclass(frozen=True)
class Trend:
    mondays: tuple[date, ...]
    practitioners: tuple[PractitionerTrend, ...]
    #: Everyone listed together, Monday by Monday.
    team: tuple[TrendPoint, ...]


def _release_date_on(day: date) -> Subquery:
    """The release date of the sentence `sentence_type_on` names (the same ordering)."""
    sentences = (
        Sentence.objects.active_on(day)
        .filter(event__person=OuterRef("person_id"))
        .order_by("-sentence_date", "-pk")
    )
    return Subquery(sentences.values("release_date")[:1])


def _held_on(staff_ids: list[int], viewer: Any, day: date) -> dict[int, list[HeldCase]]:
    """Per practitioner, every case held on `day`, with the tier and case type of that day."""
    rows = (
        Allocation.objects.active_on(day)
        .filter(staff_id__in=staff_ids, person__in=visible_cases(viewer, day))
        .annotate(
            tier=tier_on("v2", day, "person_id"),
            sentence_type=sentence_type_on(day, "person_id"),
            released=_release_date_on(day),
        )
        .values_list(
            "staff_id", "person__crn", "person__date_of_birth", "tier", "sentence_type", "released"
        )
    )
    held: dict[int, list[HeldCase]] = defaultdict(list)
    for staff_id, crn, born, tier, kind, released in rows:
        held[staff_id].append(
            HeldCase(crn, tier or "", case_type_of(kind, released, day), is_t2a(born, day))
        )
    return held


def _staff_on(
    practitioners: list[Staff], mondays: tuple[date, ...]
) -> dict[tuple[int, date], tuple[str, Decimal]]:
    """Each practitioner's grade and contracted hours at the end of each Monday, from their
    history; today's where the history starts later (a record made without one)."""
    rows = (
        Staff.history.filter(  # type: ignore[attr-defined]
            id__in=[s.pk for s in practitioners], history_date__lt=end_of_day(mondays[-1])
        )
        .order_by("history_date", "history_id")
        .values_list("id", "history_date", "grade", "contracted_hours")
    )
    history: dict[int, list[tuple[datetime, str, Decimal]]] = defaultdict(list)
    for staff_id, at, grade, hours in rows:
        history[staff_id].append((at, grade, Decimal(hours)))
    found = {}
    for staff in practitioners:
        for monday in mondays:
            before = [h for h in history[staff.pk] if h[0] < end_of_day(monday)]
            grade, hours = (
                (before[-1][1], before[-1][2])
                if before
                else (staff.grade, Decimal(staff.contracted_hours))
            )
            found[(staff.pk, monday)] = (grade, hours)
    return found


def trend(practitioners: list[Staff], viewer: Any, today: date, weeks: int = WEEKS) -> Trend:
    """The listed practitioners' capacity at each of the last `weeks` Mondays."""
    weightings = weightings_on(last_mondays(today, weeks))
    # The trend starts when the weightings do: a Monday before them has no figure to give.
    mondays = tuple(sorted(weightings))
    if not mondays:
        return Trend((), tuple(PractitionerTrend(s, ()) for s in practitioners), ())
    staff_ids = [s.pk for s in practitioners]
    held = {monday: _held_on(staff_ids, viewer, monday) for monday in mondays}
    reductions = reductions_by_staff(staff_ids, weightings[mondays[-1]])
    staff_on = _staff_on(practitioners, mondays)
    rows = []
    for staff in practitioners:
        points = []
        for monday in mondays:
            grade, contracted = staff_on[(staff.pk, monday)]
            noon = datetime.combine(monday, time(12), tzinfo=UK)
            reduced = reduction_hours(reductions.get(staff.pk, []), noon)
            cases = held[monday].get(staff.pk, [])
            capacity = PointsCapacity(
                weigh(cases, weightings[monday].case_points),
                available_points_for(grade, contracted, reduced, weightings[monday]),
            )
            points.append(
                TrendPoint(
                    monday,
                    capacity.total_points,
                    capacity.available_points,
                    len(cases),
                    sum(1 for case in cases if not case.tier),
                )
            )
        rows.append(PractitionerTrend(staff, tuple(points)))
    team = tuple(
        team_point(monday, (row.points[i] for row in rows)) for i, monday in enumerate(mondays)
    )
    return Trend(mondays, tuple(rows), team)
