"""Each practitioner's workload read from the record: points from the cases they hold, and their
weeks in hours from the diary and the essential work due.

Set-based: a handful of queries for any number of practitioners and cases (allocations, tiers,
sentences, appointments, essentials), never one per case. The cases are those the reader may see
(`visible_cases`), so a case someone is kept out of never shows, even as a line in a list.

Reductions count as the real-time service counts them (`domain.reductions.counts_now`): for
points, at noon today; for each week, at noon on its Monday.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import visible_cases
from caseload.core.working_days import is_working_day
from caseload.diary.models import Appointment
from caseload.essentials.domain.essential import State
from caseload.essentials.domain.rules import RULES
from caseload.essentials.models import EssentialDue, EssentialOverride
from caseload.organisation.constants import Role
from caseload.organisation.models import Allocation, Staff
from caseload.people.models import Person, Sentence
from caseload.reports.constants import ReportKind
from caseload.reports.models import Report
from caseload.risk.constants import ROSH_CODES
from caseload.risk.domain import ROSH_LEVEL_OF_REGISTER
from caseload.risk.models import Registration
from caseload.tiering.models import CaseTier
from caseload.workload.domain import grades
from caseload.workload.domain.agreement import (
    Agreement,
    Task,
    TaskKind,
    UnknownTask,
    agreed_minutes,
)
from caseload.workload.domain.caseload import (
    HeldCase,
    PointsCapacity,
    case_type_of,
    is_t2a,
    weigh,
)
from caseload.workload.domain.points import report_points
from caseload.workload.domain.reductions import Reduction as ReductionFact
from caseload.workload.domain.reductions import ReductionReason, ReductionStatus, reduction_hours
from caseload.workload.domain.week import (
    Source,
    WeekFit,
    WeekTask,
    WeekTotals,
    available_minutes,
    fit_week,
    week_totals,
    weeks_from,
)
from caseload.workload.models import Reduction, WeekNote
from caseload.workload.weightings import (
    SERVICE_GRADE,
    Weightings,
    agreement_in_force,
    available_points_for,
    weightings_in_force,
)

#: This week and the four after it.
WEEKS = 5
#: The manager's time, not the practitioner's: left out of a practitioner's week.
NOT_THE_PRACTITIONERS = frozenset({"management_oversight"})
UK = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class PractitionerWorkload:
    staff: Staff
    points: PointsCapacity
    reduction_hours: Decimal
    nominal_target: int
    weeks: tuple[WeekTotals, ...]
    this_week: WeekFit
    #: The practitioner's latest note on this week's list, if any.
    note: WeekNote | None = None

    @property
    def username(self) -> str:
        return str(self.staff.user.get_username())

    @property
    def name(self) -> str:
        return str(self.staff.user.get_full_name() or self.username)


def practitioners_for(user: Any) -> list[Staff]:
    """The practitioners whose workload the user may see: a practitioner themselves; a manager
    their team; a head of unit or an analyst (who read the unit's cases) every team in the unit.
    Nobody without the permission to see case records: the workload names cases."""
    staff = getattr(user, "staff", None)
    if staff is None or not has_capability(user, Capability.SEE_CASE):
        return []
    if has_capability(user, Capability.HOLD_CASES):
        return [staff] if staff.role == Role.PRACTITIONER else []
    if staff.team is None:
        return []
    if has_capability(user, Capability.OVERSEE_CASES) and has_capability(
        user, Capability.CHANGE_CASE
    ):
        teams = [staff.team_id]
    else:
        teams = list(staff.team.delivery_unit.teams.values_list("pk", flat=True))
    return list(
        Staff.objects.filter(team_id__in=teams, role=Role.PRACTITIONER)
        .select_related("user", "team")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UK)


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UK)


def reductions_by_staff(
    staff_ids: list[int], weightings: Weightings
) -> dict[int, list[ReductionFact]]:
    """Each practitioner's reductions as the pure rules take them; a reason no longer in the
    table in force keeps its hours (it was valid when recorded)."""
    reasons = {r.name: r for r in weightings.reduction_reasons}
    found: dict[int, list[ReductionFact]] = defaultdict(list)
    for row in Reduction.objects.filter(staff_id__in=staff_ids):
        found[row.staff_id].append(
            ReductionFact(
                Decimal(row.hours),
                reasons.get(row.reason, ReductionReason("", row.reason)),
                _midnight(row.effective_from),
                _midnight(row.effective_to) if row.effective_to else None,
                ReductionStatus(row.status),
            )
        )
    return found


def _working_days(monday: date) -> int:
    return sum(1 for n in range(5) if is_working_day(monday + timedelta(days=n)))


def _held(
    staff_ids: list[int], people: Any, today: date
) -> dict[int, list[tuple[int, str, str, date]]]:
    """Per practitioner: (person id, crn, name, date of birth) of every case they hold today."""
    rows = (
        Allocation.objects.active_on(today)
        .filter(staff_id__in=staff_ids, person__in=people)
        .values_list(
            "staff_id",
            "person_id",
            "person__crn",
            "person__first_name",
            "person__last_name",
            "person__date_of_birth",
        )
        .order_by("person__crn")
    )
    held: dict[int, list[tuple[int, str, str, date]]] = defaultdict(list)
    for staff_id, person_id, crn, first, last, born in rows:
        held[staff_id].append((person_id, crn, f"{first} {last}", born))
    return held


#: Person ids: a list, or a subquery of them.
PersonIds = Collection[int] | QuerySet[Any]


def _held_people(staff_ids: list[int], today: date) -> QuerySet[Any]:
    """Every case the practitioners hold today, as a subquery for the per-case reads. It skips
    the access check (repeating it in each read cost more than the read): the reads are only
    looked up for the cases `_held` chose through `visible_cases`, so nothing of another case
    is ever shown or counted."""
    return Allocation.objects.active_on(today).filter(staff_id__in=staff_ids).values("person_id")


def case_types(person_ids: "PersonIds", today: date) -> dict[int, str | None]:
    """The case type from each person's sentence in force: the latest by sentence date."""
    rows = (
        Sentence.objects.active_on(today)
        .filter(event__person_id__in=person_ids)
        .values_list("event__person_id", "sentence_type", "release_date")
        .order_by("sentence_date", "pk")
    )
    return {pid: case_type_of(kind, released, today) for pid, kind, released in rows}


def rosh_by_person(person_ids: "PersonIds", today: date) -> dict[int, str]:
    """Each person's RoSH level from their latest active RoSH registration."""
    found: dict[int, tuple[date, str]] = {}
    rows = (
        Registration.objects.active_on(today)
        .filter(person_id__in=person_ids, register__in=ROSH_CODES)
        .values_list("person_id", "registered_on", "register")
    )
    for person_id, registered_on, register in rows:
        if person_id not in found or registered_on > found[person_id][0]:
            found[person_id] = (registered_on, ROSH_LEVEL_OF_REGISTER[register])
    return {person_id: level for person_id, (_, level) in found.items()}


def _contact_minutes(agreement: Agreement, appointment: Appointment) -> int:
    """The agreed minutes of a booked appointment, recording and travel included; a contact
    type the agreement does not list counts its booked length and the recording time."""
    try:
        return agreed_minutes(agreement, Task(TaskKind.CONTACT, appointment.contact_type))
    except UnknownTask:
        return appointment.duration_minutes + agreed_minutes(agreement, Task(TaskKind.RECORDING))


def _agreed_or_nothing(agreement: Agreement, kind: TaskKind, code: str) -> int:
    """The agreement's minutes for an essential or a report; one it does not list counts 0."""
    try:
        return agreed_minutes(agreement, Task(kind, code))
    except UnknownTask:
        return 0


def _week_of(due: date | None, mondays: tuple[date, ...]) -> date | None:
    """The week among `mondays` a task due on `due` falls in: this week once overdue (or with
    no date), None beyond the last."""
    if due is None or due < mondays[0]:
        return mondays[0]
    monday = due - timedelta(due.weekday())
    return monday if monday in mondays else None


#: Practitioners read together: each batch's queries name only its own cases.
BATCH = 250


def workloads(
    practitioners: Sequence[Staff], viewer: Any, today: date
) -> list[PractitionerWorkload]:
    """Every listed practitioner's workload as at `today`, from the cases `viewer` may see.
    Read in batches of practitioners, a fixed number of queries each (about 15)."""
    return _in_batches(practitioners, visible_cases(viewer, today), today)


def counted_workloads(practitioners: Sequence[Staff], today: date) -> list[PractitionerWorkload]:
    """Every listed practitioner's workload from every case they hold, limited access or not:
    only for anonymised aggregates, which never show a case (`workload/aggregate.py`)."""
    return _in_batches(practitioners, Person.objects.all(), today)


def _in_batches(
    practitioners: Sequence[Staff], people: Any, today: date
) -> list[PractitionerWorkload]:
    weightings = weightings_in_force(today)
    agreement = agreement_in_force(today)
    found: list[PractitionerWorkload] = []
    for start in range(0, len(practitioners), BATCH):
        batch = practitioners[start : start + BATCH]
        found += _workloads(batch, people, today, weightings, agreement)
    return found


@dataclass(frozen=True)
class _Due:
    """An open essential as the week takes it (`essentials.reading` reads the same rows)."""

    person_id: int
    kind: str
    due_on: date | None
    overdue: bool


def _open_essentials(person_ids: "PersonIds", today: date, before: date) -> list[_Due]:
    """The open essentials (due or overdue, as `essentials.reading` reads them: stored as due,
    with no snooze or "not applicable" in force) due before `before` or with no date, in the
    essentials' order among equals (kind, then subject). Two queries; only the rows the weeks
    need, so a caseload's done and later essentials are never read."""
    overridden = set(
        EssentialOverride.objects.in_force(today)
        .filter(person_id__in=person_ids)
        .values_list("person_id", "kind", "subject")
    )
    rows = (
        EssentialDue.objects.filter(person_id__in=person_ids, state=State.DUE)
        .filter(Q(due_on__isnull=True) | Q(due_on__lt=before))
        .exclude(kind__in=NOT_THE_PRACTITIONERS)
        .order_by("kind", "subject")
        .values_list("person_id", "kind", "subject", "due_on")
    )
    return [
        _Due(person_id, kind, due_on, due_on is not None and due_on < today)
        for person_id, kind, subject, due_on in rows
        if (person_id, kind, subject) not in overridden
    ]


def _workloads(
    practitioners: Sequence[Staff],
    people: Any,
    today: date,
    weightings: Weightings,
    agreement: Agreement,
) -> list[PractitionerWorkload]:
    staff_ids = [s.pk for s in practitioners]
    held = _held(staff_ids, people, today)
    # The held cases as a subquery rather than a list of thousands of ids to bind.
    person_ids = _held_people(staff_ids, today)
    holder = {case[0]: sid for sid, cases in held.items() for case in cases}
    named = {case[0]: case for cases in held.values() for case in cases}
    tiers = dict(
        CaseTier.objects.filter(person_id__in=person_ids).values_list("person_id", "v2_tier")
    )
    types = case_types(person_ids, today)
    mondays = weeks_from(today, WEEKS)
    tasks: dict[tuple[int, date], list[WeekTask]] = defaultdict(list)
    rosh = rosh_by_person(person_ids, today)
    for essential in _open_essentials(person_ids, today, mondays[-1] + timedelta(weeks=1)):
        if essential.person_id not in named:
            continue  # a case the viewer may not see
        due = essential.due_on
        monday = _week_of(due, mondays)
        if monday is None:
            continue
        _, crn, name, _ = named[essential.person_id]
        rule = RULES.get(essential.kind)
        tasks[(holder[essential.person_id], monday)].append(
            WeekTask(
                Source.ESSENTIAL,
                rule.title if rule else essential.kind,
                crn,
                name,
                _agreed_or_nothing(agreement, TaskKind.ESSENTIAL, essential.kind),
                due,
                overdue=essential.overdue,
                rosh=rosh.get(essential.person_id, ""),
                tier=tiers.get(essential.person_id, ""),
                code=essential.kind,
            )
        )
    appointments = (
        Appointment.objects.arranged()
        .filter(with_staff_id__in=staff_ids, person__in=people)
        .between(_midnight(mondays[0]), _midnight(mondays[-1] + timedelta(weeks=1)))
        .select_related("person")
    )
    for appointment in appointments:
        day = appointment.starts_at.astimezone(UK).date()
        tasks[(appointment.with_staff_id, day - timedelta(day.weekday()))].append(
            WeekTask(
                Source.APPOINTMENT,
                appointment.get_contact_type_display(),
                appointment.person.crn,
                appointment.person.full_name,
                _contact_minutes(agreement, appointment),
                day,
                rosh=rosh.get(appointment.person_id, ""),
                tier=tiers.get(appointment.person_id, ""),
                code=appointment.contact_type,
            )
        )
    court_reports: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    reports = Report.objects.outstanding().filter(person_id__in=person_ids)
    for person_id, kind, label, due in _report_rows(reports):
        if person_id not in named:
            continue  # a case the viewer may not see
        staff_id = holder[person_id]
        court_reports[staff_id][kind] += 1
        monday = _week_of(due, mondays)
        if monday is None:
            continue
        _, crn, name, _ = named[person_id]
        tasks[(staff_id, monday)].append(
            WeekTask(
                Source.REPORT,
                label,
                crn,
                name,
                _agreed_or_nothing(agreement, TaskKind.REPORT, kind),
                due,
                overdue=due < today,
                rosh=rosh.get(person_id, ""),
                tier=tiers.get(person_id, ""),
                code=kind,
            )
        )
    notes = WeekNote.objects.latest_for(staff_ids, mondays[0])
    reductions = reductions_by_staff(staff_ids, weightings)
    return [
        _workload(
            staff,
            held.get(staff.pk, []),
            tiers,
            types,
            {monday: tasks.get((staff.pk, monday), []) for monday in mondays},
            weightings,
            agreement,
            today,
            notes.get(staff.pk),
            reductions.get(staff.pk, []),
            report_points(court_reports.get(staff.pk, {}), weightings.reports),
        )
        for staff in practitioners
    ]


def _report_rows(reports: Any) -> list[tuple[int, str, str, date]]:
    """Outstanding reports as (person, kind, the kind in words, needed by): one query."""
    words = {kind: str(label) for kind, label in ReportKind.choices}
    rows = reports.order_by("due_on", "pk").values_list("person_id", "kind", "due_on")
    return [(person_id, kind, words.get(kind, kind), due) for person_id, kind, due in rows]


def _workload(
    staff: Staff,
    held: Iterable[tuple[int, str, str, date]],
    tiers: dict[int, str],
    case_types: dict[int, str | None],
    tasks: dict[date, list[WeekTask]],
    weightings: Weightings,
    agreement: Agreement,
    today: date,
    note: WeekNote | None,
    reductions: list[ReductionFact],
    points_for_reports: int,
) -> PractitionerWorkload:
    reduced = reduction_hours(reductions, _noon(today))
    cases = weigh(
        (
            HeldCase(crn, tiers.get(pid, ""), case_types.get(pid), is_t2a(born, today))
            for pid, crn, _, born in held
        ),
        weightings.case_points,
    )
    contracted = Decimal(staff.contracted_hours)
    points = PointsCapacity(
        cases,
        available_points_for(staff.grade, contracted, reduced, weightings),
        points_for_reports,
    )
    share = agreement.responsive_share_percent
    weeks = []
    for monday, week_tasks in tasks.items():
        days = _working_days(monday)
        that_week = reduction_hours(reductions, _noon(monday))
        available = available_minutes(contracted, that_week, days)
        weeks.append(week_totals(monday, week_tasks, available, share, days))
    this_week = fit_week(tasks[weeks[0].monday], weeks[0].available_minutes, share)
    return PractitionerWorkload(
        staff=staff,
        points=points,
        reduction_hours=reduced,
        nominal_target=nominal_target(staff.grade, weightings),
        weeks=tuple(weeks),
        this_week=this_week,
        note=note,
    )


def nominal_target(grade: str, weightings: Weightings) -> int:
    """The grade's points at full hours and no reductions."""
    hours = weightings.grades
    service = SERVICE_GRADE.get(grade, grades.DMY)
    default = grades.default_hours_for_grade(
        service,
        po_hours=hours[grades.PO].default_contracted_hours,
        pso_hours=hours[grades.PSO].default_contracted_hours,
        spo_hours=hours[grades.SPO].default_contracted_hours,
    )
    return available_points_for(grade, default, Decimal(0), weightings)
