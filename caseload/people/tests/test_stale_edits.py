"""Two people record a change of circumstances from the same current one: the first is kept,
the second is refused (page: 409 conflict page; API: 409 JSON) and nothing of it is written."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.people.actions import record_circumstance_change
from caseload.people.models import Circumstance
from caseload.testing.pages import opened_form


def today():
    return timezone.localdate()


def signed_in(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def bearer(user):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}


def answers(status, day, notes=""):  # type: ignore[no-untyped-def]
    return {
        "kind": "ACCOMMODATION",
        "status": status,
        "start_date_day": day.day,
        "start_date_month": day.month,
        "start_date_year": day.year,
        "notes": notes,
    }


def test_the_form_carries_the_current_circumstance_of_each_kind(client, practitioner, case):
    settled = record_circumstance_change(
        case.crn,
        acting_user=practitioner.user,
        kind="ACCOMMODATION",
        status="SETTLED",
        start_date=today() - timedelta(days=30),
        replacing=None,
    )
    client.force_login(practitioner.user)
    shown = opened_form(client, reverse("new_circumstance", args=[case.crn]))
    assert shown == {"accommodation_seen": f"{settled.pk}:1", "employment_seen": ""}


def test_the_second_of_two_changes_from_the_same_record_gets_the_conflict_page(
    practitioner, manager, case
):
    first, second = signed_in(practitioner.user), signed_in(manager.user)
    url = reverse("new_circumstance", args=[case.crn])
    first_form, second_form = opened_form(first, url), opened_form(second, url)

    saved = first.post(url, {**first_form, **answers("TEMPORARY", today())})
    assert saved.status_code == 302
    stale = second.post(
        url, {**second_form, **answers("SETTLED", today(), "Moved in with her sister.")}
    )

    assert stale.status_code == 409
    page = stale.content.decode()
    assert "The current accommodation has changed since you opened this page" in page
    assert "No current accommodation was recorded." in page  # what the second person saw
    assert "Temporary or transient accommodation" in page  # what is recorded now
    assert "Moved in with her sister." in page  # their answers, kept visible
    assert "Settled accommodation" in page
    assert list(Circumstance.objects.values_list("status", "recorded_by")) == [
        ("TEMPORARY", practitioner.user.pk)
    ]

    again = second.post(url, {**opened_form(second, url), **answers("SETTLED", today())})
    assert again.status_code == 302
    assert case.circumstances.filter(end_date__isnull=True).get().status == "SETTLED"


def test_a_change_of_the_other_kind_is_not_refused(practitioner, manager, case):
    first, second = signed_in(practitioner.user), signed_in(manager.user)
    url = reverse("new_circumstance", args=[case.crn])
    first_form, second_form = opened_form(first, url), opened_form(second, url)
    assert first.post(url, {**first_form, **answers("TEMPORARY", today())}).status_code == 302
    employment = {**answers("", today()), "kind": "EMPLOYMENT", "status": "UNEMPLOYED"}
    assert second.post(url, {**second_form, **employment}).status_code == 302
    assert Circumstance.objects.count() == 2


def test_the_api_answers_409_with_both_versions_and_writes_nothing(
    client, practitioner, manager, case
):
    url = f"/api/v1/cases/{case.crn}/circumstances"
    assert client.get(url, **bearer(manager.user)).json() == []
    body = {"kind": "ACCOMMODATION", "start_date": today().isoformat(), "replacing": None}
    first = client.post(
        url,
        {**body, "status": "TEMPORARY"},
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert first.status_code == 201, first.content
    recorded = first.json()
    assert (recorded["version"], recorded["current"]) == (1, True)

    stale = client.post(
        url,
        {**body, "status": "SETTLED"},
        content_type="application/json",
        **bearer(manager.user),
    )

    assert stale.status_code == 409
    conflict = stale.json()
    assert conflict["record"] == "current accommodation"
    assert conflict["seen"] is None
    assert conflict["recorded"]["id"] == recorded["id"]
    assert conflict["recorded"]["changed_by"].startswith("Alice")
    assert Circumstance.objects.count() == 1

    replacing = {"id": recorded["id"], "version": recorded["version"]}
    now = client.post(
        url,
        {**body, "status": "SETTLED", "replacing": replacing},
        content_type="application/json",
        **bearer(manager.user),
    )
    assert now.status_code == 201, now.content
    listed = client.get(url, **bearer(manager.user)).json()
    assert [(c["status"], c["current"], c["version"]) for c in listed] == [
        ("SETTLED", True, 1),
        ("TEMPORARY", False, 2),
    ]


def test_the_api_requires_the_replaced_circumstance_to_be_named(client, practitioner, case):
    response = client.post(
        f"/api/v1/cases/{case.crn}/circumstances",
        {"kind": "ACCOMMODATION", "status": "SETTLED", "start_date": today().isoformat()},
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert response.status_code == 422
    assert not Circumstance.objects.exists()
