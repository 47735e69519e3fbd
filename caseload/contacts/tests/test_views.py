"""The record-a-contact page."""

from datetime import timedelta

import pytest
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


def test_a_future_date_error_links_to_the_day_box_of_the_date(client, practitioner, case):
    client.force_login(practitioner.user)
    tomorrow = timezone.localdate() + timedelta(days=1)
    page = client.post(reverse("new_contact", args=[case.crn]), form_data(tomorrow))
    summary = page.content.decode().split('govuk-error-summary__list">')[1].split("</ul>")[0]
    assert 'href="#id_happened_on"' in summary
    assert 'id="id_happened_on"' in page.content.decode()
    assert 'href="#id_contact_type"' not in summary


def test_a_time_later_today_is_a_problem_with_the_time(client, practitioner, case):
    client.force_login(practitioner.user)
    later = timezone.localtime() + timedelta(minutes=5)
    if later.date() != timezone.localdate():
        pytest.skip("five minutes from now is tomorrow")
    data = form_data(later.date(), happened_at_time=later.strftime("%H:%M"))
    response = client.post(reverse("new_contact", args=[case.crn]), data)
    assert response.status_code == 400
    assert 'href="#id_happened_at_time">Time of contact must be now or in the past' in (
        response.content.decode()
    )
    assert Contact.objects.count() == 0


def test_the_date_and_time_start_at_now_in_uk_time(client, practitioner, case):
    client.force_login(practitioner.user)
    now = timezone.localtime()
    page = client.get(reverse("new_contact", args=[case.crn])).content.decode()
    assert f'name="happened_on_day" value="{now.day}"' in page
    assert f'name="happened_on_year" value="{now.year}"' in page
    assert 'name="happened_at_time" value="' in page
    shown = page.split('name="happened_at_time" value="')[1][:5]
    minutes = abs((int(shown[:2]) * 60 + int(shown[3:])) - (now.hour * 60 + now.minute))
    assert minutes <= 1 or minutes >= 24 * 60 - 1


def test_the_page_says_which_contacts_need_an_outcome_and_a_decision(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("new_contact", args=[case.crn])).content.decode()
    assert "Needed for appointments" in page
    assert "Needed when the person failed to attend or failed to comply" in page
    assert 'data-app-shown-for-field="contact_type"' in page
    assert 'data-app-shown-for-field="outcome"' in page
    assert "autofocus" not in page


def test_the_questions_come_in_the_order_they_are_answered(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("new_contact", args=[case.crn])).content.decode()
    names = ["contact_type", "happened_on_day", "happened_at_time", "outcome"]
    names += ["enforcement_action", "minutes_credited", "notes", "sensitive", "rar_activity"]
    positions = [page.index(f'name="{name}"') for name in names]
    assert positions == sorted(positions)


def test_a_failure_to_attend_needs_the_enforcement_decision(client, practitioner, case):
    client.force_login(practitioner.user)
    yesterday = timezone.localdate() - timedelta(days=1)
    url = reverse("new_contact", args=[case.crn])
    response = client.post(url, form_data(yesterday, outcome="AFTA"))
    assert response.status_code == 400
    assert 'href="#id_enforcement_action">Select the enforcement decision' in (
        response.content.decode()
    )
    assert Contact.objects.count() == 0
    response = client.post(url, form_data(yesterday, outcome="AFTA", enforcement_action="EA02"))
    assert response.status_code == 302
    assert Contact.objects.get().enforcement_action == "EA02"


def test_the_outcome_and_decision_are_not_called_optional(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("new_contact", args=[case.crn])).content.decode()
    assert "Outcome (optional)" not in page
    assert "Enforcement decision (optional)" not in page
    assert "Notes (optional)" in page


def test_an_unpaid_work_session_credits_its_minutes_and_no_other_contact_may(
    client, practitioner, case
):
    client.force_login(practitioner.user)
    yesterday = timezone.localdate() - timedelta(days=1)
    url = reverse("new_contact", args=[case.crn])
    response = client.post(url, form_data(yesterday, minutes_credited="90"))
    assert response.status_code == 400
    assert 'href="#id_minutes_credited">Only an unpaid work session credits' in (
        response.content.decode()
    )
    response = client.post(url, form_data(yesterday, contact_type="UPWS", minutes_credited="420"))
    assert response.status_code == 302
    assert Contact.objects.get().minutes_credited == 420


def test_the_form_records_the_minutes_actually_spent(client, practitioner, case):
    client.force_login(practitioner.user)
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(reverse("new_contact", args=[case.crn]), form_data(yesterday, actual_minutes="50"))
    assert Contact.objects.get().actual_minutes == 50


def test_minutes_out_of_range_get_the_error_summary_naming_the_field(client, practitioner, case):
    client.force_login(practitioner.user)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("new_contact", args=[case.crn]), form_data(yesterday, actual_minutes="900")
    )
    assert response.status_code == 400
    assert "Minutes actually spent must be between 1 and 600" in response.content.decode()
    assert 'href="#id_actual_minutes"' in response.content.decode()
    assert not Contact.objects.exists()
