"""Allocation over the API, as on the pages.

`GET /allocation/unallocated`: the caller's team's new cases and the cases of practitioners
away or leaving (`OVERSEE_CASES`). `GET /allocation/cases/{crn}/candidates`: the case's team in
the national tool's order with capacity before and after in both models and suitability.
`POST /allocation/cases/{crn}`: allocate it, the note recorded as a "Case allocated" contact.
`POST /allocation/reallocate/{username}/proposal`: the proposed spread of every case of one
practitioner; `POST /allocation/reallocate/{username}`: allocate the lines given, each case
on its own, answering which were allocated and which failed and why."""

from datetime import date
from typing import Annotated

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Router, Schema, Status

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import get_case_for_user
from caseload.access.rules import case_task_operation, operation_for
from caseload.allocation.actions import MOST_NOTE_CHARACTERS, allocate_with_note
from caseload.allocation.reading import candidates, proposal_for, waiting_cases
from caseload.allocation.reallocating import allocate_each
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.core.versions import Seen
from caseload.organisation.models import Staff
from caseload.people.api_params import Crn
from caseload.workload.practitioners import practitioners_for
from caseload.workload.shown import hours_value

PREFIX = "/allocation"
router = Router(tags=["allocation"])

Username = Annotated[str, Path(..., max_length=150, description="The practitioner's username")]


class WaitingOut(Schema):
    crn: str
    name: str
    tier: str = Field(..., description='The v2 tier, or "" when untiered')
    case_type: str | None = Field(..., description="COMMUNITY, LICENSE or CUSTODY; null if none")
    points: int
    held_by: str = Field(..., description="Username of the member of staff holding it now")
    since: date
    why: str = Field(..., description='"new", or SICKNESS, LEAVE or LEAVING')


@router.get(
    "/unallocated",
    response={200: list[WaitingOut], **error_responses(401, 403)},
    summary="The team's new cases and the cases of practitioners away or leaving",
)
@operation_for(Capability.OVERSEE_CASES)
def unallocated(request: HttpRequest) -> list[WaitingOut]:
    found = waiting_cases(request.user, timezone.localdate())
    record_audit(request.user, "VIEW_CASELOAD", detail={"list": "awaiting allocation"})
    return [
        WaitingOut(
            crn=w.person.crn,
            name=w.person.full_name,
            tier=w.weight.tier,
            case_type=w.weight.case_type,
            points=w.weight.points,
            held_by=w.held_by.user.get_username(),
            since=w.since,
            why="new" if w.absence is None else w.absence.kind,
        )
        for w in found
    ]


class CandidateOut(Schema):
    username: str
    name: str
    grade: str
    points_capacity_percent: float = Field(..., description="Now, the real-time model's")
    points_capacity_percent_after: float = Field(
        ..., description="With this case (unchanged if they hold it already)"
    )
    expected_hours_this_week: float
    expected_hours_this_week_after: float = Field(
        ..., description="With this case's work due this week, at agreed minutes"
    )
    available_hours_this_week: float
    tier_mix: dict[str, int] = Field(..., description="Cases held by tier letter, and untiered")
    allocated_last_7_days: int
    holds_it: bool
    suitable: bool
    unsuitable_because: str = Field(..., description='Why they cannot be chosen, or ""')


class CandidatesOut(Schema):
    crn: str
    tier: str
    case_type: str | None
    points: int
    practitioners: list[CandidateOut] = Field(..., description="In the national tool's order")


@router.get(
    "/cases/{crn}/candidates",
    response={200: CandidatesOut, **error_responses(401, 403, 404, 422)},
    summary="The case's team in the national tool's order, with capacity before and after",
)
@case_task_operation(Capability.OVERSEE_CASES)
def case_candidates(request: HttpRequest, crn: Crn) -> CandidatesOut:
    person = get_case_for_user(request.user, crn, needs=Capability.OVERSEE_CASES)
    record_audit(request.user, "VIEW_CASE_FORM", crn=person.crn, detail={"form": "candidates"})
    weight, found, _ = candidates(request.user, person, timezone.localdate())
    return CandidatesOut(
        crn=person.crn,
        tier=weight.tier,
        case_type=weight.case_type,
        points=weight.points,
        practitioners=[
            CandidateOut(
                username=c.workload.username,
                name=c.workload.name,
                grade=c.staff.grade,
                points_capacity_percent=float(c.workload.points.capacity_percent),
                points_capacity_percent_after=float(c.points_after),
                expected_hours_this_week=hours_value(c.workload.weeks[0].expected_minutes),
                expected_hours_this_week_after=hours_value(c.expected_minutes_after),
                available_hours_this_week=hours_value(c.workload.weeks[0].available_minutes),
                tier_mix=c.tier_mix,
                allocated_last_7_days=c.allocated_recently,
                holds_it=c.holds_it,
                suitable=c.fit.suitable,
                unsuitable_because=c.fit.words,
            )
            for c in found
        ],
    )


class SeenIn(Schema):
    id: int = Field(..., ge=1, le=2**63 - 1)
    version: int = Field(..., ge=1, le=2**31 - 1)


class AllocateIn(Schema):
    staff: str = text(..., max_length=150, description="The practitioner's username")
    note: str = text(..., max_length=MOST_NOTE_CHARACTERS, description="Recorded as a contact")
    start_date: date = Field(..., ge=date(1900, 1, 1), le=date(9999, 12, 31))
    replacing: SeenIn | None = Field(
        ...,
        description="The case's current allocation you read (id and version), or null if none; "
        "409 if it has changed since",
    )


class AllocationOut(Schema):
    id: int
    crn: str
    staff: str
    start_date: date


NO_SUCH_PRACTITIONER = {"detail": "No practitioner by that username whose cases you manage"}


@router.post(
    "/cases/{crn}",
    response={201: AllocationOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="Allocate a case, the decision and its note recorded as a contact",
)
@case_task_operation(Capability.OVERSEE_CASES)
def allocate(request: HttpRequest, crn: Crn, body: AllocateIn) -> Status[object]:
    staff = Staff.objects.filter(user__username=body.staff).first()
    allocation = allocate_with_note(
        crn,
        acting_user=request.user,
        staff_id=staff.pk if staff else None,
        start_date=body.start_date,
        replacing=Seen(body.replacing.id, body.replacing.version) if body.replacing else None,
        note=body.note,
    )
    return Status(
        201,
        AllocationOut(
            id=allocation.pk,
            crn=allocation.person.crn,
            staff=allocation.staff.user.get_username(),
            start_date=allocation.start_date,
        ),
    )


class LineOut(Schema):
    crn: str
    points: int
    to: str | None = Field(..., description="Username proposed; null when nobody suitable")
    capacity_after_percent: float | None
    overflows: bool = Field(..., description="Takes them over 100%: nobody suitable had room")
    not_offered: dict[str, str] = Field(..., description="Username to why they cannot take it")


class ReceiverOut(Schema):
    username: str
    capacity_before_percent: float
    capacity_after_percent: float


class ProposalOut(Schema):
    username: str
    fits: bool = Field(..., description="Every case placed without taking anyone over 100%")
    team_has_room: bool = Field(
        ..., description="The team's spare points cover the cases with room to spare"
    )
    lines: list[LineOut]
    practitioners: list[ReceiverOut]


def _practitioner(request: HttpRequest, username: str) -> Staff:
    staff = {s.user.get_username(): s for s in practitioners_for(request.user)}
    if username not in staff:
        raise Http404(NO_SUCH_PRACTITIONER["detail"])
    return staff[username]


@router.post(
    "/reallocate/{username}/proposal",
    response={200: ProposalOut, **error_responses(400, 401, 403, 404, 422)},
    summary="A proposed spread of every case of one practitioner over the rest of the team",
)
@operation_for(Capability.OVERSEE_CASES)
def proposal(request: HttpRequest, username: Username) -> ProposalOut:
    found = proposal_for(request.user, _practitioner(request, username), timezone.localdate())
    record_audit(request.user, "VIEW_CASELOAD", detail={"list": f"reallocate {username}"})
    spread = found.spread
    return ProposalOut(
        username=username,
        fits=spread.fits,
        team_has_room=found.room,
        lines=[
            LineOut(
                crn=p.crn,
                points=p.points,
                to=p.to,
                capacity_after_percent=float(p.capacity_after) if p.capacity_after else None,
                overflows=p.overflows,
                not_offered=found.unsuitable[p.crn],
            )
            for p in spread.placements
        ],
        practitioners=[
            ReceiverOut(
                username=w.username,
                capacity_before_percent=float(spread.before[w.username]),
                capacity_after_percent=float(spread.after[w.username]),
            )
            for w in found.receivers
        ],
    )


class ReallocateLine(Schema):
    crn: Crn
    to: str = text(..., max_length=150, description="The receiving practitioner's username")


class ReallocateIn(Schema):
    lines: list[ReallocateLine] = Field(..., max_length=2000)
    start_date: date = Field(..., ge=date(1900, 1, 1), le=date(9999, 12, 31))
    note: str = text(..., max_length=MOST_NOTE_CHARACTERS, description="Recorded on every case")


class ResultOut(Schema):
    crn: str
    allocated: bool
    problem: str = Field(..., description='Why it was not allocated, or ""')


@router.post(
    "/reallocate/{username}",
    response={200: list[ResultOut], **error_responses(400, 401, 403, 404, 422)},
    summary="Allocate the lines given, each case on its own; says which failed and why",
)
@operation_for(Capability.OVERSEE_CASES)
def reallocate(request: HttpRequest, username: Username, body: ReallocateIn) -> list[ResultOut]:
    leaving = _practitioner(request, username)
    receivers = {
        s.user.get_username(): s.pk
        for s in practitioners_for(request.user)
        if s.pk != leaving.pk and s.team_id == leaving.team_id
    }
    results = allocate_each(
        request.user,
        {line.crn.upper(): line.to for line in body.lines},
        from_staff_id=leaving.pk,
        start_date=body.start_date,
        note=body.note,
        names=receivers,
    )
    return [ResultOut(crn=r.crn, allocated=r.allocated, problem=r.problem) for r in results]
