"""Two people change the same registration from the same version: the first change is kept,
the second is refused with both versions shown (page: 409 conflict page; API: 409 JSON), and
nothing of it is written."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.core.errors import StaleEdit
from caseload.risk.actions import deregister_flag, register_flag, review_registration
from caseload.risk.models import Registration, RegistrationReview
from caseload.testing.pages import opened_form


def today():
    return timezone.localdate()


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.fixture
def registration(practitioner, case):
    return register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="ADVP",
        registered_on=today() - timedelta(days=60),
        notes="Referred by the court.",
    )


def signed_in(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def bearer(user):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}


def test_every_change_to_a_registration_moves_its_version_on(practitioner, case, registration):
    assert registration.version == 1
    review_registration(
        case.crn,
        registration.pk,
        acting_user=practitioner.user,
        expected_version=1,
        reviewed_on=today(),
    )
    registration.refresh_from_db()
    assert registration.version == 2
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="ADVP",
        registered_on=today(),
        confirmed=True,
    )
    registration.refresh_from_db()
    assert (registration.version, registration.deregistered_on) == (3, today())


def test_the_second_of_two_people_ending_a_registration_gets_the_conflict_page(
    practitioner, manager, case, registration
):
    first, second = signed_in(practitioner.user), signed_in(manager.user)
    url = reverse("end_registration", args=[case.crn, registration.pk])
    first_form, second_form = opened_form(first, url), opened_form(second, url)
    assert first_form == second_form == {"expected_version": "1"}

    saved = first.post(
        url, {**first_form, "reason": "Risk reduced.", **date_fields("deregistered_on", today())}
    )
    assert saved.status_code == 302
    stale = second.post(
        url,
        {
            **second_form,
            "reason": "Moved out of the area.",
            **date_fields("deregistered_on", today() - timedelta(days=1)),
        },
    )

    assert stale.status_code == 409
    page = stale.content.decode()
    assert "The registration has changed since you opened this page" in page
    assert "What you saw" in page and "What is recorded now" in page
    assert "Alice" in page  # who made the other change
    assert "Moved out of the area." in page  # the second person's answers, not lost
    assert f'href="{url}"' in page  # start again
    registration.refresh_from_db()
    assert registration.deregistered_on == today()
    assert registration.end_reason == "Risk reduced."
    assert registration.version == 2


def test_a_review_made_from_before_another_review_is_refused(
    practitioner, manager, case, registration
):
    first, second = signed_in(practitioner.user), signed_in(manager.user)
    url = reverse("review_registration", args=[case.crn, registration.pk])
    first_form, second_form = opened_form(first, url), opened_form(second, url)
    assert first.post(url, {**first_form, **date_fields("reviewed_on", today())}).status_code == 302
    stale = second.post(
        url, {**second_form, "notes": "Still needed.", **date_fields("reviewed_on", today())}
    )
    assert stale.status_code == 409
    assert "Reviewed on" in stale.content.decode()
    assert RegistrationReview.objects.count() == 1
    assert not RegistrationReview.objects.filter(notes="Still needed.").exists()


def test_a_tampered_version_is_refused_like_a_stale_one(practitioner, case, registration):
    client = signed_in(practitioner.user)
    url = reverse("end_registration", args=[case.crn, registration.pk])
    for version in ("", "abc", "0", "7"):
        response = client.post(
            url,
            {
                "expected_version": version,
                "reason": "Risk reduced",
                **date_fields("deregistered_on", today()),
            },
        )
        assert response.status_code == 409, version
    registration.refresh_from_db()
    assert registration.deregistered_on is None


def test_the_api_answers_409_with_both_versions_and_writes_nothing(
    client, practitioner, manager, case, registration
):
    url = f"/api/v1/cases/{case.crn}/registrations/{registration.pk}"
    read = client.get(url, **bearer(manager.user)).json()
    assert read["version"] == 1
    review = client.post(
        f"{url}/review",
        {"version": read["version"], "reviewed_on": today().isoformat()},
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert review.status_code == 201, review.content
    assert review.json()["version"] == 2

    stale = client.post(
        f"{url}/end",
        {"version": read["version"], "deregistered_on": today().isoformat(), "reason": "Done."},
        content_type="application/json",
        **bearer(manager.user),
    )

    assert stale.status_code == 409
    body = stale.json()
    assert body["record"] == "registration"
    assert (body["seen"]["version"], body["recorded"]["version"]) == (1, 2)
    assert body["recorded"]["changed_by"] == "Alice " + practitioner.user.last_name
    assert "Reviewed on" in body["recorded"]["summary"]
    assert body["seen"]["summary"].startswith("Domestic abuse perpetrator, registered on")
    assert body["detail"].startswith("The registration was changed by Alice")
    registration.refresh_from_db()
    assert (registration.deregistered_on, registration.version) == (None, 2)

    current = client.post(
        f"{url}/end",
        {"version": 2, "deregistered_on": today().isoformat(), "reason": "Risk reduced"},
        content_type="application/json",
        **bearer(manager.user),
    )
    assert current.status_code == 200, current.content
    assert current.json()["deregistered_on"] == today().isoformat()


def test_the_api_refuses_an_end_without_a_version(client, practitioner, case, registration):
    response = client.post(
        f"/api/v1/cases/{case.crn}/registrations/{registration.pk}/end",
        {"deregistered_on": today().isoformat()},
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert response.status_code == 422
    registration.refresh_from_db()
    assert registration.deregistered_on is None


def test_the_refusal_names_what_each_person_saw(practitioner, manager, case, registration):
    deregister_flag(
        case.crn,
        registration.pk,
        acting_user=practitioner.user,
        expected_version=1,
        deregistered_on=today(),
        reason="Risk reduced",
    )
    with pytest.raises(StaleEdit) as refused:
        deregister_flag(
            case.crn,
            registration.pk,
            acting_user=manager.user,
            expected_version=1,
            deregistered_on=today(),
            reason="Moved away",
        )
    seen, recorded = refused.value.seen, refused.value.recorded
    assert seen is not None and recorded is not None
    assert "ended on" not in seen.summary and "ended on" in recorded.summary
    assert recorded.changed_by.startswith("Alice") and recorded.changed_at is not None
    assert Registration.objects.get().history.count() == 2
