"""Appointments under the case, and the signed-in practitioner's diary.

Arranging or moving an appointment onto time already taken in the practitioner's or the
person's diary is a warning: the answer is 409 with the overlapping appointments, and nothing is
written, unless the body says `"confirm_overlap": true`.
"""

from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from pydantic import AwareDatetime, model_validator

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import case_viewer, get_case_for_user
from caseload.access.rules import case_operation, case_write_operation, operation_for
from caseload.contacts.api import ACTUAL_MINUTES, EnforcementActionCode, OutcomeCode
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.diary import actions
from caseload.diary.domain import APPOINTMENT_TYPES, LONGEST_REASON, Repeat, RequestedBy
from caseload.diary.models import Appointment
from caseload.diary.views import diary_of
from caseload.people.api import Crn

PREFIX = ""
router = Router(tags=["diary"])

AppointmentType = Literal[tuple(APPOINTMENT_TYPES)]  # type: ignore[valid-type]
AppointmentId = Annotated[int, Path(ge=1, le=2**63 - 1, description="The appointment's id")]
TYPES = "; ".join(f"{code} {kind.label}" for code, kind in APPOINTMENT_TYPES.items())


class RepeatIn(Schema):
    every: Repeat = Field(..., description="week or fortnight")
    until: date = Field(..., description="The date of the last one: at most a year ahead")


class AppointmentIn(Schema):
    contact_type: AppointmentType = Field(..., description=f"Appointment type: {TYPES}")  # type: ignore[valid-type]
    starts_at: AwareDatetime = Field(
        ..., description="ISO 8601 with a UTC offset; in the future, at most 2 years ahead"
    )
    duration_minutes: int = Field(..., ge=5, le=480)
    location: str = text("", max_length=200, description="Blank for video or phone")
    notes: str = text("", max_length=10_000)
    must_attend: bool = True
    repeat: RepeatIn | None = None
    confirm_overlap: bool = Field(False, description="Arrange it even if it overlaps others")


class RescheduleIn(Schema):
    starts_at: AwareDatetime = Field(..., description="The new time, ISO 8601 with a UTC offset")
    duration_minutes: int | None = Field(None, ge=5, le=480, description="Blank: unchanged")
    requested_by: RequestedBy = Field(..., description="person or service")
    reason: str = text(..., max_length=LONGEST_REASON)
    confirm_overlap: bool = False


class CancelIn(Schema):
    reason: str = text(..., max_length=LONGEST_REASON)


class OutcomeIn(Schema):
    outcome: OutcomeCode = Field(..., description="Outcome code (not RSSR or RSOF: reschedule)")  # type: ignore[valid-type]
    enforcement_action: EnforcementActionCode | None = Field(  # type: ignore[valid-type]
        None, description="Required when the outcome is a failure to comply"
    )
    notes: str = text("", max_length=10_000)
    sensitive: bool = False
    actual_minutes: int | None = ACTUAL_MINUTES


class RescheduleOut(Schema):
    from_starts_at: datetime
    to_starts_at: datetime
    requested_by: str
    reason: str
    rescheduled_at: datetime


class AppointmentOut(Schema):
    id: int
    crn: str
    contact_type: str
    contact_type_label: str
    starts_at: datetime
    ends_at: datetime
    duration_minutes: int
    location: str
    with_officer: str
    must_attend: bool
    notes: str | None = Field(None, description="Null when withheld from the caller")
    series_id: int | None
    status: Literal["arranged", "awaiting_outcome", "outcome_recorded", "cancelled"]
    cancelled_at: datetime | None
    cancellation_reason: str | None
    contact_id: int | None = Field(None, description="The contact recording its outcome")
    outcome: str | None
    reschedules: list[RescheduleOut]


class Overlap(Schema):
    """409: the time overlaps these appointments; send again with confirm_overlap true."""

    detail: str
    overlapping: list[dict[str, Any]]


def _status(a: Appointment) -> str:
    if a.cancelled:
        return "cancelled"
    if a.outcome_recorded:
        return "outcome_recorded"
    return "awaiting_outcome" if a.started else "arranged"


def _out(a: Appointment, *, notes: bool) -> AppointmentOut:
    return AppointmentOut(
        id=a.pk,
        crn=a.person.crn,
        contact_type=a.contact_type,
        contact_type_label=a.get_contact_type_display(),
        starts_at=a.starts_at,
        ends_at=a.ends_at,
        duration_minutes=a.duration_minutes,
        location=a.location,
        with_officer=a.with_staff.officer_code,
        must_attend=a.must_attend,
        notes=a.notes if notes else None,
        series_id=a.series_id,
        status=_status(a),  # type: ignore[arg-type]
        cancelled_at=a.cancelled_at,
        cancellation_reason=a.cancellation_reason or None,
        contact_id=a.contact_id,
        outcome=a.contact.outcome or None if a.contact_id else None,
        reschedules=[
            RescheduleOut(
                from_starts_at=r.from_starts_at,
                to_starts_at=r.to_starts_at,
                requested_by=r.requested_by,
                reason=r.reason,
                rescheduled_at=r.rescheduled_at,
            )
            for r in a.reschedules.all()
        ],
    )


def _overlap(warning: actions.Overlaps) -> Status:
    return Status(
        409,
        Overlap(
            detail="This overlaps other appointments; send confirm_overlap true to go ahead",
            overlapping=[
                {
                    "id": a.pk,
                    "crn": a.person.crn,
                    "starts_at": a.starts_at.isoformat(),
                    "ends_at": a.ends_at.isoformat(),
                    "with_officer": a.with_staff.officer_code,
                }
                for a in warning.appointments
            ],
        ),
    )


def _loaded(ids: list[int]) -> list[Appointment]:
    return list(
        Appointment.objects.filter(pk__in=ids)
        .select_related("person", "with_staff", "contact")
        .prefetch_related("reschedules")
        .order_by("starts_at", "pk")
    )


@router.get(
    "/cases/{crn}/appointments",
    response={200: list[AppointmentOut], **error_responses(401, 403, 404, 422)},
    summary="A case's appointments, oldest first",
)
@case_operation
def list_appointments(request: HttpRequest, crn: Crn) -> list[AppointmentOut]:
    person = get_case_for_user(request.user, crn)
    notes = case_viewer(request.user, person).sees_sensitive
    rows = (
        Appointment.objects.filter(person=person)
        .select_related("person", "with_staff", "contact")
        .prefetch_related("reschedules")
    )
    return [_out(a, notes=notes) for a in rows]


@router.post(
    "/cases/{crn}/appointments",
    response={
        201: list[AppointmentOut],
        409: Overlap,
        **error_responses(400, 401, 403, 404, 422),
    },
    summary="Arrange an appointment, or a weekly or fortnightly series",
)
@case_write_operation
def create_appointment(request: HttpRequest, crn: Crn, payload: AppointmentIn) -> Status:
    repeat = payload.repeat
    try:
        arranged = actions.arrange_appointment(
            crn,
            acting_user=request.user,
            contact_type=payload.contact_type,
            starts_at=payload.starts_at,
            duration_minutes=payload.duration_minutes,
            location=payload.location,
            notes=payload.notes,
            must_attend=payload.must_attend,
            repeat=repeat.every.value if repeat else None,
            repeat_until=repeat.until if repeat else None,
            confirm_overlap=payload.confirm_overlap,
        )
    except actions.Overlaps as warning:
        return _overlap(warning)
    loaded = _loaded([a.pk for a in arranged])
    return Status(201, [_out(a, notes=_sees_notes(request)) for a in loaded])


def _sees_notes(request: HttpRequest) -> bool:
    return has_capability(request.user, Capability.SEE_SENSITIVE)


def _one(request: HttpRequest, appointment_id: int) -> AppointmentOut:
    [appointment] = _loaded([appointment_id])
    return _out(appointment, notes=_sees_notes(request))


@router.post(
    "/cases/{crn}/appointments/{appointment_id}/reschedule",
    response={200: AppointmentOut, 409: Overlap, **error_responses(400, 401, 403, 404, 422)},
    summary="Move an appointment to a new time, with who asked and why",
)
@case_write_operation
def reschedule(
    request: HttpRequest, crn: Crn, appointment_id: AppointmentId, payload: RescheduleIn
) -> Any:
    try:
        moved = actions.reschedule_appointment(
            crn,
            acting_user=request.user,
            appointment_id=appointment_id,
            starts_at=payload.starts_at,
            duration_minutes=payload.duration_minutes,
            requested_by=payload.requested_by.value,
            reason=payload.reason,
            confirm_overlap=payload.confirm_overlap,
        )
    except actions.Overlaps as warning:
        return _overlap(warning)
    return _one(request, moved.pk)


@router.post(
    "/cases/{crn}/appointments/{appointment_id}/cancel",
    response={200: AppointmentOut, **error_responses(400, 401, 403, 404, 422)},
    summary="Cancel an appointment, with the reason",
)
@case_write_operation
def cancel(
    request: HttpRequest, crn: Crn, appointment_id: AppointmentId, payload: CancelIn
) -> AppointmentOut:
    cancelled = actions.cancel_appointment(
        crn, acting_user=request.user, appointment_id=appointment_id, reason=payload.reason
    )
    return _one(request, cancelled.pk)


@router.post(
    "/cases/{crn}/appointments/{appointment_id}/outcome",
    response={200: AppointmentOut, **error_responses(400, 401, 403, 404, 422)},
    summary="Record the outcome once the appointment has started: it becomes the contact",
)
@case_write_operation
def outcome(
    request: HttpRequest, crn: Crn, appointment_id: AppointmentId, payload: OutcomeIn
) -> AppointmentOut:
    actions.record_appointment_outcome(
        crn, acting_user=request.user, appointment_id=appointment_id, **payload.dict()
    )
    return _one(request, appointment_id)


class DiaryQuery(Schema):
    from_: date | None = Field(
        None, alias="from", description="First day (UK), default today", ge=date(1900, 1, 1)
    )
    to: date | None = Field(
        None, description="Last day (UK), inclusive; default 7 days on; at most 92 days on"
    )

    @model_validator(mode="after")
    def _range(self) -> "DiaryQuery":
        start = self.from_ or timezone.localdate()
        end = self.to or start + timedelta(days=7)
        if end < start:
            raise ValueError("to must be the same as or after from")
        if (end - start).days > 92:
            raise ValueError("A diary query covers at most 92 days")
        self.from_, self.to = start, end
        return self


@router.get(
    "/diary",
    response={200: list[AppointmentOut], **error_responses(401, 403, 422)},
    summary="The signed-in practitioner's appointments from one day to another, each with its CRN",
)
@operation_for(Capability.HOLD_CASES)
def diary(request: HttpRequest, filters: Query[DiaryQuery]) -> list[AppointmentOut]:
    assert filters.from_ is not None and filters.to is not None
    start = timezone.make_aware(datetime.combine(filters.from_, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(filters.to + timedelta(days=1), datetime.min.time()))
    rows = (
        diary_of(request.user)
        .between(start, end)
        .select_related("with_staff")
        .prefetch_related("reschedules")
    )
    record_audit(
        request.user,
        "VIEW_DIARY",
        detail={"api": True, "from": filters.from_.isoformat(), "to": filters.to.isoformat()},
    )
    return [_out(a, notes=_sees_notes(request)) for a in rows]
