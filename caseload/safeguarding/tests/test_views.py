"""The enquiry pages: recorded through a form on the Risk section, problems in the GOV.UK error
summary, what another agency shared withheld from viewers who may not see sensitive notes."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.safeguarding.actions import record_enquiry_response
from caseload.safeguarding.models import Enquiry
from caseload.testing.factories import EnquiryFactory, case_held_by


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_requesting_an_enquiry_lists_it_awaiting_a_response(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("request_enquiry", args=[case.crn]),
        {
            "kind": "POLICE_DA",
            "reason": "START",
            **date_fields("requested_on", timezone.localdate() - timedelta(days=2)),
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("case_risk", args=[case.crn])
    assert "Enquiry recorded" in page and "Awaiting a response" in page
    assert "Police domestic abuse enquiry" in page and "Record the response" in page


def test_the_risk_section_offers_the_enquiry_as_a_task(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("case_risk", args=[case.crn])).content.decode()
    assert reverse("request_enquiry", args=[case.crn]) in page


def test_an_empty_request_names_every_missing_answer(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(reverse("request_enquiry", args=[case.crn]), {})
    page = response.content.decode()
    assert response.status_code == 400
    for field in ("kind", "reason", "requested_on"):
        assert f'href="#id_{field}"' in page
    assert "<title>Error: Record a safeguarding enquiry" in page
    assert not Enquiry.objects.exists()


def test_recording_the_response_shows_it_answered(client, practitioner, case):
    enquiry = EnquiryFactory(person=case)
    client.force_login(practitioner.user)
    url = reverse("record_enquiry_response", args=[case.crn, enquiry.pk])
    form = client.get(url).content.decode()
    assert "Record the response to the police domestic abuse enquiry" in form
    assert f'name="expected_version" value="{enquiry.version}"' in form
    response = client.post(
        url,
        {
            "expected_version": enquiry.version,
            "response": "CONCERNS",
            "response_notes": "Two call-outs to the partner's address this year",
            **date_fields("responded_on", timezone.localdate()),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Response recorded" in page and "Concerns identified" in page
    assert "Two call-outs" in page


def test_a_response_dated_before_the_request_is_refused_on_the_page(client, practitioner, case):
    enquiry = EnquiryFactory(person=case)
    client.force_login(practitioner.user)
    response = client.post(
        reverse("record_enquiry_response", args=[case.crn, enquiry.pk]),
        {
            "expected_version": enquiry.version,
            "response": "NO_INFORMATION",
            **date_fields("responded_on", enquiry.requested_on - timedelta(days=1)),
        },
    )
    assert response.status_code == 400
    assert "must be on or after" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.responded_on is None


def test_an_answered_enquiry_or_another_cases_has_no_response_page(client, practitioner, case):
    answered = EnquiryFactory(
        person=case, responded_on=timezone.localdate(), response="NO_INFORMATION"
    )
    others = EnquiryFactory(person=case_held_by(practitioner))
    client.force_login(practitioner.user)
    for enquiry in (answered, others):
        url = reverse("record_enquiry_response", args=[case.crn, enquiry.pk])
        assert client.get(url).status_code == 404


def test_a_response_recorded_meanwhile_gets_the_conflict_page(client, practitioner, case):
    enquiry = EnquiryFactory(person=case)
    seen = enquiry.version
    record_enquiry_response(
        case.crn,
        acting_user=practitioner.user,
        enquiry_id=enquiry.pk,
        expected_version=seen,
        responded_on=timezone.localdate(),
        response="NO_INFORMATION",
    )
    client.force_login(practitioner.user)
    response = client.post(
        reverse("record_enquiry_response", args=[case.crn, enquiry.pk]),
        {
            "expected_version": seen,
            "response": "CONCERNS",
            **date_fields("responded_on", timezone.localdate()),
        },
    )
    assert response.status_code == 409
    enquiry.refresh_from_db()
    assert enquiry.response == "NO_INFORMATION"


def test_what_was_shared_is_withheld_from_an_analyst(client, analyst, case):
    EnquiryFactory(
        person=case,
        responded_on=timezone.localdate(),
        response="INFORMATION_SHARED",
        response_notes="Known to police for threats to a neighbour",
    )
    client.force_login(analyst.user)
    page = client.get(reverse("case_risk", args=[case.crn])).content.decode()
    assert "Information shared" in page
    assert "threats to a neighbour" not in page and "withheld from you" in page
