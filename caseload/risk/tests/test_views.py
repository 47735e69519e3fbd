"""The risk pages: each form's answers reach its action and come back on the case page."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.risk.models import Assessment, Registration
from caseload.testing.factories import case_held_by
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
        {**opened_form(client, url), "reason": "Closed.", **date_fields("deregistered_on", today)},
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


def _registration(case, register="MAPP", **fields):  # type: ignore[no-untyped-def]
    defaults = {"category": "M2", "level": "M2"} if register == "MAPP" else {}
    return Registration.objects.create(
        person=case,
        register=register,
        registered_on=fields.pop("registered_on", date(2026, 3, 3)),
        **{**defaults, **fields},
    )


def test_adding_a_registration_of_a_register_already_active_asks_first(client, practitioner, case):
    current = _registration(case, "RCCO")
    client.force_login(practitioner.user)
    today = timezone.localdate()
    url = reverse("new_registration", args=[case.crn])
    answers = {"register": "RCCO", "notes": "New referral.", **date_fields("registered_on", today)}
    asked = client.post(url, answers)
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Adding this registration ends another" in page
    assert "The child concerns registration from 3 March 2026 ends on" in page
    assert "Add it and end the current registration" in page
    assert "<title>Check before saving – Add a registration –" in page
    assert Registration.objects.count() == 1
    current.refresh_from_db()
    assert current.deregistered_on is None

    confirmed = client.post(url, {**answers, "confirmed": "true"})
    assert confirmed.status_code == 302
    current.refresh_from_db()
    assert current.deregistered_on == today
    assert Registration.objects.current().get().notes == "New referral."


def test_the_confirmation_page_sends_the_same_answers_again(client, practitioner, case):
    _registration(case, "RCCO")
    client.force_login(practitioner.user)
    today = timezone.localdate()
    answers = {"register": "RCCO", "notes": 'Say "hello"', **date_fields("registered_on", today)}
    page = client.post(reverse("new_registration", args=[case.crn]), answers).content.decode()
    assert '<input type="hidden" name="register" value="RCCO">' in page
    assert 'name="notes" value="Say &quot;hello&quot;"' in page
    assert '<input type="hidden" name="confirmed" value="true">' in page


def test_the_end_page_names_the_registration(client, practitioner, case):
    mappa = _registration(case)
    rcco = _registration(case, "RCCO", registered_on=date(2026, 5, 1))
    client.force_login(practitioner.user)
    first = client.get(reverse("end_registration", args=[case.crn, mappa.pk])).content.decode()
    second = client.get(reverse("end_registration", args=[case.crn, rcco.pk])).content.decode()
    assert "<title>End the MAPPA registration from 3 March 2026 – " in first
    assert '<h1 class="govuk-heading-l">End the MAPPA registration from 3 March 2026</h1>' in first
    assert "<title>End the child concerns registration from 1 May 2026 – " in second
    review = reverse("review_registration", args=[case.crn, mappa.pk])
    assert "<title>Review the MAPPA registration from 3 March 2026 – " in (
        client.get(review).content.decode()
    )


def test_the_end_page_is_not_found_for_an_ended_registration(client, practitioner, case):
    ended = _registration(case, "RCCO", deregistered_on=date(2026, 4, 1))
    client.force_login(practitioner.user)
    assert client.get(reverse("end_registration", args=[case.crn, ended.pk])).status_code == 404
    assert client.get(reverse("review_registration", args=[case.crn, ended.pk])).status_code == 404


def test_the_end_page_is_not_found_for_another_cases_registration(client, practitioner, case):
    other = case_held_by(practitioner)
    theirs = _registration(other)
    client.force_login(practitioner.user)
    url = reverse("end_registration", args=[case.crn, theirs.pk])
    assert client.get(url).status_code == 404
    answers = {
        "expected_version": "1",
        "reason": "x",
        **date_fields("deregistered_on", date(2026, 4, 1)),
    }
    assert client.post(url, answers).status_code == 404
    assert client.get(reverse("end_registration", args=[case.crn, 999_999])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.deregistered_on is None


def test_ending_a_registration_needs_a_reason(client, practitioner, case):
    registration = _registration(case, "RCCO")
    client.force_login(practitioner.user)
    url = reverse("end_registration", args=[case.crn, registration.pk])
    form = opened_form(client, url)
    refused = client.post(url, {**form, **date_fields("deregistered_on", timezone.localdate())})
    assert refused.status_code == 400
    assert 'href="#id_reason">Enter the reason the registration is ending' in (
        refused.content.decode()
    )
    registration.refresh_from_db()
    assert registration.deregistered_on is None
