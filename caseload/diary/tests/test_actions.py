from datetime import datetime, time, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid
from caseload.diary.actions import (
    Overlaps,
    arrange_appointment,
    cancel_appointment,
    record_appointment_outcome,
    reschedule_appointment,
)
from caseload.diary.models import Appointment
from caseload.testing.factories import AppointmentFactory, StaffFactory, case_held_by


def at(days: int, hour: int = 10, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def arrange(case, user, **fields):
    values = {
        "contact_type": "COAP",
        "starts_at": at(1),
        "duration_minutes": 45,
        "location": "Northbridge probation office",
    }
    return arrange_appointment(case.crn, acting_user=user, **{**values, **fields})


def problems(exc):
    return {(p.field, p.rule) for p in exc.value.problems}


def test_arranging_an_appointment_writes_it_with_the_practitioner_and_an_audit_entry(
    case, practitioner
):
    [appointment] = arrange(case, practitioner.user, notes="Bring payslips")
    assert appointment.with_staff == practitioner
    assert appointment.arranged_by == practitioner.user
    assert appointment.must_attend
    assert appointment.contact is None
    assert appointment.history.first().history_user == practitioner.user
    entry = AuditEvent.objects.filter(action="ARRANGE_APPOINTMENT").get()
    assert entry.crn == case.crn
    assert entry.detail["appointment_ids"] == [appointment.pk]


def test_it_refuses_a_past_start_and_writes_nothing(case, practitioner):
    with pytest.raises(ActionInvalid) as exc:
        arrange(case, practitioner.user, starts_at=at(-1))
    assert problems(exc) == {("starts_at", "not_in_past")}
    assert not Appointment.objects.exists()


def test_a_weekly_series_arranges_each_week_until_the_date(case, practitioner):
    until = timezone.localdate() + timedelta(days=29)
    arranged = arrange(case, practitioner.user, repeat="week", repeat_until=until)
    assert len(arranged) == 5
    assert {a.series_id for a in arranged} == {arranged[0].series_id}
    assert [timezone.localtime(a.starts_at).time() for a in arranged] == [time(10, 0)] * 5


def test_a_fortnightly_series_arranges_every_other_week(case, practitioner):
    until = timezone.localdate() + timedelta(days=29)
    arranged = arrange(case, practitioner.user, repeat="fortnight", repeat_until=until)
    assert [a.starts_at.date() - arranged[0].starts_at.date() for a in arranged] == [
        timedelta(0),
        timedelta(14),
        timedelta(28),
    ]


def test_an_overlap_with_the_practitioners_diary_is_a_warning_until_confirmed(case, practitioner):
    other_case = case_held_by(practitioner)
    [booked] = arrange(other_case, practitioner.user)
    with pytest.raises(Overlaps) as warning:
        arrange(case, practitioner.user, starts_at=at(1, 10, 30))
    assert warning.value.appointments == [booked]
    assert Appointment.objects.count() == 1
    arrange(case, practitioner.user, starts_at=at(1, 10, 30), confirm_overlap=True)
    assert Appointment.objects.count() == 2


def test_an_overlap_with_the_persons_other_appointments_is_a_warning(case, practitioner):
    colleague = StaffFactory(team=practitioner.team)
    arrange(case, colleague.user, starts_at=at(1, 10, 0))
    with pytest.raises(Overlaps):
        arrange(case, practitioner.user, starts_at=at(1, 10, 15))


def test_a_cancelled_appointment_does_not_overlap(case, practitioner):
    [booked] = arrange(case, practitioner.user)
    cancel_appointment(
        case.crn, acting_user=practitioner.user, appointment_id=booked.pk, reason="Ill"
    )
    arrange(case, practitioner.user)


def test_the_appointment_may_be_with_a_colleague_in_the_team_only(case, practitioner, outsider):
    colleague = StaffFactory(team=practitioner.team)
    [appointment] = arrange(case, practitioner.user, with_staff=colleague.pk)
    assert appointment.with_staff == colleague
    with pytest.raises(ActionInvalid) as exc:
        arrange(case, practitioner.user, starts_at=at(2), with_staff=outsider.pk)
    assert problems(exc) == {("with_staff", "not_in_team")}


def test_rescheduling_keeps_the_history_of_each_move(case, practitioner):
    [appointment] = arrange(case, practitioner.user)
    first = appointment.starts_at
    reschedule_appointment(
        case.crn,
        acting_user=practitioner.user,
        appointment_id=appointment.pk,
        starts_at=at(3, 14),
        reason="Has a job interview",
        requested_by="person",
    )
    appointment.refresh_from_db()
    assert appointment.starts_at == at(3, 14)
    [move] = appointment.reschedules.all()
    assert (move.from_starts_at, move.to_starts_at) == (first, at(3, 14))
    assert move.get_requested_by_display() == "The person on probation"
    assert move.rescheduled_by == practitioner.user
    assert AuditEvent.objects.filter(action="RESCHEDULE_APPOINTMENT").count() == 1


def test_it_refuses_to_reschedule_without_a_reason(case, practitioner):
    [appointment] = arrange(case, practitioner.user)
    with pytest.raises(ActionInvalid) as exc:
        reschedule_appointment(
            case.crn,
            acting_user=practitioner.user,
            appointment_id=appointment.pk,
            starts_at=at(3),
            reason="",
            requested_by="service",
        )
    assert problems(exc) == {("reason", "required")}
    assert not appointment.reschedules.exists()


def test_it_refuses_another_cases_appointment(case, practitioner):
    other = AppointmentFactory(person=case_held_by(practitioner), with_staff=practitioner)
    with pytest.raises(ActionInvalid) as exc:
        cancel_appointment(
            case.crn, acting_user=practitioner.user, appointment_id=other.pk, reason="x"
        )
    assert problems(exc) == {("appointment", "not_found")}


def test_recording_the_outcome_writes_the_contact_once_and_links_it(case, practitioner):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=1)
    )
    contact = record_appointment_outcome(
        case.crn,
        acting_user=practitioner.user,
        appointment_id=appointment.pk,
        outcome="ATTC",
        notes="Talked through the work search plan.",
    )
    appointment.refresh_from_db()
    assert appointment.contact == contact
    assert contact.happened_at == appointment.starts_at
    assert contact.contact_type == "COAP"
    assert contact.recorded_by == practitioner.user
    assert case.contacts.count() == 1
    assert not Appointment.objects.awaiting_outcome().exists()


def test_the_outcome_waits_for_the_start_time(case, practitioner):
    appointment = AppointmentFactory(person=case, with_staff=practitioner)
    with pytest.raises(ActionInvalid) as exc:
        record_appointment_outcome(
            case.crn, acting_user=practitioner.user, appointment_id=appointment.pk, outcome="ATTC"
        )
    assert problems(exc) == {("outcome", "not_yet_started")}
    assert not case.contacts.exists()


def test_a_failure_to_attend_needs_the_enforcement_decision(case, practitioner):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(ActionInvalid) as exc:
        record_appointment_outcome(
            case.crn, acting_user=practitioner.user, appointment_id=appointment.pk, outcome="AFTA"
        )
    assert problems(exc) == {("enforcement_action", "required")}
    contact = record_appointment_outcome(
        case.crn,
        acting_user=practitioner.user,
        appointment_id=appointment.pk,
        outcome="AFTA",
        enforcement_action="EA02",
    )
    assert contact.enforcement_action == "EA02"


def test_a_second_outcome_is_refused(case, practitioner):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=2)
    )
    record = {"appointment_id": appointment.pk, "outcome": "ATTC"}
    record_appointment_outcome(case.crn, acting_user=practitioner.user, **record)
    with pytest.raises(ActionInvalid) as exc:
        record_appointment_outcome(case.crn, acting_user=practitioner.user, **record)
    assert problems(exc) == {("appointment", "outcome_recorded")}
    assert case.contacts.count() == 1


def test_someone_outside_the_team_cannot_arrange(case, outsider):
    with pytest.raises(Http404):
        arrange(case, outsider.user)
    assert not Appointment.objects.exists()


def test_a_series_until_more_than_a_year_is_refused(case, practitioner):
    with pytest.raises(ActionInvalid) as exc:
        arrange(
            case,
            practitioner.user,
            repeat="week",
            repeat_until=timezone.localdate() + timedelta(days=400),
        )
    assert problems(exc) == {("repeat_until", "at_most_a_year")}


def test_the_outcome_may_record_the_minutes_actually_spent(case, practitioner):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=1)
    )
    contact = record_appointment_outcome(
        case.crn,
        acting_user=practitioner.user,
        appointment_id=appointment.pk,
        outcome="ATTC",
        actual_minutes=70,
    )
    assert contact.actual_minutes == 70


def test_the_outcome_refuses_minutes_no_appointment_could_take(case, practitioner):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(ActionInvalid) as exc:
        record_appointment_outcome(
            case.crn,
            acting_user=practitioner.user,
            appointment_id=appointment.pk,
            outcome="ATTC",
            actual_minutes=0,
        )
    assert problems(exc) == {("actual_minutes", "out_of_range")}
    assert not case.contacts.exists()
