"""The rules for plans and oversight: every problem at once, dates not in the future nor before
1900, only the contact frequencies a plan may agree, bounded notes."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from caseload.plans.domain import (
    CONTACT_FREQUENCIES,
    MAX_NOTES,
    ManagementOversightInput,
    RiskManagementPlanInput,
    SentencePlanInput,
    validate_management_oversight,
    validate_risk_management_plan,
    validate_sentence_plan,
)

TODAY = date(2026, 12, 1)


def _rules(problems):  # type: ignore[no-untyped-def]
    return [(p.field, p.rule) for p in problems]


def test_the_frequencies_are_weekly_to_every_twelve_weeks():
    assert list(CONTACT_FREQUENCIES) == [7, 14, 21, 28, 42, 56, 84]


@given(every=st.integers(-1000, 1000))
def test_only_a_listed_frequency_is_accepted(every):  # type: ignore[no-untyped-def]
    problems = validate_sentence_plan(SentencePlanInput(TODAY, every, ""), today=TODAY)
    assert (problems == []) == (every in CONTACT_FREQUENCIES)


def test_an_empty_sentence_plan_names_the_date_and_frequency():
    assert _rules(validate_sentence_plan(SentencePlanInput(None, None, ""), today=TODAY)) == [
        ("completed_on", "required"),
        ("contact_every_days", "required"),
    ]


@given(day=st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 1, 1)))
def test_a_plan_is_dated_from_1900_to_today(day):  # type: ignore[no-untyped-def]
    problems = validate_risk_management_plan(RiskManagementPlanInput(day, ""), today=TODAY)
    assert (problems == []) == (date(1900, 1, 1) <= day <= TODAY)


def test_oversight_needs_what_was_reviewed_and_bounded_notes():
    empty = ManagementOversightInput(TODAY, "  ")
    assert _rules(validate_management_oversight(empty, today=TODAY)) == [("notes", "required")]
    long = ManagementOversightInput(None, "x" * (MAX_NOTES + 1))
    assert _rules(validate_management_oversight(long, today=TODAY)) == [
        ("recorded_on", "required"),
        ("notes", "max_length"),
    ]


def test_the_minutes_a_plan_took_are_optional_and_bounded_as_a_contacts_are():
    for minutes, found in ((None, []), (110, []), (0, ["out_of_range"]), (601, ["out_of_range"])):
        sentence = SentencePlanInput(TODAY, 14, "", minutes)
        risk = RiskManagementPlanInput(TODAY, "", minutes)
        assert [p.rule for p in validate_sentence_plan(sentence, today=TODAY)] == found
        assert [p.rule for p in validate_risk_management_plan(risk, today=TODAY)] == found
