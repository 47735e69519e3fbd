"""The enquiry rules: every problem at once, a response on or after its request and once only."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.safeguarding import constants
from caseload.safeguarding.domain import (
    ENQUIRY_KINDS,
    ENQUIRY_REASONS,
    ENQUIRY_RESPONSES,
    MAX_NOTES,
    EnquiryRequest,
    EnquiryResponse,
    validate_enquiry,
    validate_enquiry_response,
)

TODAY = date(2026, 12, 1)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _rules(problems):  # type: ignore[no-untyped-def]
    return [(p.field, p.rule) for p in problems]


def test_the_codes_are_the_choices_pages_offer():
    assert tuple(constants.EnquiryKind.values) == ENQUIRY_KINDS
    assert tuple(constants.EnquiryReason.values) == ENQUIRY_REASONS
    assert tuple(constants.EnquiryResponse.values) == ENQUIRY_RESPONSES


def test_an_empty_request_names_every_field():
    assert _rules(validate_enquiry(EnquiryRequest(None, None, None), today=TODAY)) == [
        ("kind", "required"),
        ("reason", "required"),
        ("requested_on", "required"),
    ]


def test_a_request_before_1900_is_refused():
    request = EnquiryRequest("POLICE_DA", "START", date(1899, 12, 31))
    assert _rules(validate_enquiry(request, today=TODAY)) == [("requested_on", "too_early")]


@given(requested=days, responded=days)
def test_a_response_is_accepted_exactly_when_dated_from_its_request_to_today(requested, responded):  # type: ignore[no-untyped-def]
    entered = EnquiryResponse(requested, None, responded, "NO_INFORMATION", "")
    problems = validate_enquiry_response(entered, today=TODAY)
    assert (problems == []) == (requested <= responded <= TODAY)


@given(answered=days)
def test_an_answered_enquiry_takes_no_second_response(answered):  # type: ignore[no-untyped-def]
    entered = EnquiryResponse(answered, answered, TODAY, "CONCERNS", "")
    assert _rules(validate_enquiry_response(entered, today=TODAY)) == [
        ("responded_on", "already_answered")
    ]


def test_a_response_needs_its_answer_and_bounded_notes():
    entered = EnquiryResponse(TODAY - timedelta(days=3), None, TODAY, "", "x" * (MAX_NOTES + 1))
    assert _rules(validate_enquiry_response(entered, today=TODAY)) == [
        ("response", "required"),
        ("response_notes", "max_length"),
    ]
