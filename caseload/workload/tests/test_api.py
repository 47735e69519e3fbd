"""`GET /api/v1/workload/agreement`: the agreement in force, or on a day."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.workload.models import AgreementVersion

pytestmark = pytest.mark.django_db
URL = "/api/v1/workload/agreement"


def test_it_answers_the_agreement_in_force_with_its_timings(client, practitioner):
    client.force_login(practitioner.user)
    body = client.get(URL).json()
    assert body["effective_from"] == "2021-04-01"
    assert body["responsive_share_percent"] == 30.0
    assert body["recording_minutes_after_each_contact"] == 15
    assert body["travel_minutes_for_a_home_visit"] == 40
    office = next(t for t in body["timings"] if t["code"] == "COAP")
    assert office == {
        "kind": "contact",
        "code": "COAP",
        "label": "Office visit",
        "setting": "office",
        "minutes": 45,
        "source": "Local estimate",
        "local_estimate": True,
    }


def test_it_answers_the_agreement_in_force_on_a_day(client, practitioner):
    later = timezone.localdate() + timedelta(days=30)
    AgreementVersion.objects.create(
        effective_from=later, note="Next year's", responsive_share_percent=20
    )
    client.force_login(practitioner.user)
    assert client.get(URL).json()["note"].startswith("Default agreement")
    assert client.get(URL, {"on": later.isoformat()}).json()["note"] == "Next year's"


def test_a_day_before_any_agreement_is_404_and_a_bad_day_422(client, practitioner):
    client.force_login(practitioner.user)
    assert client.get(URL, {"on": "2020-01-01"}).status_code == 404
    response = client.get(URL, {"on": "2026-02-30"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "on"]


def test_it_refuses_a_caller_who_is_not_signed_in(client):
    assert client.get(URL).status_code == 401
