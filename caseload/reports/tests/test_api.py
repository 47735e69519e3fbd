"""Reports in the API: read, requested, completed once; bad input is 422 JSON, a stale
completion 409."""

from datetime import timedelta

from django.utils import timezone

from caseload.people.tests.test_api import bearer
from caseload.reports.models import Report

TODAY = timezone.localdate()


def test_a_report_is_requested_and_completed(client, practitioner, case):
    headers = bearer(practitioner.user)
    created = client.post(
        f"/api/v1/cases/{case.crn}/reports",
        {
            "kind": "STANDARD",
            "requested_on": TODAY.isoformat(),
            "due_on": (TODAY + timedelta(days=15)).isoformat(),
        },
        content_type="application/json",
        **headers,
    )
    assert created.status_code == 201
    [report] = created.json()["reports"]
    assert (report["kind"], report["completed_on"], report["overdue"]) == ("STANDARD", None, False)
    done = client.post(
        f"/api/v1/cases/{case.crn}/reports/{report['id']}/completion",
        {"version": report["version"], "completed_on": TODAY.isoformat()},
        content_type="application/json",
        **headers,
    )
    assert done.status_code == 200
    assert done.json()["reports"][0]["completed_on"] == TODAY.isoformat()
    stale = client.post(
        f"/api/v1/cases/{case.crn}/reports/{report['id']}/completion",
        {"version": report["version"], "completed_on": TODAY.isoformat()},
        content_type="application/json",
        **headers,
    )
    assert stale.status_code == 409


def test_a_bad_request_names_the_field_and_writes_nothing(client, practitioner, case):
    response = client.post(
        f"/api/v1/cases/{case.crn}/reports",
        {
            "kind": "STANDARD",
            "requested_on": TODAY.isoformat(),
            "due_on": (TODAY - timedelta(days=1)).isoformat(),
        },
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"][-1] == "due_on"
    assert not Report.objects.exists()


def test_an_unknown_kind_is_refused_by_the_schema(client, practitioner, case):
    response = client.post(
        f"/api/v1/cases/{case.crn}/reports",
        {"kind": "PSR", "requested_on": TODAY.isoformat(), "due_on": TODAY.isoformat()},
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "kind"
