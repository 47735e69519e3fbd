"""Workload over the API.

`GET /workload/agreement` (in force today, or on the day `?on=YYYY-MM-DD`): any signed-in caller
may read it, as it holds no case data. `GET /workload/practitioners`, `/practitioners/{username}`
and `/does-not-fit?practitioner=USERNAME`: each practitioner's capacity and week, for those the
caller may see (themselves; a manager their team; a head of unit or an analyst the unit). They
name cases, so they need the permission to see case records: a staff representative is refused
(403), as on every case API. `GET /workload/trend[?team=CODE]`: the same practitioners' points
capacity at each of the last 12 Mondays, and everyone's together. `GET /workload/evidence`
(actual against agreed minutes) and `/workload/aggregate` (the staff representative's view)
are anonymised: `SEE_AGGREGATES`."""

from datetime import date, timedelta
from decimal import Decimal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.rules import operation_for, signed_in_operation
from caseload.core.api_errors import error_responses
from caseload.workload.actions import UnknownReason, record_reduction
from caseload.workload.aggregate import aggregate_for
from caseload.workload.domain.aggregate import BANDS
from caseload.workload.domain.evidence import ENOUGH
from caseload.workload.domain.trend import TrendPoint
from caseload.workload.evidence import DEFAULT_WEEKS, evidence_report, units_in_scope
from caseload.workload.evidence_forms import LONGEST_PERIOD_DAYS
from caseload.workload.models import AgreementVersion
from caseload.workload.practitioners import PractitionerWorkload, practitioners_for, workloads
from caseload.workload.shown import hours_value
from caseload.workload.trend import trend
from caseload.workload.weightings import NoneInForce, agreement_version_in_force

PREFIX = "/workload"
router = Router(tags=["workload"])


class TimingOut(Schema):
    kind: str = Field(..., description="contact, report, essential, recording or travel")
    code: str = Field(
        ..., description='The contact type, report or essential kind; "" for recording and travel'
    )
    label: str
    setting: str = Field(..., description='How a contact happens (office, home visit, …) or ""')
    minutes: int = Field(..., ge=0, description="The minutes agreed for the task itself")
    source: str = Field(..., description="Where the figure comes from")
    local_estimate: bool = Field(..., description="True when no public source gives the figure")


class AgreementOut(Schema):
    id: int
    effective_from: date = Field(..., description="The day it took (or takes) effect")
    author: str = Field(..., description='Who added it; "" for the default agreement')
    note: str
    responsive_share_percent: float = Field(
        ..., description="Added on top of a week's planned minutes for responsive work"
    )
    responsive_share_source: str
    recording_minutes_after_each_contact: int
    travel_minutes_for_a_home_visit: int
    timings: list[TimingOut]


class AgreementQuery(Schema):
    on: date | None = Field(
        None, description="The day (UK) to read the agreement in force on; default today",
        ge=date(1900, 1, 1), le=date(9999, 12, 31),
    )  # fmt: skip


def _minutes(version: AgreementVersion, kind: str) -> int:
    row = version.timings.filter(kind=kind).first()
    return row.minutes if row else 0


@router.get(
    "/agreement",
    response={200: AgreementOut, **error_responses(401, 404, 422)},
    summary="The workload agreement in force: the minutes agreed for each task",
)
@signed_in_operation
def agreement(request: HttpRequest, query: Query[AgreementQuery]) -> Status[object]:
    day = query.on or timezone.localdate()
    try:
        version = agreement_version_in_force(day)
    except NoneInForce:
        return Status(404, {"detail": f"No workload agreement was in force on {day.isoformat()}"})
    author = version.author
    return Status(
        200,
        AgreementOut(
            id=version.pk,
            effective_from=version.effective_from,
            author=(author.get_full_name() or author.username) if author else "",
            note=version.note,
            responsive_share_percent=float(version.responsive_share_percent),
            responsive_share_source=version.responsive_share_source,
            recording_minutes_after_each_contact=_minutes(version, "recording"),
            travel_minutes_for_a_home_visit=_minutes(version, "travel"),
            timings=[
                TimingOut(
                    kind=row.kind,
                    code=row.code,
                    label=row.label,
                    setting=row.setting,
                    minutes=row.minutes,
                    source=row.source,
                    local_estimate=row.local_estimate,
                )
                for row in version.timings.order_by("position")
            ],
        ),
    )


NO_SUCH_PRACTITIONER = {"detail": "No practitioner by that username whose workload you may see"}


def _found(request: HttpRequest, username: str | None = None) -> list[PractitionerWorkload]:
    staff = practitioners_for(request.user)
    if username is not None:
        staff = [s for s in staff if s.user.get_username() == username]
    return workloads(staff, request.user, timezone.localdate())


class PractitionerOut(Schema):
    username: str
    name: str
    grade: str = Field(..., description="PO, PSO, SPO, PQIP or OTHER")
    contracted_hours: float = Field(..., description="Hours a week")
    points_capacity_percent: float = Field(
        ..., description="Total points ÷ available points × 100, to 3 decimal places"
    )
    expected_hours_this_week: float = Field(
        ...,
        description="This week's booked and due work at agreed minutes, with the responsive share",
    )
    available_hours_this_week: float = Field(
        ..., description="Contracted hours less reductions, pro rata to the week's working days"
    )
    does_not_fit_hours: float = Field(
        ..., description="The hours of this week's work below the line"
    )


class CaseOut(Schema):
    crn: str
    tier: str = Field(..., description='The v2 tier (A3 … D0), or "" when untiered')
    case_type: str | None = Field(
        ..., description="COMMUNITY, LICENSE or CUSTODY from the sentence in force; null if none"
    )
    t2a: bool = Field(..., description="Aged 18 to 24: weighted on the transition-to-adulthood row")
    points: int


class LineOut(Schema):
    order: int
    source: str = Field(..., description="appointment, essential or report")
    what: str
    crn: str
    due_on: date | None
    overdue: bool
    agreed_minutes: int
    running_minutes: int = Field(..., description="The running total up to and including this")
    fits: bool = Field(..., description="False below the line: for the manager")


class WeekOut(Schema):
    week_starting: date
    working_days: int
    planned_hours: float
    expected_hours: float = Field(..., description="Planned hours plus the responsive share")
    available_hours: float


class DoesNotFitOut(Schema):
    username: str
    week_starting: date
    available_minutes: int
    responsive_share_percent: float
    minutes_for_planned_work: int = Field(
        ..., description="Available minutes less the responsive share: where the line falls"
    )
    does_not_fit_minutes: int
    note: str = Field(..., description='The practitioner\'s latest note on the week, or ""')
    lines: list[LineOut]


class BreakdownOut(PractitionerOut):
    nominal_target: int = Field(..., description="The grade's available points at full hours")
    reduction_hours: float
    available_points: int
    total_points: int = Field(..., description="The cases' points plus report_points")
    report_points: int = Field(
        ..., description="Standard and fast delivery court reports being written, weighted"
    )
    cases: list[CaseOut]
    weeks: list[WeekOut] = Field(..., description="This week and the four after it")
    this_week: DoesNotFitOut


def _practitioner(workload: PractitionerWorkload) -> dict[str, object]:
    week = workload.weeks[0]
    return {
        "username": workload.username,
        "name": workload.name,
        "grade": workload.staff.grade,
        "contracted_hours": float(workload.staff.contracted_hours),
        "points_capacity_percent": float(workload.points.capacity_percent),
        "expected_hours_this_week": hours_value(week.expected_minutes),
        "available_hours_this_week": hours_value(week.available_minutes),
        "does_not_fit_hours": hours_value(workload.this_week.does_not_fit_minutes),
    }


def _does_not_fit(workload: PractitionerWorkload) -> DoesNotFitOut:
    fit = workload.this_week
    return DoesNotFitOut(
        username=workload.username,
        week_starting=workload.weeks[0].monday,
        available_minutes=fit.available_minutes,
        responsive_share_percent=float(fit.share_percent),
        minutes_for_planned_work=fit.budget_minutes,
        does_not_fit_minutes=fit.does_not_fit_minutes,
        note=workload.note.text if workload.note else "",
        lines=[
            LineOut(
                order=number,
                source=line.task.source,
                what=line.task.what,
                crn=line.task.crn,
                due_on=line.task.due_on,
                overdue=line.task.overdue,
                agreed_minutes=line.task.minutes,
                running_minutes=line.running_minutes,
                fits=line.fits,
            )
            for number, line in enumerate(fit.lines, start=1)
        ],
    )


@router.get(
    "/practitioners",
    response={200: list[PractitionerOut], **error_responses(401, 403)},
    summary="Each practitioner's capacity in points and this week in hours",
    description="A practitioner sees themselves; a manager their team; a head of unit the unit.",
)
@operation_for(Capability.SEE_CASE)
def practitioners(request: HttpRequest) -> Status[object]:
    found = _found(request)
    record_audit(request.user, "VIEW_WORKLOAD", detail={"workload": "practitioners"})
    return Status(200, [_practitioner(workload) for workload in found])


@router.get(
    "/practitioners/{username}",
    response={200: BreakdownOut, **error_responses(401, 403, 404)},
    summary="One practitioner's workload: cases and points, and the weeks in hours",
)
@operation_for(Capability.SEE_CASE)
def practitioner(request: HttpRequest, username: str) -> Status[object]:
    found = _found(request, username)
    if not found:
        return Status(
            404, {"detail": "No practitioner by that username whose workload you may see"}
        )
    (workload,) = found
    record_audit(request.user, "VIEW_WORKLOAD", detail={"workload": username})
    return Status(
        200,
        {
            **_practitioner(workload),
            "nominal_target": workload.nominal_target,
            "reduction_hours": float(workload.reduction_hours),
            "available_points": workload.points.available_points,
            "total_points": workload.points.total_points,
            "report_points": workload.points.report_points,
            "cases": [
                {
                    "crn": case.crn,
                    "tier": case.tier,
                    "case_type": case.case_type,
                    "t2a": case.t2a,
                    "points": case.points,
                }
                for case in workload.points.cases
            ],
            "weeks": [
                {
                    "week_starting": week.monday,
                    "working_days": week.working_days,
                    "planned_hours": hours_value(week.planned_minutes),
                    "expected_hours": hours_value(week.expected_minutes),
                    "available_hours": hours_value(week.available_minutes),
                }
                for week in workload.weeks
            ],
            "this_week": _does_not_fit(workload),
        },
    )


class DoesNotFitQuery(Schema):
    practitioner: str = Field(..., max_length=150, description="The practitioner's username")


@router.get(
    "/does-not-fit",
    response={200: DoesNotFitOut, **error_responses(401, 403, 404, 422)},
    summary="This week's work in priority order with the line where the hours run out",
)
@operation_for(Capability.SEE_CASE)
def does_not_fit(request: HttpRequest, query: Query[DoesNotFitQuery]) -> Status[object]:
    found = _found(request, query.practitioner)
    if not found:
        return Status(
            404, {"detail": "No practitioner by that username whose workload you may see"}
        )
    record_audit(request.user, "VIEW_WORKLOAD", detail={"workload": f"{query.practitioner} list"})
    return Status(200, _does_not_fit(found[0]))


class TrendPointOut(Schema):
    week_starting: date = Field(..., description="The Monday the figure is read on")
    points_capacity_percent: float | None = Field(
        ...,
        description="Total points ÷ available points × 100 on that day, to 3 decimal places; "
        "null when no case held then had a tier recorded yet",
    )
    total_points: int
    available_points: int
    cases: int = Field(..., description="Cases held that day")
    untiered_cases: int = Field(..., description="Of those, cases with no tier recorded by then")


class PractitionerTrendOut(Schema):
    username: str
    name: str
    team: str = Field(..., description="The practitioner's team code")
    weeks: list[TrendPointOut]


class TrendOut(Schema):
    weeks: list[TrendPointOut] = Field(
        ..., description="Everyone listed together: their points over their available points"
    )
    practitioners: list[PractitionerTrendOut]


class TrendQuery(Schema):
    team: str | None = Field(
        None, max_length=12, description="A team's code: only its practitioners (default: all)"
    )


def _point(point: TrendPoint) -> TrendPointOut:
    percent = point.capacity_percent
    return TrendPointOut(
        week_starting=point.monday,
        points_capacity_percent=None if percent is None else float(percent),
        total_points=point.total_points,
        available_points=point.available_points,
        cases=point.cases,
        untiered_cases=point.untiered,
    )


@router.get(
    "/trend",
    response={200: TrendOut, **error_responses(401, 403, 404, 422)},
    summary="Capacity in the points model at each of the last 12 Mondays",
    description="From the record as it stood each Monday: the cases held that day, their tiers "
    "and sentences then, the reductions and the weightings then in force. For the "
    "practitioners the caller may see (themselves; a manager their team; a head of unit the "
    "unit), or one team's.",
)
@operation_for(Capability.SEE_CASE)
def workload_trend(request: HttpRequest, query: Query[TrendQuery]) -> Status[object]:
    staff = practitioners_for(request.user)
    if query.team is not None:
        staff = [s for s in staff if s.team is not None and s.team.code == query.team]
        if not staff:
            return Status(404, {"detail": "No team by that code whose workload you may see"})
    found = trend(staff, request.user, timezone.localdate())
    record_audit(request.user, "VIEW_WORKLOAD", detail={"workload": "trend"})
    return Status(
        200,
        TrendOut(
            weeks=[_point(point) for point in found.team],
            practitioners=[
                PractitionerTrendOut(
                    username=row.staff.user.get_username(),
                    name=row.name,
                    team=row.staff.team.code if row.staff.team else "",
                    weeks=[_point(point) for point in row.points],
                )
                for row in found.practitioners
            ],
        ),
    )


class ReductionIn(Schema):
    practitioner: str = Field(..., max_length=150, description="The practitioner's username")
    hours: Decimal = Field(..., gt=0, le=48, max_digits=4, decimal_places=2)
    reason: str = Field(..., max_length=100, description="A reduction reason in force, by name")
    effective_from: date = Field(..., ge=date(1900, 1, 1), le=date(9999, 12, 31))
    effective_to: date | None = Field(
        None,
        ge=date(1900, 1, 1),
        le=date(9999, 12, 31),
        description="Exclusive; none: the reason's expiry, or open-ended",
    )


class ReductionOut(Schema):
    id: int
    practitioner: str
    hours: float
    reason: str
    effective_from: date
    effective_to: date | None


@router.post(
    "/reductions",
    response={201: ReductionOut, **error_responses(401, 403, 404, 422)},
    summary="Record hours a week off a practitioner's capacity, for a reason",
)
@operation_for(Capability.OVERSEE_CASES)
def reductions(request: HttpRequest, body: ReductionIn) -> Status[object]:
    staff = {s.user.get_username(): s for s in practitioners_for(request.user)}
    if body.practitioner not in staff:
        return Status(404, NO_SUCH_PRACTITIONER)
    if body.effective_to is not None and body.effective_to <= body.effective_from:
        return _invalid("effective_to", "after_start", "The end date must be after the start date")
    try:
        reduction = record_reduction(
            acting_user=request.user,
            staff=staff[body.practitioner],
            hours=body.hours,
            reason=body.reason,
            effective_from=body.effective_from,
            effective_to=body.effective_to,
        )
    except UnknownReason:
        return _invalid("reason", "unknown", "Not a reduction reason in force")
    return Status(
        201,
        ReductionOut(
            id=reduction.pk,
            practitioner=body.practitioner,
            hours=float(reduction.hours),
            reason=reduction.reason,
            effective_from=reduction.effective_from,
            effective_to=reduction.effective_to,
        ),
    )


def _invalid(field: str, rule: str, message: str) -> Status[object]:
    return Status(422, {"detail": [{"loc": ["body", field], "type": rule, "msg": message}]})


class EvidenceQuery(Schema):
    delivery_unit: str = Field(
        "", max_length=10, description="A delivery unit's code in your area; default every one"
    )
    from_: date | None = Field(
        None,
        alias="from",
        ge=date(1900, 1, 1),
        le=date(9999, 12, 31),
        description="First day (UK); default 12 weeks before the last",
    )
    to: date | None = Field(
        None, ge=date(1900, 1, 1), le=date(9999, 12, 31), description="Last day (UK); default today"
    )


class TaskEvidenceOut(Schema):
    code: str = Field(
        ..., description="The contact type, or the report type, as the agreement names it"
    )
    label: str
    agreed_minutes: int = Field(..., description="Recording, and travel for a home visit, included")
    recorded: int = Field(..., description="How many contacts or reports recorded the minutes")
    median_minutes: float | None
    lower_quartile_minutes: float | None
    upper_quartile_minutes: float | None
    mean_minutes: float | None
    enough: bool = Field(..., description=f"At least {ENOUGH} recorded: false is too few to tell")
    difference: str = Field(..., description="The median against the agreed minutes, in words")


class EvidenceOut(Schema):
    delivery_units: list[str]
    period_from: date
    period_to: date
    agreement_from: date = Field(..., description="The agreement compared with: in force on 'to'")
    tasks: list[TaskEvidenceOut]


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@router.get(
    "/evidence",
    response={200: EvidenceOut, **error_responses(401, 403, 422)},
    summary="Actual against agreed minutes by contact type (anonymised)",
)
@operation_for(Capability.SEE_AGGREGATES)
def evidence(request: HttpRequest, query: Query[EvidenceQuery]) -> Status[object]:
    units = units_in_scope(request.user)
    if query.delivery_unit:
        units = units.filter(code=query.delivery_unit)
        if not units.exists():
            return _query_invalid(
                "delivery_unit", "not_in_scope", "There is no such delivery unit in your area"
            )
    end = query.to or timezone.localdate()
    start = query.from_ or end - timedelta(weeks=DEFAULT_WEEKS)
    if end > timezone.localdate():
        return _query_invalid("to", "future", "To must be today or in the past")
    if start > end:
        return _query_invalid("from", "after_to", "From must be the same as or before to")
    if (end - start).days > LONGEST_PERIOD_DAYS:
        return _query_invalid("from", "too_long", "From must be no more than 2 years before to")
    report = evidence_report(units, start, end)
    return Status(
        200,
        EvidenceOut(
            delivery_units=[u.code for u in report.units],
            period_from=start,
            period_to=end,
            agreement_from=report.agreement.effective_from,
            tasks=[
                TaskEvidenceOut(
                    code=t.code,
                    label=t.label,
                    agreed_minutes=t.agreed_minutes,
                    recorded=t.spread.count if t.spread else 0,
                    median_minutes=_one_decimal(t.spread.median if t.spread else None),
                    lower_quartile_minutes=_one_decimal(
                        t.spread.lower_quartile if t.spread else None
                    ),
                    upper_quartile_minutes=_one_decimal(
                        t.spread.upper_quartile if t.spread else None
                    ),
                    mean_minutes=_one_decimal(t.spread.mean if t.spread else None),
                    enough=t.enough,
                    difference=t.in_words,
                )
                for t in report.tasks
            ],
        ),
    )


def _query_invalid(field: str, rule: str, message: str) -> Status[object]:
    return Status(422, {"detail": [{"loc": ["query", field], "type": rule, "msg": message}]})


#: A count or figure as shown: a number, "<5" (1 to 4) or "[c]" (held back).
Suppressed = int | str


class CapacityBandsOut(Schema):
    grade: str
    practitioners: int
    bands: dict[str, Suppressed] = Field(..., description="Practitioners in each capacity band")


class NotFittingOut(Schema):
    practitioners: Suppressed
    with_work_not_fitting: Suppressed
    hours: float | str = Field(
        ..., description='This week\'s hours that did not fit; "[c]" held back'
    )


class VacanciesOut(Schema):
    grade: str
    posts: int
    in_post: int
    vacant: int


class UnitAggregateOut(Schema):
    delivery_unit: str
    name: str
    capacity: list[CapacityBandsOut]
    does_not_fit_this_week: NotFittingOut
    vacancies: list[VacanciesOut]


class AggregateOut(Schema):
    as_at: date
    bands: list[str]
    delivery_units: list[UnitAggregateOut]


@router.get(
    "/aggregate",
    response={200: AggregateOut, **error_responses(401, 403)},
    summary="The staff representative's view: anonymised, small numbers suppressed",
)
@operation_for(Capability.SEE_AGGREGATES)
def aggregate(request: HttpRequest) -> AggregateOut:
    today = timezone.localdate()
    labels = [band.label for band in BANDS]
    return AggregateOut(
        as_at=today,
        bands=labels,
        delivery_units=[
            UnitAggregateOut(
                delivery_unit=u.unit.code,
                name=u.unit.name,
                capacity=[
                    CapacityBandsOut(
                        grade=row.grade,
                        practitioners=row.practitioners,
                        bands=dict(zip(labels, row.bands, strict=True)),
                    )
                    for row in u.capacity
                ],
                does_not_fit_this_week=NotFittingOut(
                    practitioners=u.not_fitting.practitioners,
                    with_work_not_fitting=u.not_fitting.with_work_not_fitting,
                    hours=(
                        u.not_fitting.hours
                        if isinstance(u.not_fitting.hours, str)
                        else float(u.not_fitting.hours)
                    ),
                ),
                vacancies=[
                    VacanciesOut(grade=v.grade, posts=v.posts, in_post=v.in_post, vacant=v.vacant)
                    for v in u.vacancies
                ],
            )
            for u in aggregate_for(request.user, today)
        ],
    )
