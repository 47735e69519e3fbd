"""The calendar files, read back with the icalendar library."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from caseload.access.actions import add_to_limited_access
from caseload.access.models import AuditEvent
from caseload.diary.actions import arrange_appointment, cancel_appointment, reschedule_appointment
from caseload.diary.feeds import create_feed, revoke_feed
from caseload.testing.factories import AppointmentFactory


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_the_feed_shows_exactly_the_remaining_occurrences_of_a_series(client, case, practitioner):
    first = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=1), time(10, 0))
    )
    series = arrange_appointment(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        starts_at=first,
        duration_minutes=30,
        location="Northbridge probation office",
        notes="Bring your payslips",
        repeat="week",
        repeat_until=timezone.localdate() + timedelta(days=29),
    )
    assert len(series) == 5
    moved, dropped = series[1], series[3]
    new_time = moved.starts_at + timedelta(days=1, hours=4)
    reschedule_appointment(
        case.crn,
        acting_user=practitioner.user,
        appointment_id=moved.pk,
        starts_at=new_time,
        reason="Starts a job that morning",
        requested_by="person",
    )
    cancel_appointment(
        case.crn, acting_user=practitioner.user, appointment_id=dropped.pk, reason="Bank holiday"
    )
    token = create_feed(practitioner.user)

    events = _events(client.get(reverse("diary_feed", args=[token])))

    by_uid = {str(e["UID"]): e for e in events}
    remaining = [a for a in series if a.pk != dropped.pk]
    assert set(by_uid) == {f"appointment-{a.pk}@caseload" for a in remaining}
    assert by_uid[f"appointment-{moved.pk}@caseload"].decoded("DTSTART") == new_time
    assert by_uid[f"appointment-{moved.pk}@caseload"]["SEQUENCE"] == 1
    assert by_uid[f"appointment-{series[0].pk}@caseload"].decoded("DTSTART") == first
    assert all(str(e["SUMMARY"]) == f"Office visit – {case.crn}" for e in events)


def test_the_feed_carries_no_names_and_no_notes(client, case, practitioner):
    AppointmentFactory(person=case, with_staff=practitioner, notes="Disclosed a new partner")
    token = create_feed(practitioner.user)
    body = client.get(reverse("diary_feed", args=[token])).content.decode()
    assert case.crn in body
    assert case.last_name not in body
    assert "partner" not in body


def test_a_revoked_or_unknown_feed_is_not_found(client, practitioner):
    token = create_feed(practitioner.user)
    feed_id = practitioner.user.diary_feeds.get().pk
    assert revoke_feed(practitioner.user, feed_id)
    assert client.get(reverse("diary_feed", args=[token])).status_code == 404
    assert client.get(reverse("diary_feed", args=["cal_guess"])).status_code == 404


def test_reading_the_feed_is_audited_as_its_owner(client, case, practitioner):
    token = create_feed(practitioner.user)
    client.get(reverse("diary_feed", args=[token]))
    entry = AuditEvent.objects.filter(action="READ_DIARY_FEED").get()
    assert entry.user == practitioner.user


def test_the_feed_leaves_out_cases_the_practitioner_may_no_longer_see(
    client, case, practitioner, manager
):
    AppointmentFactory(person=case, with_staff=practitioner)
    add_to_limited_access(
        case.crn,
        acting_user=manager.user,
        kind="exclusion",
        username=practitioner.user.username,
        reason="Conflict of interest",
    )
    token = create_feed(practitioner.user)
    assert _events(client.get(reverse("diary_feed", args=[token]))) == []


def test_one_appointment_downloads_as_its_own_calendar_file(client, case, practitioner):
    appointment = AppointmentFactory(person=case, with_staff=practitioner)
    client.force_login(practitioner.user)
    [event] = _events(client.get(reverse("appointment_ics", args=[case.crn, appointment.pk])))
    assert event.decoded("DTSTART") == appointment.starts_at
    assert event.decoded("DTEND") == appointment.ends_at
    assert str(event["LOCATION"]) == "Northbridge probation office"


def test_the_feed_tokens_are_stored_only_as_hashes(practitioner):
    token = create_feed(practitioner.user)
    stored = practitioner.user.diary_feeds.get()
    assert token not in (stored.token_hash, stored.prefix)
