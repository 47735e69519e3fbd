"""The risk pages: each form's answers reach its action and come back on the case page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.risk.models import Assessment, Registration
from caseload.testing.pages import opened_form


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_a_registration_is_added_and_then_ended(client, practitioner, case):
    client.force_login(practitioner.user)
    today = timezone.localdate()
    added = client.post(
        reverse("new_registration", args=[case.crn]),
        {"register": "RCCO", "notes": "Referred.", **date_fields("registered_on", today)},
    )
    assert added.status_code == 302, added.content.decode()
    registration = Registration.objects.get(person=case)
    assert (registration.register, registration.notes) == ("RCCO", "Referred.")

    url = reverse("end_registration", args=[case.crn, registration.pk])
    ended = client.post(
        url,
        {**opened_form(client, url), "notes": "Closed.", **date_fields("deregistered_on", today)},
    )
    assert ended.status_code == 302, ended.content.decode()
    registration.refresh_from_db()
    assert registration.deregistered_on == today


def test_an_assessment_is_recorded_with_its_answers(client, practitioner, case):
    client.force_login(practitioner.user)
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("new_assessment", args=[case.crn]),
        {"suitabilityOfAccommodation": "SIGNIFICANT_PROBLEMS", **date_fields("completed_on", day)},
    )
    assert response.status_code == 302, response.content.decode()
    assessment = Assessment.objects.get(person=case)
    assert assessment.completed_on == day
    assert assessment.answers["suitabilityOfAccommodation"] == "SIGNIFICANT_PROBLEMS"


def test_a_registration_without_a_register_is_refused(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("new_registration", args=[case.crn]),
        date_fields("registered_on", timezone.localdate()),
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()
