"""The behaviour of people's codes, kept in step with their Django choices, and the validation
of a change of circumstances (pure: no database)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from caseload.people import constants
from caseload.people.domain import (
    ACCOMMODATION,
    CIRCUMSTANCE_STATUSES,
    DELIUS_SENTENCE_TYPE,
    EMPLOYMENT,
    LICENCE,
    RESTRICTIVE_REQUIREMENTS,
    UNEMPLOYED,
    UNSETTLED_ACCOMMODATION,
    CircumstanceChange,
    CircumstanceFacts,
    CriminalHistoryFacts,
    RequirementFacts,
    SentenceFacts,
    age_on,
    expected_end_date,
    has_sexual_offence_history,
    hours_and_minutes,
    probation_reset_exemption,
    rar_progress,
    two_thirds_point,
    unpaid_work_progress,
    validate_circumstance,
)
from caseload.testing.facts import COMMUNITY_ORDER

TODAY = date(2025, 6, 2)


def codes(choices: type) -> set[str]:
    return {str(value) for value in choices.values}  # type: ignore[attr-defined]


# The pure tables and the Django choices hold the same codes.


def test_the_circumstance_kinds_are_the_choices():
    assert set(CIRCUMSTANCE_STATUSES) == codes(constants.CircumstanceKind)


@pytest.mark.parametrize(
    ("kind", "choices"),
    [
        (ACCOMMODATION, constants.AccommodationStatus),
        (EMPLOYMENT, constants.EmploymentStatus),
    ],
)
def test_each_kind_s_statuses_are_its_choices(kind, choices):
    assert CIRCUMSTANCE_STATUSES[kind] == codes(choices)


def test_every_sentence_type_has_a_delius_type_and_no_other_does():
    assert set(DELIUS_SENTENCE_TYPE) == codes(constants.SentenceType)
    assert LICENCE in codes(constants.SentenceType)


def test_restrictive_requirements_are_requirement_categories():
    assert codes(constants.RequirementCategory) >= RESTRICTIVE_REQUIREMENTS
    assert {"CUR", "EXC", "PROH", "FTP", "AAMR"} == RESTRICTIVE_REQUIREMENTS


def test_unsettled_accommodation_and_unemployment_are_statuses_of_their_kind():
    assert CIRCUMSTANCE_STATUSES[ACCOMMODATION] >= UNSETTLED_ACCOMMODATION
    assert UNEMPLOYED in CIRCUMSTANCE_STATUSES[EMPLOYMENT]


# What the codes mean.

ORDER = replace(COMMUNITY_ORDER, requirements=())


def licence(release_date: date | None) -> SentenceFacts:
    """Burglary: sentenced to custody on 2 September 2024, then a licence."""
    return replace(
        ORDER, sentence_type="LIC", sentence_date=date(2024, 9, 2), release_date=release_date
    )


def test_a_community_order_is_followed_up_from_its_sentence_date():
    assert ORDER.follow_up_date == date(2025, 2, 3)
    assert not ORDER.in_custody_on(TODAY)


def test_a_licence_is_followed_up_from_release_and_is_in_custody_until_then():
    released = licence(date(2025, 3, 3))
    assert released.follow_up_date == date(2025, 3, 3)
    assert released.in_custody_on(date(2025, 3, 2))
    assert not released.in_custody_on(date(2025, 3, 3))
    assert licence(None).in_custody_on(TODAY)
    assert licence(None).follow_up_date == date(2024, 9, 2)


@pytest.mark.parametrize(
    ("sentence_type", "delius"), [("CO", "CO"), ("SSO", "SSO"), ("LIC", "SC"), ("PSS", "SC")]
)
def test_the_delius_type_of_each_sentence_type(sentence_type, delius):
    sentence = SentenceFacts(1, "10501", TODAY, TODAY, sentence_type, TODAY, None, None)
    assert sentence.delius_type == delius


def test_a_sentence_is_in_force_from_its_date_until_the_day_it_ends():
    ended = SentenceFacts(1, "10501", TODAY, TODAY, "CO", date(2025, 2, 3), None, TODAY)
    assert not ended.active_on(date(2025, 2, 2))
    assert ended.active_on(date(2025, 2, 3))
    assert ended.active_on(TODAY - timedelta(days=1))
    assert not ended.active_on(TODAY)


@pytest.mark.parametrize("category", sorted(codes(constants.RequirementCategory)))
def test_a_requirement_is_restrictive_when_its_category_is(category):
    requirement = RequirementFacts(category, 3, "MONTHS", False, TODAY, None)
    assert requirement.restrictive is (category in RESTRICTIVE_REQUIREMENTS)


@pytest.mark.parametrize(
    ("kind", "status", "unsettled", "unemployed"),
    [
        (ACCOMMODATION, "NFA", True, False),
        (ACCOMMODATION, "TEMPORARY", True, False),
        (ACCOMMODATION, "SETTLED", False, False),
        (EMPLOYMENT, "UNEMPLOYED", False, True),
        (EMPLOYMENT, "NOT_AVAILABLE", False, False),
    ],
)
def test_what_a_circumstance_means(kind, status, unsettled, unemployed):
    circumstance = CircumstanceFacts(kind, status, TODAY, None)
    assert circumstance.unsettled_accommodation is unsettled
    assert circumstance.unemployed is unemployed


@pytest.mark.parametrize(
    ("counts", "history"),
    [((0, 0, 0, 0), False), ((1, 0, 0, 0), True), ((0, 0, 0, 2), True), ((0, 1, 1, 0), True)],
)
def test_any_sexual_sanction_is_a_sexual_offence_history(counts, history):
    assert has_sexual_offence_history(*counts) is history
    facts = CriminalHistoryFacts(6, 1, date(2006, 3, 1), *counts, None)
    assert facts.sexual_offence_history is history


# Validating a change of circumstances.


def change(**fields: object) -> CircumstanceChange:
    values: dict[str, object] = {
        "kind": ACCOMMODATION,
        "status": "SETTLED",
        "start_date": date(2025, 5, 19),
        "current_since": date(2024, 11, 4),
    }
    return CircumstanceChange(**{**values, **fields})  # type: ignore[arg-type]


def rules(problems) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.field, p.rule) for p in problems]


def test_a_valid_change_has_no_problems():
    assert validate_circumstance(change(), today=TODAY) == []
    assert validate_circumstance(change(start_date=TODAY), today=TODAY) == []
    assert validate_circumstance(change(current_since=None), today=TODAY) == []


def test_the_kind_must_be_accommodation_or_employment():
    assert rules(validate_circumstance(change(kind="HEALTH"), today=TODAY)) == [
        ("kind", "unknown_code")
    ]


def test_the_status_must_be_one_of_its_kind():
    problems = validate_circumstance(change(kind=EMPLOYMENT, status="NFA"), today=TODAY)
    assert rules(problems) == [("status", "unknown_code")]
    assert problems[0].message == "Select a status from the list"


def test_the_date_is_required_and_not_in_the_future():
    assert rules(validate_circumstance(change(start_date=None), today=TODAY)) == [
        ("start_date", "required")
    ]
    tomorrow = validate_circumstance(change(start_date=date(2025, 6, 3)), today=TODAY)
    assert rules(tomorrow) == [("start_date", "not_in_future")]
    assert tomorrow[0].message == "Date of the change must be today or in the past"


def test_the_change_cannot_start_before_the_current_status():
    problems = validate_circumstance(change(start_date=date(2024, 11, 3)), today=TODAY)
    assert rules(problems) == [("start_date", "after_current")]
    assert "04 November 2024" in problems[0].message
    assert validate_circumstance(change(start_date=date(2024, 11, 4)), today=TODAY) == []


def test_every_problem_is_reported_at_once_in_form_order():
    problems = validate_circumstance(change(kind=None, start_date=None), today=TODAY)
    assert rules(problems) == [("kind", "unknown_code"), ("start_date", "required")]
    problems = validate_circumstance(
        change(status="UNEMPLOYED", start_date=date(2025, 7, 1)), today=TODAY
    )
    assert rules(problems) == [("status", "unknown_code"), ("start_date", "not_in_future")]


def test_a_wrong_status_and_a_date_before_the_current_status_are_both_reported():
    problems = validate_circumstance(
        change(status="UNEMPLOYED", start_date=date(2024, 10, 1)), today=TODAY
    )
    assert rules(problems) == [("status", "unknown_code"), ("start_date", "after_current")]


KINDS = st.sampled_from([ACCOMMODATION, EMPLOYMENT]) | st.none() | st.text(max_size=20)
STATUSES = (
    st.sampled_from(sorted(set().union(*CIRCUMSTANCE_STATUSES.values())))
    | st.none()
    | st.text(max_size=20)
)
DATES = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(
    kind=KINDS,
    status=STATUSES,
    start_date=DATES,
    current_since=DATES,
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)),
)
def test_validation_never_raises_and_reports_each_broken_rule(
    kind, status, start_date, current_since, today
):
    new = CircumstanceChange(kind, status, start_date, current_since)
    problems = rules(validate_circumstance(new, today=today))

    expected = []
    if kind not in CIRCUMSTANCE_STATUSES:
        expected.append(("kind", "unknown_code"))
    elif status not in CIRCUMSTANCE_STATUSES[kind]:
        expected.append(("status", "unknown_code"))
    if start_date is None:
        expected.append(("start_date", "required"))
    elif start_date > today:
        expected.append(("start_date", "not_in_future"))
    before_current = (
        kind in CIRCUMSTANCE_STATUSES
        and start_date is not None
        and start_date <= today
        and current_since is not None
        and start_date < current_since
    )
    after_current = ("start_date", "after_current")
    if before_current:
        expected.append(after_current)
    assert problems == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 1, 1)), st.integers(0, 90))
def test_age_counts_whole_years_and_moves_on_the_birthday(born, years):
    assume((born.month, born.day) != (2, 29))
    birthday = born.replace(year=born.year + years)
    assert age_on(born, birthday) == years
    if years:
        assert age_on(born, birthday - timedelta(days=1)) == years - 1


def test_a_licence_ends_at_licence_expiry_and_an_order_at_its_length():
    assert expected_end_date("LIC", date(2024, 6, 14), 48, "MONTHS", date(2028, 5, 14)) == date(
        2028, 5, 14
    )
    assert expected_end_date("CO", date(2026, 8, 13), 12, "MONTHS", None) == date(2027, 8, 13)
    assert expected_end_date("SSO", date(2026, 1, 1), 200, "DAYS", None) == date(2026, 7, 20)


@given(st.dates(max_value=date(2100, 1, 1)), st.integers(0, 5000))
def test_the_two_thirds_point_lies_two_thirds_of_the_way(start, days):
    end = start + timedelta(days=days)
    point = two_thirds_point(start, end)
    assert start <= point <= end
    assert (point - start).days == days * 2 // 3


def test_mappa_very_high_rosh_and_child_protection_keep_supervision_past_two_thirds():
    assert (
        probation_reset_exemption(mappa=False, very_high_rosh=False, child_protection=False) is None
    )
    assert probation_reset_exemption(mappa=True, very_high_rosh=True, child_protection=False) == (
        "a MAPPA case"
    )
    assert probation_reset_exemption(mappa=False, very_high_rosh=False, child_protection=True) == (
        "active child protection"
    )


@given(st.integers(0, 300), st.lists(st.integers(0, 720), max_size=60))
def test_unpaid_work_left_is_what_was_ordered_less_what_was_credited(hours, sessions):
    progress = unpaid_work_progress(hours, sessions)
    assert progress.ordered == hours * 60 and progress.done == sum(sessions)
    assert progress.remaining == max(hours * 60 - sum(sessions), 0)
    assert 0 <= progress.percent_done <= 100


@given(st.integers(1, 60), st.lists(st.dates(), max_size=80))
def test_rar_days_count_each_day_once(ordered, days):
    progress = rar_progress(ordered, days)
    assert progress.done == len(set(days))
    assert progress.remaining + min(progress.done, ordered) == ordered


def test_minutes_read_as_hours_and_minutes():
    assert hours_and_minutes(810) == "13 hours 30 minutes"
    assert hours_and_minutes(60) == "1 hour"
    assert hours_and_minutes(45) == "45 minutes"
    assert hours_and_minutes(0) == "0 hours"
    assert hours_and_minutes(61) == "1 hour 1 minute"
