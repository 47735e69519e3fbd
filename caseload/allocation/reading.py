"""What the allocation pages read: the team's cases awaiting (re)allocation, each case's points,
and for one case every practitioner of its team with their capacity before and after.

Cases are read through `visible_cases` only, so a case the reader is kept out of never shows.
Set-based: a fixed number of queries for a team, whatever its cases.

A **new** case is one held by a member of staff who does not hold cases (the team manager or a
team's unallocated placeholder, as Delius holds a case from court until it is allocated): a
person with no allocation at all belongs to no team and so to nobody's scope.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q

from caseload.access.cases import limited_access_refusals, visible_cases
from caseload.access.domain import ListEntry, kept_out
from caseload.access.models import LimitedAccess
from caseload.allocation.domain.ordering import national_order
from caseload.allocation.domain.spread import (
    CaseToMove,
    Receiver,
    Spread,
    propose_spread,
    team_has_room,
)
from caseload.allocation.domain.suitability import Fit, suitability
from caseload.allocation.models import Absence
from caseload.organisation.constants import Role
from caseload.organisation.domain import CASE_HOLDING_GRADES
from caseload.organisation.models import Allocation, Staff
from caseload.people.models import Person
from caseload.reports.models import Report
from caseload.tiering.models import CaseTier
from caseload.workload.domain.capacity import potential_capacity_percent
from caseload.workload.domain.caseload import CaseWeight, HeldCase, is_t2a, weigh
from caseload.workload.domain.points import report_points
from caseload.workload.domain.week import with_share
from caseload.workload.practitioners import PractitionerWorkload, case_types, workloads
from caseload.workload.weightings import Weightings, weightings_in_force

RECENT_DAYS = 7
#: An absence starting within this many days already puts the practitioner's cases on the list
#: (and stops new ones being offered to them): about a month's notice of leaving or leave.
LOOK_AHEAD_DAYS = 28
TIER_LETTERS = ("A", "B", "C", "D")


def kept_out_of(staff: Staff, person: Person, day: date | None = None) -> bool:
    """A limited-access list keeps this member of staff out of the case."""
    return (
        Person.objects.filter(pk=person.pk)
        .filter(limited_access_refusals(staff.user, day))
        .exists()
    )


def kept_out_pairs(staff: list[Staff], person_ids: list[int], day: date) -> set[tuple[int, int]]:
    """(staff id, person id) for each of these staff kept out of each of these cases by a
    limited-access list: one query for any number of both (the pure rule,
    `access.domain.kept_out`, over the cases' entries in force)."""
    entries: dict[int, list[ListEntry]] = defaultdict(list)
    rows = LimitedAccess.objects.active_on(day).filter(person_id__in=person_ids)
    for person_id, kind, user_id, start, end in rows.values_list(
        "person_id", "kind", "user_id", "start_date", "end_date"
    ):
        entries[person_id].append(ListEntry(kind, user_id, start, end))
    return {
        (member.pk, person_id)
        for person_id, listed in entries.items()
        for member in staff
        if kept_out(member.user_id, listed, day)
    }


def case_weights(person_ids: list[int], today: date) -> dict[int, CaseWeight]:
    """Each case's points under the weightings in force: v2 tier, case type, T2A, and the
    court reports being written on it."""
    rows = Person.objects.filter(pk__in=person_ids).values_list("pk", "crn", "date_of_birth")
    people = {pk: crn for pk, crn, _ in rows}
    born = {pk: day for pk, _, day in rows}
    tiers = dict(
        CaseTier.objects.filter(person_id__in=person_ids).values_list("person_id", "v2_tier")
    )
    types = case_types(person_ids, today)
    weightings = weightings_in_force(today)
    order = list(people)
    weights = weigh(
        (
            HeldCase(people[pid], tiers.get(pid, ""), types.get(pid), is_t2a(born[pid], today))
            for pid in order
        ),
        weightings.case_points,
    )
    reports = _report_points(person_ids, weightings)
    return {
        pid: replace(weight, points=weight.points + reports.get(pid, 0))
        for pid, weight in zip(order, weights, strict=True)
    }


def _report_points(person_ids: list[int], weightings: Weightings) -> dict[int, int]:
    """The points of the court reports being written on each case: whoever holds the case
    writes them, so they move with it (`reports.models.Report`)."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for pid, kind in (
        Report.objects.outstanding()
        .filter(person_id__in=person_ids)
        .values_list("person_id", "kind")
    ):
        counts[pid][kind] += 1
    return {pid: report_points(kinds, weightings.reports) for pid, kinds in counts.items()}


@dataclass(frozen=True)
class Waiting:
    """A case awaiting allocation or reallocation."""

    person: Person
    held_by: Staff
    since: date
    weight: CaseWeight
    #: None for a new case; for one to reallocate, its holder's absence.
    absence: Absence | None

    @property
    def new(self) -> bool:
        return self.absence is None


def _teams(user: Any) -> list[int]:
    staff = getattr(user, "staff", None)
    if staff is None or staff.team is None:
        return []
    if staff.role == Role.MANAGER:
        return [staff.team_id]
    return list(staff.team.delivery_unit.teams.values_list("pk", flat=True))


def _to_cover(today: date) -> Q:
    """In force today, or starting within `LOOK_AHEAD_DAYS`."""
    soon = today + timedelta(days=LOOK_AHEAD_DAYS)
    return Q(start_date__lte=soon) & (Q(end_date__isnull=True) | Q(end_date__gt=today))


def absences_to_cover(staff_ids: list[int], today: date) -> dict[int, Absence]:
    """Each practitioner's absence in force today or starting soon (the earliest)."""
    found: dict[int, Absence] = {}
    rows = Absence.objects.filter(staff_id__in=staff_ids).filter(_to_cover(today))
    for absence in rows.order_by("start_date", "pk"):
        found.setdefault(absence.staff_id, absence)
    return found


def waiting_cases(user: Any, today: date) -> list[Waiting]:
    """The reader's team's (a head's: the unit's) new cases, then the cases of practitioners who
    are away or leaving (or will be within `LOOK_AHEAD_DAYS`), oldest first."""
    held = (
        Allocation.objects.active_on(today)
        # Not already due to move to someone on a later day.
        .filter(end_date__isnull=True)
        .filter(team_id__in=_teams(user), person__in=visible_cases(user, today))
        .select_related("person", "staff__user", "staff__team")
    )
    absent_staff = Absence.objects.filter(_to_cover(today))
    held = held.filter(
        ~Q(staff__role=Role.PRACTITIONER)
        | ~Q(staff__grade__in=CASE_HOLDING_GRADES)
        | Q(staff_id__in=absent_staff.values("staff_id"))
    )
    rows = list(held)
    absences = absences_to_cover([a.staff_id for a in rows], today)
    weights = case_weights([a.person_id for a in rows], today)
    found = []
    for allocation in rows:
        new = (
            allocation.staff.role != Role.PRACTITIONER
            or allocation.staff.grade not in CASE_HOLDING_GRADES
        )
        found.append(
            Waiting(
                allocation.person,
                allocation.staff,
                allocation.start_date,
                weights[allocation.person_id],
                None if new else absences[allocation.staff_id],
            )
        )
    return sorted(found, key=lambda w: (not w.new, w.since, w.person.crn))


@dataclass(frozen=True)
class Candidate:
    """One practitioner as the choose-practitioner page shows them for one case."""

    workload: PractitionerWorkload
    fit: Fit
    holds_it: bool
    points_after: Decimal
    expected_minutes_after: Decimal
    tier_mix: dict[str, int]
    allocated_recently: int

    @property
    def staff(self) -> Staff:
        return self.workload.staff


def team_practitioners(team_id: int) -> list[Staff]:
    return list(
        Staff.objects.filter(team_id=team_id, role=Role.PRACTITIONER)
        .select_related("user", "team")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def tier_mix(workload: PractitionerWorkload) -> dict[str, int]:
    counts = Counter(
        case.tier[:1] if case.tier[:1] in TIER_LETTERS else "" for case in workload.points.cases
    )
    return {
        **{letter: counts.get(letter, 0) for letter in TIER_LETTERS},
        "untiered": counts.get("", 0),
    }


def allocated_since(staff_ids: list[int], today: date) -> dict[int, int]:
    """Cases allocated to each in the last 7 days (by the allocation's start)."""
    rows = Allocation.objects.filter(
        staff_id__in=staff_ids,
        start_date__gt=today - timedelta(days=RECENT_DAYS),
        start_date__lte=today,
    ).values_list("staff_id", flat=True)
    return dict(Counter(rows))


def this_weeks_minutes(workload: PractitionerWorkload, crn: str) -> Decimal:
    """The case's share of its holder's week: its booked and due work this week, with the
    responsive share; what a new holder would take on this week."""
    week = workload.this_week
    planned = sum(line.task.minutes for line in week.lines if line.task.crn == crn)
    return with_share(planned, week.share_percent)


def candidates(
    user: Any, person: Person, today: date
) -> tuple[CaseWeight, list[Candidate], PractitionerWorkload | None]:
    """The case's points, its team's practitioners in the national tool's order with their
    capacity before and after, and the current holder's workload."""
    current = person.allocations.active_on(today).select_related("staff__user").first()
    team_id = current.team_id if current else None
    staff = team_practitioners(team_id) if team_id else []
    holder = current.staff if current else None
    everyone = staff + ([holder] if holder and holder not in staff else [])
    found = {w.staff.pk: w for w in workloads(everyone, user, today)}
    weight = case_weights([person.pk], today)[person.pk]
    moving = this_weeks_minutes(found[holder.pk], person.crn) if holder else Decimal(0)
    recent = allocated_since([s.pk for s in staff], today)
    refused = {s for s, _ in kept_out_pairs(staff, [person.pk], today)}
    away = absences_to_cover([s.pk for s in staff], today)
    result = []
    for member in staff:
        workload = found[member.pk]
        holds = holder is not None and holder.pk == member.pk
        points = workload.points
        result.append(
            Candidate(
                workload,
                suitability(
                    member.grade,
                    weight.tier,
                    kept_out=member.pk in refused,
                    away=member.pk in away,
                ),
                holds,
                potential_capacity_percent(
                    points.total_points,
                    points.available_points,
                    weight.points,
                    already_held_points=weight.points if holds else 0,
                ),
                workload.this_week.expected_minutes + (0 if holds else moving),
                tier_mix(workload),
                recent.get(member.pk, 0),
            )
        )
    ordered = national_order(
        result,
        grade=lambda c: c.staff.grade,
        capacity=lambda c: c.workload.points.capacity_percent,
        name=lambda c: c.workload.name,
    )
    return weight, ordered, found.get(holder.pk) if holder else None


@dataclass(frozen=True)
class Proposal:
    """Every case of one practitioner spread over the rest of their team."""

    leaving: PractitionerWorkload
    receivers: list[PractitionerWorkload]
    cases: dict[str, CaseWeight]
    spread: Spread
    room: bool
    people: dict[str, Person]
    unsuitable: dict[str, dict[str, str]]


def proposal_for(user: Any, staff: Staff, today: date) -> Proposal:
    """The greedy spread (`domain.spread`) of every case `staff` holds that `user` may see,
    over the other practitioners of their team who are not themselves away or leaving."""
    away = absences_to_cover([s.pk for s in team_practitioners(staff.team_id)], today)
    team = [s for s in team_practitioners(staff.team_id) if s.pk != staff.pk and s.pk not in away]
    found = {w.staff.pk: w for w in workloads([staff, *team], user, today)}
    # Held today, and not already due to move to someone else on a later day.
    staying = Allocation.objects.latest_open().filter(staff=staff).values("person_id")
    held = list(
        visible_cases(user, today)
        .filter(pk__in=Person.objects.allocated_to(staff.pk, today).values("pk"))
        .filter(pk__in=staying)
        .order_by("crn")
    )
    weights = case_weights([p.pk for p in held], today)
    refused = kept_out_pairs(team, [p.pk for p in held], today)
    unsuitable: dict[str, dict[str, str]] = {}
    moving = []
    for person in held:
        weight = weights[person.pk]
        reasons = {}
        for member in team:
            fit = suitability(member.grade, weight.tier, kept_out=(member.pk, person.pk) in refused)
            if not fit.suitable:
                reasons[member.user.get_username()] = fit.words
        unsuitable[person.crn] = reasons
        moving.append(CaseToMove(person.crn, weight.points, frozenset(reasons)))
    receivers = [
        Receiver(
            found[m.pk].username,
            found[m.pk].points.total_points,
            found[m.pk].points.available_points,
        )
        for m in team
    ]
    return Proposal(
        found[staff.pk],
        [found[m.pk] for m in team],
        {p.crn: weights[p.pk] for p in held},
        propose_spread(moving, receivers),
        team_has_room(receivers, moving),
        {p.crn: p for p in held},
        unsuitable,
    )
