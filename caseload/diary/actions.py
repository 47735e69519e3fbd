"""Writes to the diary, each through the one case-write wrapper: arrange (one or a series),
reschedule, cancel, and record the outcome (which writes the contact in the same transaction)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Q

from caseload.access.case_write import CaseWrite, case_action
from caseload.contacts.domain import ContactInput, validate_contact
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.diary.domain import (
    LONGEST_MINUTES,
    AppointmentState,
    Booking,
    NewAppointment,
    Repeat,
    location_for,
    occurrences,
    overlapping,
    validate_appointment,
    validate_cancellation,
    validate_outcome,
    validate_reschedule,
)
from caseload.diary.models import Appointment, AppointmentSeries, Reschedule
from caseload.enforcement.reading import decision_problems
from caseload.organisation.models import Staff


class Overlaps(Exception):
    """The new time shares time with other appointments of the same practitioner or person.
    A warning, not a refusal: asked again with `confirm_overlap=True`, the action goes ahead.
    Raised before anything is written, so the transaction writes nothing."""

    def __init__(self, appointments: list[Appointment]) -> None:
        self.appointments = appointments
        super().__init__(f"{len(appointments)} overlapping appointment(s)")


def _state(appointment: Appointment) -> AppointmentState:
    return AppointmentState(
        appointment.starts_at, appointment.cancelled, appointment.outcome_recorded
    )


def overlaps_with(
    person_id: int,
    staff: Staff,
    starts: list[datetime],
    duration_minutes: int,
    *,
    ignoring: int | None = None,
) -> list[Appointment]:
    """Arranged appointments of this practitioner or this person that share time with any of
    `starts`, each `duration_minutes` long (one query)."""
    if not starts:
        return []
    booked = (
        Appointment.objects.arranged()
        .filter(Q(with_staff=staff) | Q(person_id=person_id))
        .filter(
            starts_at__lt=max(starts) + timedelta(minutes=duration_minutes),
            starts_at__gt=min(starts) - timedelta(minutes=LONGEST_MINUTES),
        )
        .exclude(pk=ignoring)
        .select_related("person", "with_staff__user")
    )
    rows = {a.pk: a for a in booked}
    bookings = [Booking(a.pk, a.starts_at, a.duration_minutes) for a in rows.values()]
    found: dict[int, Appointment] = {}
    for start in starts:
        for booking in overlapping(start, duration_minutes, bookings):
            found[booking.key] = rows[booking.key]
    return sorted(found.values(), key=lambda a: (a.starts_at, a.pk))


def _staff(case: CaseWrite, with_staff: Staff | int | None) -> Staff:
    """Whom the appointment is with: the practitioner arranging it unless another is named, who
    must be in the team holding the case."""
    if with_staff is None:
        staff = getattr(case.acting_user, "staff", None)
        if staff is None:
            raise ActionInvalid(
                [FieldProblem("with_staff", "required", "Select who the appointment is with")]
            )
        return staff
    staff_id = with_staff.pk if isinstance(with_staff, Staff) else with_staff
    allocation = case.person.allocations.current().first()
    found = Staff.objects.filter(pk=staff_id, team_id=allocation.team_id if allocation else None)
    staff = found.select_related("user").first()
    if staff is None:
        raise ActionInvalid(
            [
                FieldProblem(
                    "with_staff", "not_in_team", "Select someone in the team holding the case"
                )
            ]
        )
    return staff


@case_action("ARRANGE_APPOINTMENT", cause="appointment arranged")
def arrange_appointment(
    case: CaseWrite,
    *,
    contact_type: str | None,
    starts_at: datetime | None,
    duration_minutes: int | None,
    location: str = "",
    notes: str = "",
    must_attend: bool = True,
    with_staff: Staff | int | None = None,
    repeat: str | None = None,
    repeat_until: date | None = None,
    confirm_overlap: bool = False,
) -> list[Appointment]:
    """One appointment, or a series every week or fortnight until `repeat_until`. Refused
    (nothing written) if any overlaps another and `confirm_overlap` is not set."""
    every = Repeat(repeat) if repeat else None
    new = NewAppointment(contact_type, starts_at, duration_minutes, location, notes)
    problems = validate_appointment(new, now=case.now, repeat=every, until=repeat_until)
    if problems:
        raise ActionInvalid(problems)
    assert starts_at is not None and duration_minutes is not None and contact_type is not None
    staff = _staff(case, with_staff)
    starts = occurrences(starts_at, every, repeat_until) if every and repeat_until else [starts_at]
    if not confirm_overlap and (
        clashes := overlaps_with(case.person.pk, staff, starts, duration_minutes)
    ):
        raise Overlaps(clashes)
    series = None
    if every and repeat_until:
        series = AppointmentSeries.objects.create(
            person=case.person,
            every=every.value,
            first_starts_at=starts_at,
            until=repeat_until,
            arranged_by=case.acting_user,
        )
    arranged = [
        Appointment.objects.create(
            person=case.person,
            series=series,
            contact_type=contact_type,
            starts_at=start,
            duration_minutes=duration_minutes,
            location=location_for(contact_type, location),
            with_staff=staff,
            notes=notes,
            must_attend=must_attend,
            arranged_by=case.acting_user,
        )
        for start in starts
    ]
    case.audit.update(
        appointment_ids=[a.pk for a in arranged],
        type=contact_type,
        series_id=series.pk if series else None,
    )
    return arranged


def _appointment(case: CaseWrite, appointment_id: int) -> Appointment:
    """The case's own appointment, locked with the case; any other id is "not found"."""
    found = (
        Appointment.objects.select_for_update()
        .filter(pk=appointment_id, person=case.person)
        .first()
    )
    if found is None:
        raise ActionInvalid(
            [FieldProblem("appointment", "not_found", "There is no such appointment on this case")]
        )
    return found


@case_action("RESCHEDULE_APPOINTMENT", cause="appointment rescheduled")
def reschedule_appointment(
    case: CaseWrite,
    *,
    appointment_id: int,
    starts_at: datetime | None,
    reason: str,
    requested_by: str | None,
    duration_minutes: int | None = None,
    confirm_overlap: bool = False,
) -> Appointment:
    appointment = _appointment(case, appointment_id)
    duration = duration_minutes or appointment.duration_minutes
    problems = validate_reschedule(
        starts_at=starts_at,
        duration_minutes=duration,
        reason=reason,
        requested_by=requested_by,
        now=case.now,
        state=_state(appointment),
    )
    if problems:
        raise ActionInvalid(problems)
    assert starts_at is not None and requested_by is not None
    if not confirm_overlap and (
        clashes := overlaps_with(
            case.person.pk, appointment.with_staff, [starts_at], duration, ignoring=appointment.pk
        )
    ):
        raise Overlaps(clashes)
    Reschedule.objects.create(
        appointment=appointment,
        from_starts_at=appointment.starts_at,
        to_starts_at=starts_at,
        from_duration_minutes=appointment.duration_minutes,
        to_duration_minutes=duration,
        requested_by=requested_by,
        reason=reason.strip(),
        rescheduled_by=case.acting_user,
    )
    appointment.starts_at = starts_at
    appointment.duration_minutes = duration
    appointment.save(update_fields=["starts_at", "duration_minutes"])
    case.audit.update(appointment_id=appointment.pk, requested_by=requested_by)
    return appointment


@case_action("CANCEL_APPOINTMENT", cause="appointment cancelled")
def cancel_appointment(case: CaseWrite, *, appointment_id: int, reason: str) -> Appointment:
    appointment = _appointment(case, appointment_id)
    problems = validate_cancellation(reason=reason, state=_state(appointment))
    if problems:
        raise ActionInvalid(problems)
    appointment.cancelled_at = case.now
    appointment.cancellation_reason = reason.strip()
    appointment.cancelled_by = case.acting_user
    appointment.save(update_fields=["cancelled_at", "cancellation_reason", "cancelled_by"])
    case.audit.update(appointment_id=appointment.pk)
    return appointment


@case_action("RECORD_APPOINTMENT_OUTCOME", cause="appointment outcome recorded")
def record_appointment_outcome(
    case: CaseWrite,
    *,
    appointment_id: int,
    outcome: str | None,
    enforcement_action: str | None = None,
    notes: str = "",
    sensitive: bool = False,
    actual_minutes: int | None = None,
) -> Contact:
    """The outcome turns the appointment into the contact it was: one fact, checked by the
    contact rules, linked to the appointment; the activity log shows it once."""
    appointment = _appointment(case, appointment_id)
    problems = validate_outcome(
        outcome=outcome,
        enforcement_action=enforcement_action or None,
        now=case.now,
        state=_state(appointment),
    )
    if not problems:
        data = ContactInput(
            appointment.contact_type,
            appointment.starts_at,
            outcome or None,
            enforcement_action or None,
            notes,
            actual_minutes,
        )
        problems = validate_contact(data, now=case.now)
    if not problems:
        problems = decision_problems(
            case.person,
            decision=enforcement_action,
            failure_at=appointment.starts_at,
            reason=notes,
            today=case.today,
        )
    if problems:
        raise ActionInvalid(problems)
    contact = Contact.objects.create(
        person=case.person,
        contact_type=appointment.contact_type,
        happened_at=appointment.starts_at,
        outcome=outcome or "",
        enforcement_action=enforcement_action or "",
        notes=notes,
        sensitive=sensitive,
        actual_minutes=actual_minutes,
        staff=appointment.with_staff,
        recorded_by=case.acting_user,
    )
    appointment.contact = contact
    appointment.save(update_fields=["contact"])
    case.audit.update(appointment_id=appointment.pk, contact_id=contact.pk, outcome=outcome or "")
    return contact
