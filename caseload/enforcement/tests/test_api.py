"""The enforcement API: GET the state, POST each step; bad input is 422, never 500."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.contacts.actions import record_contact
from caseload.people.models import Sentence

BASE = "/api/v1/cases/{}/enforcement"


def _auth(staff):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(staff.user)}"}


def _post(client, url, body, staff):  # type: ignore[no-untyped-def]
    return client.post(url, body, content_type="application/json", **_auth(staff))


def _failure(user, case, days, action):  # type: ignore[no-untyped-def]
    return record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=days),
        outcome="UAAB",
        enforcement_action=action,
    )


def test_a_breach_referral_is_listed_and_cleared_through_the_api(client, practitioner, case):
    _failure(practitioner.user, case, 60, "EA02")
    further = _failure(practitioner.user, case, 5, "EA12")
    state = client.get(BASE.format(case.crn), **_auth(practitioner)).json()
    referral = state["steps"][-1]
    assert referral["kind"] == "breach_referral" and referral["done_on"] is None
    assert referral["due_on"] is not None and "12 months" in referral["reason"]
    today = timezone.localdate().isoformat()
    url = f"{BASE.format(case.crn)}/failures/{further.pk}/breach-pack"
    response = _post(client, url, {"sent_on": today}, practitioner)
    assert response.status_code == 201, response.content
    breach = response.json()
    again = _post(client, url, {"sent_on": today}, practitioner)
    assert again.status_code == 422 and again.json()["detail"][0]["type"] == "already_recorded"
    outcome = _post(
        client,
        f"{BASE.format(case.crn)}/breaches/{breach['id']}/outcome",
        {"outcome": "ABNP", "outcome_on": today},
        practitioner,
    )
    assert outcome.status_code == 200 and outcome.json()["outcome_label"] == "Not proven"


def test_a_warning_within_12_months_of_another_is_a_422(client, practitioner, case):
    _failure(practitioner.user, case, 60, "EA02")
    pending = _failure(practitioner.user, case, 5, "EA12")
    response = _post(
        client,
        f"{BASE.format(case.crn)}/failures/{pending.pk}/decision",
        {"enforcement_action": "EA03", "decided_on": timezone.localdate().isoformat()},
        practitioner,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "breach_required"


@pytest.mark.parametrize(
    "body",
    [
        {"considered_on": "2026-13-01", "why": "RISK_INCREASED", "recommended_type": "STANDARD"},
        {"considered_on": "2026-11-01", "why": "BORED", "recommended_type": "STANDARD"},
        {
            "considered_on": "2026-11-01",
            "why": "RISK_INCREASED",
            "recommended_type": "STANDARD",
            "notes": "x" * 10_001,
        },
    ],
)
def test_bad_input_is_a_422(client, practitioner, case, body):  # type: ignore[no-untyped-def]
    response = _post(client, f"{BASE.format(case.crn)}/recalls", body, practitioner)
    assert response.status_code == 422


def test_a_recall_through_the_api_derives_its_type_and_dates(
    client, practitioner, manager, case, team
):
    from caseload.organisation.constants import Grade, Role
    from caseload.testing.factories import StaffFactory

    Sentence.objects.filter(event__person=case).update(
        sentence_type="LIC", release_date=timezone.localdate() - timedelta(days=20), length=8
    )
    today = timezone.localdate().isoformat()
    considered = _post(
        client,
        f"{BASE.format(case.crn)}/recalls",
        {"considered_on": today, "why": "CONTACT_STOPPED", "recommended_type": "FIXED_TERM"},
        practitioner,
    )
    assert considered.status_code == 201, considered.content
    recall_url = f"{BASE.format(case.crn)}/recalls/{considered.json()['id']}"
    refused = _post(client, f"{recall_url}/decision", {"decision": "RECALL"}, practitioner)
    assert refused.status_code == 403
    decided = _post(client, f"{recall_url}/decision", {"decision": "RECALL"}, manager)
    assert decided.status_code == 200
    assert decided.json()["recall_type"] == "FIXED_TERM" and decided.json()["fixed_term_days"] == 56
    same = _post(client, f"{recall_url}/countersign", {}, manager)
    assert same.status_code == 422
    other = StaffFactory(team=team, grade=Grade.SPO, role=Role.MANAGER, user__username="sam")
    assert _post(client, f"{recall_url}/countersign", {}, other).status_code == 200
    sent = _post(
        client, f"{recall_url}/part-a", {"sent_at": timezone.now().isoformat()}, practitioner
    )
    assert sent.status_code == 200 and sent.json()["part_a_sent_at"] is not None
    state = client.get(BASE.format(case.crn), **_auth(practitioner)).json()
    assert [s["kind"] for s in state["steps"]] == ["recall_decision", "recall_part_a"]
    assert all(s["done_on"] for s in state["steps"])
