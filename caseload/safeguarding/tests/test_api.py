"""Safeguarding enquiries in the API: read, requested, answered once; bad input is 422 JSON,
a stale response 409, what was shared withheld from an analyst."""

from django.utils import timezone

from caseload.people.tests.test_api import bearer
from caseload.safeguarding.models import Enquiry
from caseload.testing.factories import EnquiryFactory

TODAY = timezone.localdate().isoformat()


def test_an_enquiry_is_requested_and_answered(client, practitioner, case):
    headers = bearer(practitioner.user)
    created = client.post(
        f"/api/v1/cases/{case.crn}/enquiries",
        {"kind": "POLICE_DA", "reason": "START", "requested_on": TODAY},
        content_type="application/json",
        **headers,
    )
    assert created.status_code == 201
    [enquiry] = created.json()["enquiries"]
    assert (enquiry["kind"], enquiry["response"], enquiry["version"]) == ("POLICE_DA", None, 1)
    answered = client.post(
        f"/api/v1/cases/{case.crn}/enquiries/{enquiry['id']}/response",
        {
            "version": 1,
            "responded_on": TODAY,
            "response": "CONCERNS",
            "response_notes": "Two call-outs",
        },
        content_type="application/json",
        **headers,
    )
    assert answered.status_code == 200
    [enquiry] = answered.json()["enquiries"]
    assert (enquiry["response"], enquiry["response_notes"]) == ("CONCERNS", "Two call-outs")
    listed = client.get(f"/api/v1/cases/{case.crn}/enquiries", **headers).json()
    assert listed["enquiries"] == answered.json()["enquiries"]


def test_a_second_response_from_the_same_view_is_a_conflict(client, practitioner, case):
    enquiry = EnquiryFactory(person=case)
    url = f"/api/v1/cases/{case.crn}/enquiries/{enquiry.pk}/response"
    body = {"version": 1, "responded_on": TODAY, "response": "NO_INFORMATION"}
    headers = bearer(practitioner.user)
    assert client.post(url, body, content_type="application/json", **headers).status_code == 200
    again = client.post(url, body, content_type="application/json", **headers)
    assert again.status_code == 409


def test_an_unknown_kind_and_a_future_date_are_422(client, practitioner, case):
    headers = bearer(practitioner.user)
    unknown = client.post(
        f"/api/v1/cases/{case.crn}/enquiries",
        {"kind": "PROBATION", "reason": "START", "requested_on": TODAY},
        content_type="application/json",
        **headers,
    )
    future = client.post(
        f"/api/v1/cases/{case.crn}/enquiries",
        {"kind": "POLICE_DA", "reason": "START", "requested_on": "2999-01-01"},
        content_type="application/json",
        **headers,
    )
    assert unknown.status_code == 422 and future.status_code == 422
    assert future.json()["detail"][0]["type"] == "not_in_future"
    assert not Enquiry.objects.exists()


def test_what_was_shared_is_null_for_an_analyst(client, analyst, case):
    EnquiryFactory(
        person=case, responded_on=timezone.localdate(), response="CONCERNS", response_notes="x"
    )
    listed = client.get(f"/api/v1/cases/{case.crn}/enquiries", **bearer(analyst.user)).json()
    assert listed["enquiries"][0]["response"] == "CONCERNS"
    assert listed["enquiries"][0]["response_notes"] is None


def test_an_enquiry_of_another_case_is_422_not_500(client, practitioner, case):
    from caseload.testing.factories import case_held_by

    elsewhere = EnquiryFactory(person=case_held_by(practitioner))
    response = client.post(
        f"/api/v1/cases/{case.crn}/enquiries/{elsewhere.pk}/response",
        {"version": 1, "responded_on": TODAY, "response": "NO_INFORMATION"},
        content_type="application/json",
        **bearer(practitioner.user),
    )
    assert response.status_code == 422
