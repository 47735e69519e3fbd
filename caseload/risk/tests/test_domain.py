"""Validating registrations, their reviews and ends, and assessments (pure: no database).
Every problem is reported at once; no date may be in the future."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseload.risk.assessment import QUESTIONS
from caseload.risk.constants import REGISTERS, ROSH_CODES
from caseload.risk.domain import (
    MAPPA,
    ROSH_LEVELS,
    NewRegistration,
    RegistrationFacts,
    RoshSummaryInput,
    highest_rosh,
    replaced_registers,
    review_due,
    risk_at_a_glance,
    validate_assessment,
    validate_deregistration,
    validate_registration,
    validate_review,
    validate_rosh_summary,
)
from caseload.testing.assessments import arp_dynamic_answers, middle_answer

TODAY = date(2025, 6, 2)
TOMORROW = TODAY + timedelta(days=1)


def rules(problems) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.field, p.rule) for p in problems]


def registration(**fields: object) -> NewRegistration:
    values: dict[str, object] = {
        "register": "ADVP",
        "category": "",
        "level": "",
        "registered_on": date(2025, 5, 28),
    }
    return NewRegistration(**{**values, **fields})  # type: ignore[arg-type]


# Registrations.


@pytest.mark.parametrize("register", sorted(set(REGISTERS) - {MAPPA}))
def test_any_register_other_than_mappa_needs_only_its_date(register):
    assert validate_registration(registration(register=register), today=TODAY) == []


def test_a_registration_may_be_dated_today():
    assert validate_registration(registration(registered_on=TODAY), today=TODAY) == []


def test_mappa_needs_a_category_and_a_level():
    problems = validate_registration(registration(register=MAPPA), today=TODAY)
    assert rules(problems) == [("category", "mappa_category"), ("level", "mappa_level")]
    assert [p.message for p in problems] == [
        "Select a MAPPA category, M1 to M4",
        "Select a MAPPA level, M1 to M3",
    ]


@pytest.mark.parametrize(("category", "level"), [("M1", "M1"), ("M4", "M3"), ("M2", "M2")])
def test_mappa_with_a_category_and_level_is_valid(category, level):
    new = registration(register=MAPPA, category=category, level=level)
    assert validate_registration(new, today=TODAY) == []


def test_mappa_level_4_and_category_5_do_not_exist():
    new = registration(register=MAPPA, category="M5", level="M4")
    assert rules(validate_registration(new, today=TODAY)) == [
        ("category", "mappa_category"),
        ("level", "mappa_level"),
    ]


@pytest.mark.parametrize(("category", "level"), [("M1", ""), ("", "M2"), ("M1", "M2")])
def test_only_mappa_has_a_category_or_level(category, level):
    new = registration(register="RHRH", category=category, level=level)
    assert rules(validate_registration(new, today=TODAY)) == [("category", "not_allowed")]


def test_an_unknown_register_is_refused():
    problems = validate_registration(registration(register="NOPE"), today=TODAY)
    assert rules(problems) == [("register", "unknown_code")]
    assert rules(validate_registration(registration(register=None), today=TODAY)) == [
        ("register", "unknown_code")
    ]


def test_a_registration_date_is_required_and_not_in_the_future():
    assert rules(validate_registration(registration(registered_on=None), today=TODAY)) == [
        ("registered_on", "required")
    ]
    problems = validate_registration(registration(registered_on=TOMORROW), today=TODAY)
    assert rules(problems) == [("registered_on", "not_in_future")]
    assert problems[0].message == "The date of registration must be today or in the past"


def test_every_registration_problem_is_reported_at_once():
    new = NewRegistration(MAPPA, "", "M9", TOMORROW)
    assert rules(validate_registration(new, today=TODAY)) == [
        ("category", "mappa_category"),
        ("level", "mappa_level"),
        ("registered_on", "not_in_future"),
    ]
    new = NewRegistration("NOPE", "M1", "", None)
    assert rules(validate_registration(new, today=TODAY)) == [
        ("register", "unknown_code"),
        ("category", "not_allowed"),
        ("registered_on", "required"),
    ]


def test_a_rosh_level_replaces_the_other_rosh_levels_and_any_other_register_itself():
    assert set(replaced_registers("RHRH")) == set(ROSH_CODES)
    assert replaced_registers(MAPPA) == (MAPPA,)
    assert replaced_registers("ADVP") == ("ADVP",)


def test_a_registration_is_active_from_its_date_until_it_ends():
    ended = RegistrationFacts("ADVP", "", "", date(2025, 1, 6), TODAY)
    assert ended.active_on(date(2025, 1, 6)) and ended.active_on(TODAY - timedelta(days=1))
    assert not ended.active_on(date(2025, 1, 5)) and not ended.active_on(TODAY)


# Ending and reviewing a registration.


def test_a_registration_may_end_on_the_day_it_began_or_later():
    assert validate_deregistration(TODAY, TODAY, "Risk reduced", today=TODAY) == []
    assert (
        validate_deregistration(date(2025, 1, 6), date(2025, 5, 1), "Risk reduced", today=TODAY)
        == []
    )


def test_a_registration_cannot_end_before_it_began():
    problems = validate_deregistration(
        date(2025, 1, 6), date(2025, 1, 5), "Risk reduced", today=TODAY
    )
    assert rules(problems) == [("deregistered_on", "before_registration")]


def test_the_end_date_is_required_and_not_in_the_future():
    assert rules(validate_deregistration(date(2025, 1, 6), None, "Risk reduced", today=TODAY)) == [
        ("deregistered_on", "required")
    ]
    assert rules(
        validate_deregistration(date(2025, 1, 6), TOMORROW, "Risk reduced", today=TODAY)
    ) == [("deregistered_on", "not_in_future")]


def test_the_reason_is_required():
    assert rules(validate_deregistration(TODAY, TODAY, " ", today=TODAY)) == [
        ("reason", "required")
    ]


def test_a_review_is_dated_today_or_earlier():
    assert validate_review(TODAY, today=TODAY) == []
    assert validate_review(date(2024, 12, 9), today=TODAY) == []
    assert rules(validate_review(TOMORROW, today=TODAY)) == [("reviewed_on", "not_in_future")]
    assert rules(validate_review(None, today=TODAY)) == [("reviewed_on", "required")]


# Assessments.


def test_a_complete_assessment_is_valid():
    answers = {q.key: middle_answer(q) for q in QUESTIONS}
    assert validate_assessment(TODAY, answers, today=TODAY) == []
    assert validate_assessment(TODAY, arp_dynamic_answers(), today=TODAY) == []


def test_questions_may_be_left_unanswered():
    assert validate_assessment(TODAY, {}, today=TODAY) == []
    assert validate_assessment(TODAY, {"temperControl": None}, today=TODAY) == []


def test_an_assessment_is_completed_today_or_earlier():
    assert rules(validate_assessment(TOMORROW, {}, today=TODAY)) == [
        ("completed_on", "not_in_future")
    ]
    assert rules(validate_assessment(None, {}, today=TODAY)) == [("completed_on", "required")]


def test_an_answer_not_allowed_for_its_question_is_refused_in_words():
    (problem,) = validate_assessment(TODAY, {"temperControl": "FURIOUS"}, today=TODAY)
    assert (problem.field, problem.rule) == ("temperControl", "answer")
    assert problem.message.startswith("Temper control (11.4) must be one of NO_PROBLEMS")


def test_an_unknown_question_is_refused():
    (problem,) = validate_assessment(TODAY, {"shoeSize": "NINE"}, today=TODAY)
    assert (problem.field, problem.rule) == ("shoeSize", "answer")
    assert problem.message == "shoeSize is not a question in the assessment"


@pytest.mark.parametrize("value", ["HOMICIDE", ["HOMICIDE", "SHOPLIFTING"], None])
def test_previous_convictions_are_a_list_of_listed_convictions(value):
    problems = validate_assessment(TODAY, {"previousConvictions": value}, today=TODAY)
    assert rules(problems) == [("previousConvictions", "answer")]


def test_no_previous_convictions_is_an_empty_list():
    assert validate_assessment(TODAY, {"previousConvictions": []}, today=TODAY) == []
    answers = {"previousConvictions": ["ROBBERY", "ARSON"]}
    assert validate_assessment(TODAY, answers, today=TODAY) == []


def test_every_assessment_problem_is_reported_at_once():
    answers = {"temperControl": "FURIOUS", "shoeSize": "NINE", "evidenceOfDomesticAbuse": "YES"}
    assert rules(validate_assessment(TOMORROW, answers, today=TODAY)) == [
        ("completed_on", "not_in_future"),
        ("temperControl", "answer"),
        ("shoeSize", "answer"),
        ("evidenceOfDomesticAbuse", "answer"),
    ]


def _registration(register, days_ago, category="", level="", ended=None):  # type: ignore[no-untyped-def]
    return RegistrationFacts(register, category, level, DAY - timedelta(days=days_ago), ended)


DAY = date(2026, 12, 1)


def test_the_identity_bar_reads_rosh_mappa_and_flags_in_words():
    glance = risk_at_a_glance(
        [
            _registration("RHRH", 400, ended=DAY - timedelta(days=100)),
            _registration("RVHR", 100),
            _registration("MAPP", 90, "M2", "M2"),
            _registration("ADVP", 80),
            _registration("RCPR", 70),
            _registration("AV2S", 60),
            _registration("IIOM", 50),
        ],
        DAY,
    )
    assert (glance.rosh, glance.rosh_label, glance.rosh_since) == (
        "VERY_HIGH",
        "Very high",
        DAY - timedelta(days=100),
    )
    assert glance.mappa == "Category 2, level 2"
    assert glance.flags == ("Child protection", "Domestic abuse perpetrator", "Risk to staff")


def test_a_case_with_no_registrations_is_not_assessed_and_not_mappa():
    glance = risk_at_a_glance([_registration("RCCO", 10, ended=DAY)], DAY)
    assert (glance.rosh_label, glance.mappa, glance.flags) == ("Not assessed", "", ())


@given(st.lists(st.sampled_from(ROSH_LEVELS), min_size=1, max_size=4))
def test_the_overall_rosh_is_the_highest_audiences(levels):
    overall = highest_rosh(levels)
    assert overall in levels
    assert all(ROSH_LEVELS.index(level) <= ROSH_LEVELS.index(overall) for level in levels)


def test_a_rosh_summary_needs_a_date_a_source_and_every_audience():
    summary = RoshSummaryInput(DAY, "OASYS", {"public": "HIGH", "known_adult": "LOW"})
    problems = validate_rosh_summary(summary, today=DAY)
    assert [(p.field, p.rule) for p in problems] == [
        ("children", "rosh_level"),
        ("staff", "rosh_level"),
    ]
    assert [p.field for p in validate_rosh_summary(RoshSummaryInput(None, "X", {}), today=DAY)][
        :2
    ] == ["assessed_on", "source"]


def test_a_review_is_due_a_review_period_after_the_last_review_or_the_registration():
    assert review_due(date(2026, 1, 31), None, "MAPP") == date(2026, 4, 30)
    assert review_due(date(2026, 1, 31), date(2026, 5, 2), "RVHR") == date(2026, 11, 2)
    assert review_due(date(2026, 1, 31), None, "STRG") is None
