"""`POST /api/v1/cases/{crn}/registrations`: adding a registration, and asking first when it
would end a current one."""

from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.risk.models import Registration


def post(client, user, crn, body):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/cases/{crn}/registrations",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(user)}",
    )


def test_a_registration_is_added(client, practitioner, case):
    today = timezone.localdate().isoformat()
    response = post(
        client, practitioner.user, case.crn, {"register_code": "RCCO", "registered_on": today}
    )
    assert response.status_code == 201, response.content
    assert response.json()["label"].startswith("Child concerns")
    assert Registration.objects.get().register == "RCCO"


def test_it_answers_409_before_ending_a_current_one_unless_confirmed(client, practitioner, case):
    current = Registration.objects.create(
        person=case, register="RMRH", registered_on=timezone.localdate()
    )
    body = {"register_code": "RHRH", "registered_on": timezone.localdate().isoformat()}
    refused = post(client, practitioner.user, case.crn, body)
    assert refused.status_code == 409
    assert refused.json()["consequences"][0].startswith(
        "The medium risk of serious harm registration from"
    )
    assert '"confirmed": true' in refused.json()["detail"]
    assert Registration.objects.count() == 1

    confirmed = post(client, practitioner.user, case.crn, {**body, "confirmed": True})
    assert confirmed.status_code == 201
    current.refresh_from_db()
    assert current.deregistered_on == timezone.localdate()


def test_a_mappa_registration_without_its_level_is_422(client, practitioner, case):
    body = {"register_code": "MAPP", "category": "M1", "registered_on": "2026-11-01"}
    response = post(client, practitioner.user, case.crn, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "level"]
