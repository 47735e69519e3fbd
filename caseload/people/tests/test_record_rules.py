"""The rules a person, their criminal history, convictions and sentences are held to when
another system brings them (`caseload import`), with their codes kept in step with the
record's choices (pure: no database)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.people import constants as c
from caseload.people.domain import (
    EQUALITY_CODES,
    LENGTH_UNITS,
    LICENCE_CONDITION_CATEGORIES,
    REQUIREMENT_CATEGORIES,
    SENTENCE_TYPES,
    SEXES,
    CriminalHistoryInput,
    NewEvent,
    NewLicenceCondition,
    NewPerson,
    NewRequirement,
    NewSentence,
    period_problems,
    validate_criminal_history,
    validate_event,
    validate_licence_condition,
    validate_person,
    validate_requirement,
    validate_sentence,
)

TODAY = date(2026, 12, 2)


def rules(problems: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(p.field, p.rule) for p in problems]


def test_the_codes_are_the_records_choices():
    assert set(c.Sex.values) == SEXES
    assert {
        "gender_identity": set(c.GenderIdentity.values),
        "ethnicity": set(c.Ethnicity.values),
        "religion": set(c.Religion.values),
        "sexual_orientation": set(c.SexualOrientation.values),
        "disability": set(c.Disability.values),
    } == EQUALITY_CODES
    assert set(c.SentenceType.values) == SENTENCE_TYPES
    assert set(c.LengthUnit.values) == LENGTH_UNITS
    assert set(c.RequirementCategory.values) == REQUIREMENT_CATEGORIES
    assert set(c.LicenceConditionCategory.values) == LICENCE_CONDITION_CATEGORIES


def person(**fields: object) -> NewPerson:
    values: dict[str, object] = {
        "crn": "X100001",
        "first_name": "Adam",
        "last_name": "Brown",
        "preferred_name": "",
        "date_of_birth": date(1990, 4, 12),
        "pnc_number": "",
        "sex": "MALE",
        "equality": {"ethnicity": "WHITE"},
        "nationality": "British",
        "preferred_language": "English",
    }
    return NewPerson(**{**values, **fields})  # type: ignore[arg-type]


def test_a_person_needs_a_crn_a_name_a_date_of_birth_and_a_sex():
    assert validate_person(person(), today=TODAY) == []
    problems = validate_person(
        person(
            crn="x1", first_name=" ", date_of_birth=None, sex="M", equality={"religion": "JEDI"}
        ),
        today=TODAY,
    )
    assert rules(problems) == [
        ("crn", "crn_format"),
        ("first_name", "required"),
        ("date_of_birth", "required"),
        ("sex", "unknown_code"),
        ("religion", "unknown_code"),
    ]


@given(st.integers(min_value=0, max_value=125))
def test_a_person_on_probation_is_from_10_to_120_years_old(age: int):
    born = date(TODAY.year - age, 1, 1)
    refused = rules(validate_person(person(date_of_birth=born), today=TODAY))
    assert (refused == [("date_of_birth", "age")]) == (not 10 <= age <= 120)


def history(**fields: object) -> CriminalHistoryInput:
    values: dict[str, object] = {
        "total_sanctions": 3,
        "violent_sanctions": 1,
        "first_sanction_date": date(2010, 1, 1),
        "contact_adult_sexual_sanctions": 0,
        "contact_child_sexual_sanctions": 0,
        "indecent_image_sanctions": 0,
        "non_contact_sexual_offences": 0,
        "most_recent_sexual_offence_date": None,
    }
    return CriminalHistoryInput(**{**values, **fields})  # type: ignore[arg-type]


def test_a_criminal_history_counts_the_current_sanction_and_starts_after_birth():
    born = date(1990, 4, 12)
    assert validate_criminal_history(history(), date_of_birth=born, today=TODAY) == []
    problems = validate_criminal_history(
        history(total_sanctions=0, violent_sanctions=2, first_sanction_date=date(1989, 1, 1)),
        date_of_birth=born,
        today=TODAY,
    )
    assert rules(problems) == [
        ("total_sanctions", "out_of_range"),
        ("violent_sanctions", "out_of_range"),
        ("first_sanction_date", "before_birth"),
    ]


def test_a_conviction_has_a_five_digit_offence_code_and_follows_the_offence():
    event = NewEvent(1, "10400", "", date(2026, 1, 10), date(2026, 2, 20), "")
    assert validate_event(event, today=TODAY) == []
    wrong = NewEvent(0, "104", "", date(2026, 2, 21), date(2026, 2, 20), "")
    assert rules(validate_event(wrong, today=TODAY)) == [
        ("number", "out_of_range"),
        ("offence_code", "offence_code_format"),
        ("conviction_date", "before_offence"),
    ]


def sentence(**fields: object) -> NewSentence:
    values: dict[str, object] = {
        "sentence_type": "CO",
        "sentence_date": date(2026, 2, 20),
        "length": 12,
        "length_unit": "MONTHS",
        "release_date": None,
        "automatic_release_date": None,
        "licence_expiry_date": None,
        "termination_date": None,
        "termination_reason": "",
        "conviction_date": date(2026, 2, 20),
    }
    return NewSentence(**{**values, **fields})  # type: ignore[arg-type]


def test_only_a_custodial_sentence_has_release_dates_and_none_precedes_its_conviction():
    assert validate_sentence(sentence(), today=TODAY) == []
    assert (
        validate_sentence(sentence(sentence_type="LIC", release_date=date(2026, 6, 1)), today=TODAY)
        == []
    )
    problems = validate_sentence(
        sentence(
            sentence_date=date(2026, 2, 19),
            length_unit="HOURS",
            release_date=date(2026, 6, 1),
            termination_date=date(2026, 2, 19),
        ),
        today=TODAY,
    )
    assert rules(problems) == [
        ("sentence_date", "before_conviction"),
        ("length_unit", "unknown_code"),
        ("release_date", "custody_only"),
        ("termination_date", "after_start"),
    ]


def test_a_custodial_sentence_may_be_released_on_the_day_of_sentence_but_not_before():
    day = date(2026, 2, 20)
    on_the_day = sentence(sentence_type="PSS", release_date=day)
    assert validate_sentence(on_the_day, today=TODAY) == []
    before = sentence(sentence_type="PSS", release_date=day - timedelta(days=1))
    assert rules(validate_sentence(before, today=TODAY)) == [("release_date", "before_sentence")]


def test_a_requirement_gives_its_length_with_its_unit():
    start = date(2026, 2, 20)
    assert validate_requirement(NewRequirement("W", 100, "HOURS", start, None, "")) == []
    assert validate_requirement(NewRequirement("CUR", None, "", start, None, "")) == []
    assert rules(validate_requirement(NewRequirement("Z", 100, "", None, None, ""))) == [
        ("category", "unknown_code"),
        ("length_unit", "together"),
        ("start_date", "required"),
    ]


def test_a_licence_condition_has_a_category_and_a_start():
    start = date(2025, 11, 3)
    assert validate_licence_condition(NewLicenceCondition("CURFEW", "", start, None)) == []
    assert rules(validate_licence_condition(NewLicenceCondition("", "", start, start))) == [
        ("category", "required"),
        ("end_date", "after_start"),
    ]


@given(st.dates(), st.integers(min_value=-400, max_value=400))
def test_a_period_ends_after_it_starts(start: date, days: int):
    try:
        end = start + timedelta(days=days)
    except OverflowError:
        return
    assert (period_problems(start, end) == []) == (days > 0)
