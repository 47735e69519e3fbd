"""The diary's rules: arranging, repeating, rescheduling, cancelling and recording the outcome
of an appointment (pure: no Django).

An appointment is an arrangement to meet; it becomes a contact only when its outcome is
recorded, through the contact rules (`caseload.contacts.domain.validate_contact`). Times are
moments (aware datetimes, stored in UTC); a repeating series keeps its wall-clock time in the
UK (`Europe/London`), so a weekly 10am appointment stays at 10am across the clock changes on
the last Sundays of March and October, while its UTC moment moves by an hour.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES, ContactType
from caseload.core.errors import FieldProblem

UK = ZoneInfo("Europe/London")

#: Only the contact types that are appointments can be arranged.
APPOINTMENT_TYPES: dict[str, ContactType] = {
    code: kind for code, kind in CONTACT_TYPES.items() if kind.appointment
}
#: Appointments held by video or phone have no place to go to.
REMOTE_TYPES = frozenset({"COVC", "COPT", "COVI"})
REMOTE_LOCATION = "Video or phone"

SHORTEST_MINUTES = 5
LONGEST_MINUTES = 8 * 60
LONGEST_LOCATION = 200
LONGEST_NOTES = 10_000
LONGEST_REASON = 1_000
#: The furthest a series may run from its first appointment.
LONGEST_SERIES = timedelta(days=366)
#: The furthest ahead an appointment may be arranged.
FURTHEST_AHEAD = timedelta(days=2 * 365)
#: Rescheduling is recorded as its own fact; these outcomes are not chosen by hand.
RESCHEDULED_OUTCOMES = frozenset({"RSSR", "RSOF"})


class Repeat(StrEnum):
    WEEK = "week"
    FORTNIGHT = "fortnight"

    @property
    def step(self) -> timedelta:
        return timedelta(days=7 if self is Repeat.WEEK else 14)

    @property
    def label(self) -> str:
        return "Every week" if self is Repeat.WEEK else "Every 2 weeks"


class RequestedBy(StrEnum):
    PERSON = "person"
    SERVICE = "service"

    @property
    def label(self) -> str:
        return "The person on probation" if self is RequestedBy.PERSON else "The service"


@dataclass(frozen=True)
class NewAppointment:
    """What a practitioner enters to arrange an appointment, before it is written."""

    contact_type: str | None
    starts_at: datetime | None
    duration_minutes: int | None
    location: str
    notes: str = ""


def _is_remote(contact_type: str | None) -> bool:
    return contact_type in REMOTE_TYPES


def location_for(contact_type: str | None, location: str) -> str:
    """A video or phone appointment is held "Video or phone" unless a location is given."""
    location = location.strip()
    if not location and _is_remote(contact_type):
        return REMOTE_LOCATION
    return location


def _start_problems(field: str, starts_at: datetime | None, now: datetime) -> list[FieldProblem]:
    if starts_at is None:
        return [FieldProblem(field, "required", "Enter the date and time of the appointment")]
    if starts_at.tzinfo is None:
        return [FieldProblem(field, "needs_time_zone", "The time must carry a time zone")]
    if starts_at <= now:
        return [FieldProblem(field, "not_in_past", "The appointment must be in the future")]
    if starts_at > now + FURTHEST_AHEAD:
        return [
            FieldProblem(field, "too_far_ahead", "The appointment must be within the next 2 years")
        ]
    return []


def _duration_problems(duration_minutes: int | None) -> list[FieldProblem]:
    if duration_minutes is None:
        return [FieldProblem("duration_minutes", "required", "Enter how long it will take")]
    if not SHORTEST_MINUTES <= duration_minutes <= LONGEST_MINUTES:
        return [
            FieldProblem(
                "duration_minutes",
                "out_of_range",
                f"The appointment must take between {SHORTEST_MINUTES} minutes and "
                f"{LONGEST_MINUTES // 60} hours",
            )
        ]
    return []


def validate_appointment(
    new: NewAppointment, *, now: datetime, repeat: Repeat | None = None, until: date | None = None
) -> list[FieldProblem]:
    """Every rule a new appointment (or the first of a series) must meet, in form order."""
    problems: list[FieldProblem] = []
    if not new.contact_type:
        problems.append(FieldProblem("contact_type", "required", "Select the type of appointment"))
    elif new.contact_type not in APPOINTMENT_TYPES:
        problems.append(
            FieldProblem("contact_type", "not_an_appointment", "Select an appointment type")
        )
    problems += _start_problems("starts_at", new.starts_at, now)
    problems += _duration_problems(new.duration_minutes)
    location = location_for(new.contact_type, new.location)
    if not location:
        problems.append(FieldProblem("location", "required", "Enter where the appointment will be"))
    elif len(location) > LONGEST_LOCATION:
        problems.append(
            FieldProblem("location", "max_length", "Location must be 200 characters or fewer")
        )
    if len(new.notes) > LONGEST_NOTES:
        problems.append(
            FieldProblem("notes", "max_length", "Notes must be 10,000 characters or fewer")
        )
    if repeat is not None:
        problems += _series_problems(new.starts_at, until)
    return problems


def _series_problems(starts_at: datetime | None, until: date | None) -> list[FieldProblem]:
    if until is None:
        return [FieldProblem("repeat_until", "required", "Enter the date the series ends")]
    if starts_at is None:
        return []
    first_day = starts_at.astimezone(UK).date()
    if until <= first_day:
        return [
            FieldProblem(
                "repeat_until", "after_start", "The series must end after the first appointment"
            )
        ]
    if until > first_day + LONGEST_SERIES:
        return [
            FieldProblem(
                "repeat_until",
                "at_most_a_year",
                "A series can run for at most a year from the first appointment",
            )
        ]
    return []


def occurrences(first: datetime, repeat: Repeat, until: date) -> list[datetime]:
    """Every start of a series, from `first` to `until` (inclusive), at the same UK wall-clock
    time each week or fortnight, as moments in UK time.

    The wall-clock time is kept, not the interval: across a clock change the UTC moment moves
    by an hour. A time that does not exist on a spring-forward day (1:30am) is read as zoneinfo
    reads it (fold 0: the offset before the change).
    """
    local = first.astimezone(UK)
    day, clock = local.date(), local.time().replace(tzinfo=None)
    starts: list[datetime] = []
    while day <= until:
        starts.append(datetime.combine(day, clock, tzinfo=UK))
        day += repeat.step
    return starts


def validate_reschedule(
    *,
    starts_at: datetime | None,
    duration_minutes: int | None,
    reason: str,
    requested_by: str | None,
    now: datetime,
    state: AppointmentState,
) -> list[FieldProblem]:
    problems = _still_open(state)
    if problems:
        return problems
    problems += _start_problems("starts_at", starts_at, now)
    problems += _duration_problems(duration_minutes)
    if starts_at is not None and starts_at == state.starts_at:
        problems.append(FieldProblem("starts_at", "unchanged", "Enter a different date or time"))
    if requested_by not in {r.value for r in RequestedBy}:
        problems.append(FieldProblem("requested_by", "required", "Select who asked for the change"))
    problems += _reason_problems(reason, "Enter why the appointment is being rescheduled")
    return problems


def validate_cancellation(*, reason: str, state: AppointmentState) -> list[FieldProblem]:
    return _still_open(state) or _reason_problems(
        reason, "Enter why the appointment is being cancelled"
    )


def _reason_problems(reason: str, required: str) -> list[FieldProblem]:
    if not reason.strip():
        return [FieldProblem("reason", "required", required)]
    if len(reason) > LONGEST_REASON:
        return [FieldProblem("reason", "max_length", "Reason must be 1,000 characters or fewer")]
    return []


@dataclass(frozen=True)
class AppointmentState:
    """What the rules need to know about an appointment already arranged."""

    starts_at: datetime
    cancelled: bool
    outcome_recorded: bool


def _still_open(state: AppointmentState) -> list[FieldProblem]:
    if state.cancelled:
        return [FieldProblem("appointment", "cancelled", "This appointment has been cancelled")]
    if state.outcome_recorded:
        return [
            FieldProblem(
                "appointment", "outcome_recorded", "The outcome of this appointment is recorded"
            )
        ]
    return []


def validate_outcome(
    *,
    outcome: str | None,
    enforcement_action: str | None,
    now: datetime,
    state: AppointmentState,
) -> list[FieldProblem]:
    """The appointment's own rules for an outcome; the contact rules are checked as well when
    the contact is written. A failure to comply needs the enforcement decision."""
    problems = _still_open(state)
    if problems:
        return problems
    if state.starts_at > now:
        return [
            FieldProblem(
                "outcome",
                "not_yet_started",
                "The outcome can only be recorded once the appointment has started",
            )
        ]
    chosen = OUTCOMES.get(outcome or "")
    if not outcome:
        problems.append(FieldProblem("outcome", "required", "Select the outcome"))
    elif chosen is None:
        problems.append(FieldProblem("outcome", "unknown_code", "Select an outcome from the list"))
    elif outcome in RESCHEDULED_OUTCOMES:
        problems.append(
            FieldProblem(
                "outcome",
                "use_reschedule",
                "To move the appointment, reschedule it instead of recording an outcome",
            )
        )
    elif chosen.enforceable and not enforcement_action:
        problems.append(
            FieldProblem(
                "enforcement_action",
                "required",
                "Select the enforcement action for the failure to comply",
            )
        )
    return problems


@dataclass(frozen=True)
class Booking:
    """An appointment already in a diary, as the overlap check sees it."""

    key: int
    starts_at: datetime
    duration_minutes: int

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


def overlapping(
    starts_at: datetime, duration_minutes: int, booked: Iterable[Booking]
) -> list[Booking]:
    """The bookings that share any time with the new one (touching end to start is fine)."""
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    found = [b for b in booked if b.starts_at < ends_at and starts_at < b.ends_at]
    return sorted(found, key=lambda b: (b.starts_at, b.key))


def week_of(day: date) -> date:
    """The Monday of `day`'s week: the diary's weeks run Monday to Sunday."""
    return day - timedelta(days=day.weekday())


#: The rules about when an appointment may be arranged *now*: one brought from another system
#: (`caseload import`) may be in the past, or already cancelled, or have its outcome recorded.
ARRANGING_NOW_RULES = frozenset({"not_in_past", "too_far_ahead"})


def validate_appointment_record(
    new: NewAppointment,
    *,
    now: datetime,
    cancelled_at: datetime | None,
    cancellation_reason: str,
    outcome_type: str | None = None,
) -> list[FieldProblem]:
    """An appointment as another system recorded it: every rule of `validate_appointment` but
    those about arranging one now; a cancellation needs its reason and cannot be in the
    future, and the contact recording its outcome (`outcome_type`: that contact's type) is of
    the appointment's type."""
    problems = [p for p in validate_appointment(new, now=now) if p.rule not in ARRANGING_NOW_RULES]
    if cancelled_at is not None:
        if cancelled_at.tzinfo is None:
            problems.append(
                FieldProblem("cancelled_at", "needs_time_zone", "The time must carry a time zone")
            )
        elif cancelled_at > now:
            problems.append(
                FieldProblem(
                    "cancelled_at", "not_in_future", "A cancellation cannot be in the future"
                )
            )
        problems += [
            FieldProblem("cancellation_reason", p.rule, p.message)
            for p in _reason_problems(
                cancellation_reason, "Enter why the appointment was cancelled"
            )
        ]
        if outcome_type is not None:
            problems.append(
                FieldProblem("contact", "cancelled", "A cancelled appointment has no outcome")
            )
    elif outcome_type is not None and outcome_type != new.contact_type:
        problems.append(
            FieldProblem(
                "contact", "other_type", "The outcome's contact must be of the appointment's type"
            )
        )
    return problems
