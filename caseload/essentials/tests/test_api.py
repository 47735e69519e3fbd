"""`GET /api/v1/cases/{crn}/essentials`, `GET /api/v1/essentials?practitioner=&state=` and
the override operations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.access.tokens import create_token
from caseload.essentials.tests.helpers import with_essentials
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db


def get(client, user, url):
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {create_token(user)}")


def post(client, user, url, body):
    return client.post(
        url,
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(user)}",
    )


def test_a_case_s_essentials_each_have_kind_state_due_date_reason_and_source(
    client, practitioner, case
):
    with_essentials(case, practitioner.user)
    response = get(client, practitioner.user, f"/api/v1/cases/{case.crn}/essentials")
    assert response.status_code == 200, response.content
    items = response.json()
    home_visit = next(e for e in items if e["kind"] == "home_visit")
    assert home_visit["state"] == "overdue"
    assert home_visit["reason"].startswith("Supervision began on")
    assert home_visit["source"].startswith("HMPPS Home Visits Policy Framework")
    assert home_visit["certainty"] == "I" and home_visit["uncertain_note"]
    assert home_visit["clears_with_url"] == f"/cases/{case.crn}/appointments/new/"
    assert {e["state"] for e in items} <= {"due", "overdue", "done", "not_required", "snoozed"}


def test_a_case_the_caller_may_not_see_is_404(client, outsider, case, practitioner):
    with_essentials(case, practitioner.user)
    assert get(client, outsider.user, f"/api/v1/cases/{case.crn}/essentials").status_code == 404


def test_a_practitioner_s_caseload_lists_open_essentials_with_their_crn(client, practitioner, case):
    with_essentials(case, practitioner.user)
    response = get(client, practitioner.user, "/api/v1/essentials")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["practitioner"] == "alice"
    assert body["count"] == len(body["items"]) > 0
    assert {e["crn"] for e in body["items"]} == {case.crn}
    assert {e["state"] for e in body["items"]} <= {"due", "overdue"}
    states = [e["state"] for e in body["items"]]
    assert states == sorted(states, key=lambda s: s != "overdue")  # overdue first


def test_the_state_filter_is_validated_and_applied(client, practitioner, case):
    with_essentials(case, practitioner.user)
    done = get(client, practitioner.user, "/api/v1/essentials?state=done").json()
    assert done["items"] and {e["state"] for e in done["items"]} == {"done"}
    assert get(client, practitioner.user, "/api/v1/essentials?state=late").status_code == 422


def test_a_practitioner_may_not_ask_for_a_colleague_s_caseload_but_their_manager_may(
    client, practitioner, manager, team, case
):
    with_essentials(case, practitioner.user)
    colleague = StaffFactory(team=team, user__username="bea")
    refused = get(client, colleague.user, "/api/v1/essentials?practitioner=alice")
    assert refused.status_code == 403
    allowed = get(client, manager.user, "/api/v1/essentials?practitioner=alice")
    assert allowed.status_code == 200 and allowed.json()["items"]
    assert get(client, manager.user, "/api/v1/essentials?practitioner=nobody").status_code == 403


def test_a_manager_of_another_team_may_not_ask_for_the_caseload(client, practitioner, case):
    other = StaffFactory(role="MANAGER", grade="SPO", user__username="otto")
    response = get(client, other.user, "/api/v1/essentials?practitioner=alice")
    assert response.status_code == 403


def test_a_limited_access_case_the_manager_is_excluded_from_never_shows(
    client, practitioner, manager, case
):
    with_essentials(case, practitioner.user)
    other = case_held_by(practitioner)
    with_essentials(other, practitioner.user)
    LimitedAccess.objects.create(
        person=case,
        kind=LimitedAccessKind.EXCLUSION,
        user=manager.user,
        start_date=timezone.localdate(),
        reason="conflict of interest",
    )
    body = get(client, manager.user, "/api/v1/essentials?practitioner=alice").json()
    assert {e["crn"] for e in body["items"]} == {other.crn}


def test_an_override_is_recorded_and_ended_over_the_api(client, practitioner, case):
    with_essentials(case, practitioner.user)
    until = (timezone.localdate() + timedelta(days=5)).isoformat()
    base = f"/api/v1/cases/{case.crn}/essentials/overrides"
    body = {"kind": "home_visit", "override": "SNOOZE", "reason": "Away", "until": until}
    created = post(client, practitioner.user, base, body)
    assert created.status_code == 201, created.content
    listed = get(client, practitioner.user, f"/api/v1/cases/{case.crn}/essentials").json()
    home_visit = next(e for e in listed if e["kind"] == "home_visit")
    assert home_visit["state"] == "snoozed" and home_visit["override"]["reason"] == "Away"
    override = created.json()
    stale = post(client, practitioner.user, f"{base}/{override['id']}/end", {"version": 9})
    assert stale.status_code == 409
    ended = post(client, practitioner.user, f"{base}/{override['id']}/end", {"version": 1})
    assert ended.status_code == 200, ended.content


def test_a_bad_override_is_422_naming_the_field(client, practitioner, case):
    with_essentials(case, practitioner.user)
    base = f"/api/v1/cases/{case.crn}/essentials/overrides"
    far = (timezone.localdate() + timedelta(days=60)).isoformat()
    body = {"kind": "home_visit", "override": "SNOOZE", "reason": "Away", "until": far}
    response = post(client, practitioner.user, base, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "until"]
    long = {**body, "reason": "x" * 2001}
    assert post(client, practitioner.user, base, long).status_code == 422
    unknown = {**body, "kind": "tea_break"}
    assert post(client, practitioner.user, base, unknown).status_code == 422
