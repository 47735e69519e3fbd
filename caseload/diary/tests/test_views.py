from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.diary.models import Appointment
from caseload.testing.factories import AppointmentFactory, StaffFactory, case_held_by


def local(days: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def arrange_form(staff, days=1, hour="10:00", **fields):
    day = timezone.localdate() + timedelta(days=days)
    return {
        "contact_type": "COAP",
        "starts_on_day": str(day.day),
        "starts_on_month": str(day.month),
        "starts_on_year": str(day.year),
        "starts_at_time": hour,
        "duration_minutes": "45",
        "location": "Northbridge probation office, room 3",
        "must_attend": "on",
        "repeat": "once",
        "with_staff": str(staff.pk),
        **fields,
    }


def test_a_signed_in_practitioner_lands_on_today(client, practitioner):
    client.force_login(practitioner.user)
    assert client.get("/").url == reverse("today")


def test_arranging_on_the_page_goes_to_the_appointment(client, case, practitioner):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("arrange_appointment", args=[case.crn]), arrange_form(practitioner)
    )
    appointment = Appointment.objects.get()
    assert response.url == reverse("appointment_detail", args=[case.crn, appointment.pk])
    assert timezone.localtime(appointment.starts_at).time() == time(10, 0)
    assert appointment.with_staff == practitioner
    page = client.get(response.url).content.decode()
    assert "10am to 10:45am" in page
    assert "Appointment arranged" in page


def test_a_past_date_names_the_date_field(client, case, practitioner):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("arrange_appointment", args=[case.crn]), arrange_form(practitioner, days=-1)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_starts_on"' in page
    assert "The appointment must be in the future" in page
    assert not Appointment.objects.exists()


def test_an_overlap_is_shown_and_arranged_only_once_confirmed(client, case, practitioner):
    other = case_held_by(practitioner, first_name="Lee", last_name="Sharma")
    AppointmentFactory(person=other, with_staff=practitioner, starts_at=local(1, 10, 15))
    client.force_login(practitioner.user)
    url = reverse("arrange_appointment", args=[case.crn])

    warned = client.post(url, arrange_form(practitioner))
    assert warned.status_code == 200
    page = warned.content.decode()
    assert "This overlaps 1 other appointment" in page
    assert "Lee Sharma" in page
    assert 'name="confirm_overlap" value="True"' in page
    assert Appointment.objects.count() == 1

    confirmed = client.post(url, arrange_form(practitioner, confirm_overlap="True"))
    assert confirmed.status_code == 302
    assert Appointment.objects.count() == 2


def test_recording_the_outcome_removes_it_from_today_and_puts_the_contact_in_the_timeline(
    client, case, practitioner
):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=2)
    )
    client.force_login(practitioner.user)
    outcome_url = reverse("record_appointment_outcome", args=[case.crn, appointment.pk])
    assert outcome_url in client.get(reverse("today")).content.decode()

    response = client.post(outcome_url, {"outcome": "ATTC", "notes": "Discussed the new job."})
    assert response.status_code == 302

    assert outcome_url not in client.get(reverse("today")).content.decode()
    assert case.contacts.count() == 1
    activity_log = client.get(reverse("case_activity", args=[case.crn])).content.decode()
    assert activity_log.count("Discussed the new job.") == 1


def test_today_lists_todays_appointments_in_time_order(client, practitioner):
    late = AppointmentFactory(
        person=case_held_by(practitioner, last_name="Late"),
        with_staff=practitioner,
        starts_at=local(0, 23),
    )
    early = AppointmentFactory(
        person=case_held_by(practitioner, last_name="Early"),
        with_staff=practitioner,
        starts_at=local(0, 0, 30),
    )
    AppointmentFactory(
        person=case_held_by(practitioner, last_name="Tomorrow"), with_staff=practitioner
    )
    client.force_login(practitioner.user)
    response = client.get(reverse("today"))
    assert [a.pk for a in response.context["appointments"]] == [early.pk, late.pk]


def test_the_diary_day_shows_only_the_practitioners_own_appointments(client, case, practitioner):
    colleague = StaffFactory(team=practitioner.team)
    mine = AppointmentFactory(person=case, with_staff=practitioner)
    AppointmentFactory(
        person=case, with_staff=colleague, starts_at=mine.starts_at + timedelta(hours=2)
    )
    client.force_login(practitioner.user)
    day = timezone.localdate(mine.starts_at).isoformat()
    response = client.get(reverse("diary_day"), {"day": day})
    assert [a.pk for a in response.context["appointments"]] == [mine.pk]


def test_the_diary_week_runs_monday_to_sunday_with_previous_and_next(client, practitioner):
    client.force_login(practitioner.user)
    response = client.get(reverse("diary_week"), {"week": "2026-11-25"})
    assert response.context["monday"].isoformat() == "2026-11-23"
    page = response.content.decode()
    assert "?week=2026-11-16" in page and "?week=2026-11-30" in page
    assert "Week of 23 November 2026" in page


def test_a_bad_diary_date_gets_the_error_summary(client, practitioner):
    client.force_login(practitioner.user)
    response = client.get(reverse("diary_day"), {"day": "30 February"})
    assert response.status_code == 400
    assert "Enter a real date, like 2026-11-27" in response.content.decode()


def test_rescheduling_on_the_page_asks_who_and_why(client, case, practitioner):
    appointment = AppointmentFactory(person=case, with_staff=practitioner)
    client.force_login(practitioner.user)
    url = reverse("reschedule_appointment", args=[case.crn, appointment.pk])
    day = timezone.localdate() + timedelta(days=2)
    form = {
        "starts_on_day": day.day,
        "starts_on_month": day.month,
        "starts_on_year": day.year,
        "starts_at_time": "14:30",
    }
    refused = client.post(url, form)
    assert refused.status_code == 400
    assert "Select who asked for the change" in refused.content.decode()
    moved = client.post(url, {**form, "requested_by": "service", "reason": "Office closed"})
    assert moved.status_code == 302
    detail = client.get(moved.url).content.decode()
    assert "Asked for by the service: Office closed" in detail


def test_cancelling_on_the_page_needs_a_reason(client, case, practitioner):
    appointment = AppointmentFactory(person=case, with_staff=practitioner)
    client.force_login(practitioner.user)
    url = reverse("cancel_appointment", args=[case.crn, appointment.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "In hospital"}).status_code == 302
    appointment.refresh_from_db()
    assert appointment.cancelled


def test_the_letter_is_in_plain_english_without_codes(client, case, practitioner):
    appointment = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=local(1, 14, 30), duration_minutes=60
    )
    client.force_login(practitioner.user)
    page = client.get(reverse("appointment_letter", args=[case.crn, appointment.pk])).content
    text = page.decode()
    assert "2:30pm" in text
    assert "About 1 hour" in text
    assert "You must go to it" in text
    assert "COAP" not in text


def test_an_appointment_of_another_case_is_not_found(client, case, practitioner):
    other = AppointmentFactory(person=case_held_by(practitioner), with_staff=practitioner)
    client.force_login(practitioner.user)
    assert client.get(reverse("appointment_detail", args=[case.crn, other.pk])).status_code == 404


def test_notes_are_withheld_from_an_analyst(client, case, practitioner, analyst):
    appointment = AppointmentFactory(person=case, with_staff=practitioner, notes="Drug test due")
    client.force_login(analyst.user)
    page = client.get(reverse("appointment_detail", args=[case.crn, appointment.pk])).content
    assert b"Drug test due" not in page
    assert b"Withheld" in page


def test_the_case_overview_shows_the_next_appointment_and_the_activity_log_the_future_ones(
    client, case, practitioner
):
    AppointmentFactory(person=case, with_staff=practitioner, starts_at=local(3, 11))
    client.force_login(practitioner.user)
    overview = client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert "11am" in overview and "Arrange an appointment" in overview
    activity = client.get(reverse("case_activity", args=[case.crn])).content.decode()
    assert "Appointments arranged" in activity


def test_a_calendar_feed_is_made_shown_once_and_stopped(client, practitioner):
    client.force_login(practitioner.user)
    url = reverse("calendar_feed_settings")
    made = client.post(url, {"feed": "new"}).content.decode()
    assert "/diary/feed/cal_" in made
    assert "no names and no notes" in made
    feed = practitioner.user.diary_feeds.get()
    assert "/diary/feed/cal_" not in client.get(url).content.decode()
    client.post(url, {"revoke": str(feed.pk)})
    feed.refresh_from_db()
    assert feed.revoked_at is not None
