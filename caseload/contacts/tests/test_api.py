"""POST /api/v1/cases/{crn}/contacts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.contacts.models import Contact

URL = "/api/v1/cases/{}/contacts"


@pytest.fixture
def auth(practitioner):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(practitioner.user)}"}


def body(**overrides):  # type: ignore[no-untyped-def]
    return {
        "contact_type": "COAP",
        "happened_at": (timezone.now() - timedelta(hours=3)).isoformat(),
        "outcome": "ATTC",
        "notes": "Reviewed the sentence plan.",
        **overrides,
    }


def test_it_records_a_contact(client, auth, case):
    response = client.post(URL.format(case.crn), body(), content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    assert response.json()["crn"] == case.crn
    assert Contact.objects.filter(person=case).count() == 1


def test_an_unpaid_work_session_credits_its_minutes(client, auth, case):
    payload = body(contact_type="UPWS", minutes_credited=420)
    response = client.post(URL.format(case.crn), payload, content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    assert Contact.objects.get().minutes_credited == 420


@pytest.mark.parametrize(
    ("payload", "field", "rule"),
    [
        (
            body(happened_at=(timezone.now() + timedelta(days=3)).isoformat()),
            "happened_at",
            "not_in_future",
        ),
        (body(outcome="MAYB"), "outcome", "literal_error"),
        ({k: v for k, v in body().items() if k != "contact_type"}, "contact_type", "missing"),
        (body(happened_at="31/02/2026"), "happened_at", "datetime_from_date_parsing"),
        (body(minutes_credited=60), "minutes_credited", "not_allowed"),
        (body(contact_type="UPWS", minutes_credited=721), "minutes_credited", "out_of_range"),
    ],
)
def test_bad_input_gets_a_422_naming_the_field_and_rule(client, auth, case, payload, field, rule):
    response = client.post(URL.format(case.crn), payload, content_type="application/json", **auth)
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert any(
        p["loc"][-1] == field and p["type"].startswith(rule.split("_from")[0]) for p in problems
    ), problems
    assert Contact.objects.count() == 0


@pytest.mark.parametrize(
    ("happened_at", "rule"),
    [
        ("2026-01-05T10:00:00", "timezone_aware"),  # was a 500: naive compared with aware
        ("0001-01-01T00:00:00Z", "too_early"),  # was a 500: no local date before year 1
        ("0001-01-01T00:00:00+14:00", "too_early"),
    ],
)
def test_a_moment_without_an_offset_or_before_1900_is_a_422_not_a_500(
    client, auth, case, happened_at, rule
):
    payload = body(contact_type="CTOA", outcome=None, happened_at=happened_at)
    response = client.post(URL.format(case.crn), payload, content_type="application/json", **auth)
    assert response.status_code == 422, response.content
    assert [p["type"] for p in response.json()["detail"]] == [rule]
    assert Contact.objects.count() == 0


def test_notes_with_a_nul_character_are_a_422_as_postgresql_cannot_store_them(client, auth, case):
    payload = body(notes="Seen at home\x00")
    response = client.post(URL.format(case.crn), payload, content_type="application/json", **auth)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "notes"
    assert Contact.objects.count() == 0


def test_a_body_that_is_not_json_is_a_4xx_not_a_500(client, auth, case):
    response = client.post(
        URL.format(case.crn), "not json", content_type="application/json", **auth
    )
    assert 400 <= response.status_code < 500


def test_it_refuses_a_practitioner_from_another_unit(client, outsider, case):
    token = create_token(outsider.user)
    response = client.post(
        URL.format(case.crn),
        body(),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 404
    assert Contact.objects.count() == 0


def test_without_credentials_it_is_401(client, case):
    assert (
        client.post(URL.format(case.crn), body(), content_type="application/json").status_code
        == 401
    )


def test_it_records_the_minutes_actually_spent(client, auth, case):
    response = client.post(
        URL.format(case.crn), body(actual_minutes=55), content_type="application/json", **auth
    )
    assert response.status_code == 201
    assert Contact.objects.get().actual_minutes == 55


@pytest.mark.parametrize("minutes", [0, 601, -5])
def test_minutes_out_of_range_are_a_422_naming_the_field(client, auth, case, minutes):
    response = client.post(
        URL.format(case.crn), body(actual_minutes=minutes), content_type="application/json", **auth
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "actual_minutes"
    assert not Contact.objects.exists()
