"""An ARMS or a SARA completed is recorded once (tool and day), through the page or the API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.access.tokens import create_token
from caseload.core.errors import ActionInvalid
from caseload.risk.actions import record_tool_assessment
from caseload.risk.tests.test_views import date_fields

TODAY = timezone.localdate()


def test_it_records_the_tool_and_the_day_and_audits_it(case, practitioner):
    done = record_tool_assessment(
        case.crn, acting_user=practitioner.user, tool="ARMS", completed_on=TODAY
    )

    assert (done.tool, done.completed_on, done.recorded_by) == ("ARMS", TODAY, practitioner.user)
    audit = AuditEvent.objects.filter(action="RECORD_TOOL_ASSESSMENT").get()
    assert audit.detail["tool_assessment_id"] == done.pk


def test_it_refuses_an_unknown_tool_and_a_future_date_and_writes_nothing(case, practitioner):
    with pytest.raises(ActionInvalid) as refused:
        record_tool_assessment(
            case.crn,
            acting_user=practitioner.user,
            tool="OASYS",
            completed_on=TODAY + timedelta(days=1),
        )

    assert {p.field for p in refused.value.problems} == {"tool", "completed_on"}
    assert not case.tool_assessments.exists()


def test_the_page_records_it_and_the_risk_section_shows_the_latest_of_each_tool(
    client, case, practitioner
):
    client.force_login(practitioner.user)
    response = client.post(
        f"/cases/{case.crn}/arms-sara/new/",
        {"tool": "SARA", **date_fields("completed_on", TODAY - timedelta(days=3))},
    )

    assert response.status_code == 302 and response["Location"] == f"/cases/{case.crn}/risk/"
    page = client.get(response["Location"]).content.decode()
    when = (TODAY - timedelta(days=3)).strftime("%-d %B %Y")
    assert f"Last completed on {when}" in page
    assert "ARMS (Active Risk Management System)" in page and "None recorded" in page


def test_the_page_names_each_field_that_is_wrong(client, case, practitioner):
    client.force_login(practitioner.user)
    response = client.post(f"/cases/{case.crn}/arms-sara/new/", {})

    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Select ARMS or SARA" in page
    assert not case.tool_assessments.exists()


def _post(client, user, crn, body):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/cases/{crn}/arms-sara",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(user)}",
    )


def test_the_api_records_it(client, case, practitioner):
    response = _post(
        client, practitioner.user, case.crn, {"tool": "ARMS", "completed_on": TODAY.isoformat()}
    )

    assert response.status_code == 201, response.content
    assert response.json()["label"] == "ARMS (Active Risk Management System)"
    assert case.tool_assessments.get().tool == "ARMS"


def test_the_api_refuses_a_future_date_with_422(client, case, practitioner):
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    response = _post(
        client, practitioner.user, case.crn, {"tool": "SARA", "completed_on": tomorrow}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "completed_on"
    assert not case.tool_assessments.exists()


def test_the_api_refuses_a_case_outside_the_users_team(client, case, outsider):
    response = _post(
        client, outsider.user, case.crn, {"tool": "SARA", "completed_on": TODAY.isoformat()}
    )

    assert response.status_code == 404
