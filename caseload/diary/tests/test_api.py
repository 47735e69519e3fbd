import json
from datetime import timedelta

from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.diary.models import Appointment
from caseload.testing.factories import AppointmentFactory, case_held_by


def post(client, user, url, body):
    return client.post(
        url,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(user)}",
    )


def get(client, user, url, **params):
    return client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {create_token(user)}")


def future(days=1, hour=10):
    return (timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0, second=0)


BODY = {
    "contact_type": "COAP",
    "duration_minutes": 30,
    "location": "Northbridge probation office",
    "notes": "",
}


def test_the_api_arranges_a_series(client, case, practitioner):
    until = (timezone.localdate() + timedelta(days=15)).isoformat()
    response = post(
        client,
        practitioner.user,
        f"/api/v1/cases/{case.crn}/appointments",
        {**BODY, "starts_at": future().isoformat(), "repeat": {"every": "week", "until": until}},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body) == 3
    assert {a["crn"] for a in body} == {case.crn}
    assert body[0]["status"] == "arranged"


def test_an_overlap_is_409_with_the_overlapping_ones_unless_confirmed(client, case, practitioner):
    booked = AppointmentFactory(person=case, with_staff=practitioner, starts_at=future())
    url = f"/api/v1/cases/{case.crn}/appointments"
    body = {**BODY, "starts_at": (booked.starts_at + timedelta(minutes=10)).isoformat()}
    warned = post(client, practitioner.user, url, body)
    assert warned.status_code == 409
    assert [a["id"] for a in warned.json()["overlapping"]] == [booked.pk]
    assert Appointment.objects.count() == 1
    assert (
        post(client, practitioner.user, url, {**body, "confirm_overlap": True}).status_code == 201
    )


def test_bad_input_is_422_naming_the_field_and_rule(client, case, practitioner):
    url = f"/api/v1/cases/{case.crn}/appointments"
    past = (timezone.now() - timedelta(days=1)).isoformat()
    response = post(client, practitioner.user, url, {**BODY, "starts_at": past})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "starts_at"],
            "type": "not_in_past",
            "msg": "The appointment must be in the future",
        }
    ]
    too_long = post(
        client,
        practitioner.user,
        url,
        {**BODY, "starts_at": future().isoformat(), "duration_minutes": 481},
    )
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"][-1] == "duration_minutes"
    no_zone = post(client, practitioner.user, url, {**BODY, "starts_at": "2030-01-01T10:00:00"})
    assert no_zone.status_code == 422


def test_reschedule_cancel_and_outcome_are_their_own_operations(client, case, practitioner):
    moving = AppointmentFactory(person=case, with_staff=practitioner)
    base = f"/api/v1/cases/{case.crn}/appointments"
    moved = post(
        client,
        practitioner.user,
        f"{base}/{moving.pk}/reschedule",
        {"starts_at": future(3).isoformat(), "requested_by": "person", "reason": "Hospital visit"},
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["reschedules"][0]["requested_by"] == "person"
    cancelled = post(client, practitioner.user, f"{base}/{moving.pk}/cancel", {"reason": "Ill"})
    assert cancelled.json()["status"] == "cancelled"
    again = post(client, practitioner.user, f"{base}/{moving.pk}/cancel", {"reason": "Ill"})
    assert again.status_code == 422
    assert again.json()["detail"][0]["type"] == "cancelled"

    past = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=1)
    )
    missing = post(client, practitioner.user, f"{base}/{past.pk}/outcome", {"outcome": "AFTA"})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "enforcement_action"]
    recorded = post(
        client,
        practitioner.user,
        f"{base}/{past.pk}/outcome",
        {"outcome": "AFTA", "enforcement_action": "EA02"},
    )
    assert recorded.status_code == 200
    assert recorded.json()["status"] == "outcome_recorded"
    assert recorded.json()["contact_id"] == case.contacts.get().pk


def test_the_diary_lists_the_practitioners_appointments_each_with_its_crn(client, practitioner):
    first, second = case_held_by(practitioner), case_held_by(practitioner)
    AppointmentFactory(person=first, with_staff=practitioner, starts_at=future(1))
    AppointmentFactory(person=second, with_staff=practitioner, starts_at=future(2))
    AppointmentFactory(person=second, with_staff=practitioner, starts_at=future(20))
    today = timezone.localdate()
    response = get(
        client,
        practitioner.user,
        "/api/v1/diary",
        **{"from": today.isoformat(), "to": (today + timedelta(days=7)).isoformat()},
    )
    assert response.status_code == 200
    assert [a["crn"] for a in response.json()] == [first.crn, second.crn]


def test_a_diary_range_backwards_or_too_long_is_422(client, practitioner):
    backwards = get(
        client, practitioner.user, "/api/v1/diary", **{"from": "2026-12-01", "to": "2026-11-01"}
    )
    assert backwards.status_code == 422
    too_long = get(
        client, practitioner.user, "/api/v1/diary", **{"from": "2026-01-01", "to": "2026-12-01"}
    )
    assert too_long.status_code == 422


def test_the_diary_is_for_case_holders_only(client, manager):
    assert get(client, manager.user, "/api/v1/diary").status_code == 403


def test_an_analyst_gets_no_notes(client, case, practitioner, analyst):
    AppointmentFactory(person=case, with_staff=practitioner, notes="Drug test due")
    [appointment] = get(client, analyst.user, f"/api/v1/cases/{case.crn}/appointments").json()
    assert appointment["notes"] is None
