"""The rules a report meets: a known kind, a request not in the future, needed on or after the
request and within a year of it, completed once and not before it was asked for."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.reports.constants import ReportKind
from caseload.reports.domain import (
    LONGEST_NOTICE,
    REPORT_KINDS,
    ReportCompletion,
    ReportRequest,
    validate_report_completion,
    validate_report_request,
)

TODAY = date(2026, 12, 1)


def rules(problems):  # type: ignore[no-untyped-def]
    return [(p.field, p.rule) for p in problems]


def test_the_kinds_are_the_pages_kinds():
    assert tuple(ReportKind.values) == REPORT_KINDS


def test_a_full_request_has_no_problems():
    request = ReportRequest("STANDARD", TODAY - timedelta(days=3), TODAY + timedelta(days=18))
    assert validate_report_request(request, today=TODAY) == []


def test_an_empty_request_names_every_field():
    assert rules(validate_report_request(ReportRequest(None, None, None), today=TODAY)) == [
        ("kind", "required"),
        ("requested_on", "required"),
        ("due_on", "required"),
    ]


def test_a_report_cannot_be_needed_before_it_was_asked_for_nor_years_ahead():
    early = ReportRequest("FAST", TODAY, TODAY - timedelta(days=1))
    late = ReportRequest("PAROLE", TODAY, TODAY + LONGEST_NOTICE + timedelta(days=1))
    assert rules(validate_report_request(early, today=TODAY)) == [("due_on", "before_request")]
    assert rules(validate_report_request(late, today=TODAY)) == [("due_on", "too_far_ahead")]


def test_an_unknown_kind_and_a_future_request_are_refused():
    request = ReportRequest("PSR", TODAY + timedelta(days=1), TODAY + timedelta(days=9))
    assert rules(validate_report_request(request, today=TODAY)) == [
        ("kind", "unknown_code"),
        ("requested_on", "not_in_future"),
    ]


@given(
    kind=st.sampled_from(REPORT_KINDS),
    asked=st.integers(min_value=0, max_value=400),
    notice=st.integers(min_value=0, max_value=LONGEST_NOTICE.days),
)
def test_any_request_in_the_past_needed_within_a_year_of_it_is_accepted(kind, asked, notice):
    requested = TODAY - timedelta(days=asked)
    request = ReportRequest(kind, requested, requested + timedelta(days=notice))
    assert validate_report_request(request, today=TODAY) == []


def test_a_report_is_completed_once_and_not_before_its_request():
    requested = TODAY - timedelta(days=10)
    again = ReportCompletion(requested, TODAY - timedelta(days=1), TODAY)
    early = ReportCompletion(requested, None, requested - timedelta(days=1))
    future = ReportCompletion(requested, None, TODAY + timedelta(days=1))
    assert rules(validate_report_completion(again, today=TODAY)) == [
        ("completed_on", "already_completed")
    ]
    assert rules(validate_report_completion(early, today=TODAY)) == [
        ("completed_on", "before_request")
    ]
    assert rules(validate_report_completion(future, today=TODAY)) == [
        ("completed_on", "not_in_future")
    ]
    assert validate_report_completion(ReportCompletion(requested, None, TODAY), today=TODAY) == []


def test_the_minutes_a_report_took_are_optional_but_must_be_a_working_week_or_less():
    requested = TODAY - timedelta(days=10)
    for minutes, found in ((None, []), (420, []), (0, ["out_of_range"]), (2401, ["out_of_range"])):
        entered = ReportCompletion(requested, None, TODAY, minutes)
        assert [p.rule for p in validate_report_completion(entered, today=TODAY)] == found
