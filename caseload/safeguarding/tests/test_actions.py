"""The enquiry actions: written once with history and audit, one response per enquiry, no
response before its request, stale responses refused, nothing half-saved."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.safeguarding.actions import record_enquiry_response, request_enquiry
from caseload.safeguarding.models import Enquiry
from caseload.testing.factories import EnquiryFactory, StaffFactory


def days_ago(n: int):  # type: ignore[no-untyped-def]
    return timezone.localdate() - timedelta(days=n)


def _respond(case, user, enquiry, **fields):  # type: ignore[no-untyped-def]
    values = {
        "expected_version": enquiry.version,
        "responded_on": timezone.localdate(),
        "response": "NO_INFORMATION",
        **fields,
    }
    return record_enquiry_response(case.crn, acting_user=user, enquiry_id=enquiry.pk, **values)


def test_a_requested_enquiry_is_written_by_the_acting_user_and_audited(practitioner, case):
    enquiry = request_enquiry(
        case.crn,
        acting_user=practitioner.user,
        kind="CHILDRENS_SERVICES",
        reason="NEW_CONCERN",
        requested_on=days_ago(1),
    )
    assert enquiry.requested_by == practitioner.user and enquiry.responded_on is None
    assert enquiry.history.get().history_user == practitioner.user
    audit = AuditEvent.objects.get(action="REQUEST_ENQUIRY")
    assert audit.crn == case.crn and audit.detail["kind"] == "CHILDRENS_SERVICES"


def test_a_request_refuses_every_problem_at_once(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        request_enquiry(
            case.crn,
            acting_user=practitioner.user,
            kind="PROBATION",
            reason=None,
            requested_on=timezone.localdate() + timedelta(days=1),
        )
    assert [(p.field, p.rule) for p in refused.value.problems] == [
        ("kind", "unknown_code"),
        ("reason", "required"),
        ("requested_on", "not_in_future"),
    ]
    assert not Enquiry.objects.exists()


def test_the_response_is_recorded_once_with_its_history(practitioner, case):
    enquiry = EnquiryFactory(person=case, requested_on=days_ago(10))
    answered = _respond(
        case, practitioner.user, enquiry, response="CONCERNS", response_notes=" Call-outs "
    )
    assert (answered.response, answered.response_notes, answered.version) == (
        "CONCERNS",
        "Call-outs",
        2,
    )
    assert answered.history.latest().history_change_reason == "Response recorded"
    with pytest.raises(ActionInvalid) as refused:
        _respond(case, practitioner.user, answered)
    assert refused.value.problems[0].rule == "already_answered"


def test_a_response_dated_before_its_request_is_refused(practitioner, case):
    enquiry = EnquiryFactory(person=case, requested_on=days_ago(3))
    with pytest.raises(ActionInvalid) as refused:
        _respond(case, practitioner.user, enquiry, responded_on=days_ago(4))
    assert refused.value.problems[0].rule == "before_request"
    enquiry.refresh_from_db()
    assert enquiry.responded_on is None and enquiry.version == 1


def test_a_response_from_a_stale_view_is_refused(practitioner, case):
    enquiry = EnquiryFactory(person=case)
    _respond(case, practitioner.user, enquiry)
    with pytest.raises(StaleEdit):
        _respond(case, practitioner.user, enquiry, expected_version=1, response="CONCERNS")
    enquiry.refresh_from_db()
    assert enquiry.response == "NO_INFORMATION"


def test_an_enquiry_of_another_case_is_not_answered(practitioner, case):
    from caseload.testing.factories import case_held_by

    elsewhere = EnquiryFactory(person=case_held_by(practitioner))
    with pytest.raises(ActionInvalid) as refused:
        _respond(case, practitioner.user, elsewhere)
    assert refused.value.problems[0].rule == "not_found"


def test_someone_outside_the_team_may_not_request_one(case, outsider):
    with pytest.raises(Http404):
        request_enquiry(
            case.crn,
            acting_user=outsider.user,
            kind="POLICE_DA",
            reason="START",
            requested_on=days_ago(1),
        )
    assert not Enquiry.objects.exists()


def test_a_colleague_in_the_team_may_record_the_response(practitioner, case):
    colleague = StaffFactory(team=practitioner.team)
    enquiry = EnquiryFactory(person=case)
    assert _respond(case, colleague.user, enquiry).responded_on == timezone.localdate()
