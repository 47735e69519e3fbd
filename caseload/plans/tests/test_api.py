"""Plans and oversight in the API: recorded and read back latest first; oversight is for
managers (403 JSON to a practitioner); bad input is 422 JSON."""

from django.utils import timezone

from caseload.people.tests.test_api import bearer
from caseload.plans.models import ManagementOversight

TODAY = timezone.localdate().isoformat()


def _post(client, user, path, body):  # type: ignore[no-untyped-def]
    return client.post(path, body, content_type="application/json", **bearer(user))


def test_plans_are_recorded_and_read_back(client, practitioner, manager, case):
    base = f"/api/v1/cases/{case.crn}"
    plan = _post(
        client,
        practitioner.user,
        f"{base}/sentence-plans",
        {"completed_on": TODAY, "contact_every_days": 14, "notes": "Find work"},
    )
    assert plan.status_code == 201
    assert plan.json()["sentence_plans"][0]["contact_frequency"] == "Fortnightly"
    risk = _post(
        client, practitioner.user, f"{base}/risk-management-plans", {"completed_on": TODAY}
    )
    assert risk.status_code == 201
    oversight = _post(
        client,
        manager.user,
        f"{base}/management-oversight",
        {"recorded_on": TODAY, "notes": "Agreed a home visit"},
    )
    assert oversight.status_code == 201
    read = client.get(f"{base}/plans", **bearer(practitioner.user)).json()
    assert read["sentence_plans"][0]["contact_every_days"] == 14
    assert read["risk_management_plans"][0]["completed_on"] == TODAY
    assert read["management_oversight"][0]["notes"] == "Agreed a home visit"


def test_a_practitioner_may_not_record_oversight(client, practitioner, case):
    response = _post(
        client,
        practitioner.user,
        f"/api/v1/cases/{case.crn}/management-oversight",
        {"recorded_on": TODAY, "notes": "Reviewed"},
    )
    assert response.status_code == 403
    assert not ManagementOversight.objects.exists()


def test_a_frequency_not_offered_is_422(client, practitioner, case):
    response = _post(
        client,
        practitioner.user,
        f"/api/v1/cases/{case.crn}/sentence-plans",
        {"completed_on": TODAY, "contact_every_days": 10},
    )
    assert response.status_code == 422


def test_notes_are_null_for_an_analyst(client, practitioner, analyst, case):
    _post(
        client,
        practitioner.user,
        f"/api/v1/cases/{case.crn}/risk-management-plans",
        {"completed_on": TODAY, "notes": "Victim lives on Elm Road"},
    )
    read = client.get(f"/api/v1/cases/{case.crn}/plans", **bearer(analyst.user)).json()
    assert read["risk_management_plans"][0]["notes"] is None
