"""The record-a-contact page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.contacts.models import Contact


def form_data(day, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "contact_type": "COAP",
        "happened_on_day": day.day,
        "happened_on_month": day.month,
        "happened_on_year": day.year,
        "happened_at_time": "10:30",
        "outcome": "ATTC",
        "notes": "Fine.",
    }
    return {**data, **overrides}


def test_recording_a_contact_returns_to_the_case_with_it_in_the_activity_log(
    client, practitioner, case
):
    client.force_login(practitioner.user)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("new_contact", args=[case.crn]), form_data(yesterday), follow=True
    )
    assert response.status_code == 200
    assert Contact.objects.filter(person=case).count() == 1
    assert "Contact recorded" in response.content.decode()
    log = client.get(reverse("case_activity", args=[case.crn])).content.decode()
    assert "Office visit – Attended – complied" in log


def test_a_future_date_shows_the_error_summary_and_saves_nothing(client, practitioner, case):
    client.force_login(practitioner.user)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(reverse("new_contact", args=[case.crn]), form_data(tomorrow))
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "Date of contact must be today or in the past" in page
    assert "<title>Error:" in page
    assert Contact.objects.count() == 0


def test_an_impossible_date_names_the_field(client, practitioner, case):
    client.force_login(practitioner.user)
    day = timezone.localdate()
    response = client.post(
        reverse("new_contact", args=[case.crn]), form_data(day, happened_on_month="13")
    )
    assert response.status_code == 400
    assert 'href="#id_happened_on' in response.content.decode()


def test_it_refuses_a_practitioner_from_another_unit(client, outsider, case):
    client.force_login(outsider.user)
    assert client.get(reverse("new_contact", args=[case.crn])).status_code == 404


def test_signed_out_users_are_sent_to_sign_in(client, case):
    response = client.get(reverse("new_contact", args=[case.crn]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
