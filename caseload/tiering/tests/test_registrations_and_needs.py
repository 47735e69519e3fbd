"""Reading Delius registrations and OASys need severity.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/domain/
Registrations.kt and .../client/arns/NeedSection.kt, and their unit tests.
"""

from datetime import date

import pytest

from caseload.tiering.domain import (
    FrequencyAnswer,
    NeedSection,
    ProblemAnswer,
    Registration,
    YesNoAnswer,
    parse_answer,
    read_registrations,
    section_need,
)


def on(day: str, code: str, **fields: str) -> Registration:
    return Registration(code, registered_on=date.fromisoformat(day), **fields)


def test_the_newest_rosh_registration_wins() -> None:
    flags = read_registrations([on("2020-01-01", "RVHR"), on("2024-01-01", "RLRH")])
    assert flags.rosh == "LOW"


def test_equal_dates_keep_their_list_order() -> None:
    flags = read_registrations([on("2024-01-01", "RMRH"), on("2024-01-01", "RHRH")])
    assert flags.rosh == "MEDIUM"


def test_undated_registrations_come_after_dated_ones() -> None:
    flags = read_registrations([Registration("RVHR"), on("2001-01-01", "RLRH")])
    assert flags.rosh == "LOW"


def test_a_newer_mappa_row_without_a_valid_level_is_skipped_for_the_level() -> None:
    flags = read_registrations(
        [on("2024-01-01", "MAPP", level="M0"), on("2020-01-01", "MAPP", level="M2")]
    )
    assert flags.mappa_level == "M2"


def test_only_the_newest_mappa_row_gives_the_category() -> None:
    flags = read_registrations(
        [on("2024-01-01", "MAPP", category="X9"), on("2020-01-01", "MAPP", category="M2")]
    )
    assert flags.mappa_category is None


def test_mappa_category_is_case_sensitive() -> None:
    assert read_registrations([Registration("MAPP", category="m1")]).mappa_category is None


def test_the_mapp_code_itself_must_match_exactly() -> None:
    flags = read_registrations([Registration("mapp", level="M3", category="M3")])
    assert (flags.mappa_level, flags.mappa_category) == (None, None)


def test_historic_registrations_are_dropped_before_anything_is_read() -> None:
    flags = read_registrations([Registration("HREG", level="M2"), Registration("HREG")])
    assert flags == read_registrations([])


@pytest.mark.parametrize(
    ("code", "flag"),
    [
        ("IIOM", "iom_nominal"),
        ("INLL", "lifer_ipp"),
        ("ADVP", "domestic_abuse"),
        ("REG30", "domestic_abuse"),
        ("SPO", "stalking"),
        ("RCPR", "child_protection"),
        ("PRC", "unsupervised"),
    ],
)
def test_exact_codes_set_their_flags(code: str, flag: str) -> None:
    assert getattr(read_registrations([Registration(code)]), flag) is True
    assert getattr(read_registrations([Registration(code.lower())]), flag) is False


def test_child_protection_is_also_a_complexity_factor() -> None:
    assert read_registrations([Registration("RCPR")]).complexity_codes == ("RCPR",)


def answers(**given: str | None) -> dict[str, ProblemAnswer | YesNoAnswer | FrequencyAnswer | None]:
    return {key: parse_answer(value) for key, value in given.items()}


def test_a_section_answered_only_missing_or_unknown_is_ignored() -> None:
    need = section_need(
        NeedSection.ACCOMMODATION,
        answers(
            noFixedAbodeOrTransient="Unknown",
            suitabilityOfAccommodation="Missing",
            permanenceOfAccommodation="Missing",
        ),
        san_indicator=False,
    )
    assert (need.score, need.severity) == (None, None)


def test_a_section_with_no_answers_is_ignored() -> None:
    need = section_need(NeedSection.ATTITUDES, {}, san_indicator=False)
    assert (need.score, need.severity) == (None, None)


ACCOMMODATION_SCORE_FIVE = {
    "suitabilityOfAccommodation": "Significant",
    "permanenceOfAccommodation": "Significant",
    "locationOfAccommodation": "Some",
}


def test_accommodation_score_five_is_standard_without_san() -> None:
    need = section_need(
        NeedSection.ACCOMMODATION, answers(**ACCOMMODATION_SCORE_FIVE), san_indicator=False
    )
    assert (need.score, need.severity) == (5, "STANDARD")


def test_accommodation_score_five_is_severe_with_san() -> None:
    need = section_need(
        NeedSection.ACCOMMODATION, answers(**ACCOMMODATION_SCORE_FIVE), san_indicator=True
    )
    assert (need.score, need.severity) == (5, "SEVERE")


def test_a_section_without_san_thresholds_keeps_its_normal_ones_under_san() -> None:
    need = section_need(
        NeedSection.EDUCATION_TRAINING_AND_EMPLOYABILITY,
        answers(unemployed="Significant", employmentHistory="Some"),
        san_indicator=True,
    )
    assert (need.score, need.severity) == (3, "STANDARD")


def test_the_score_sums_every_answer_present_even_unlisted_questions() -> None:
    need = section_need(
        NeedSection.DRUG_MISUSE,
        answers(everInjectedDrugs="Previous", someOtherQuestion="Yes"),
        san_indicator=False,
    )
    assert need.score == 3


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Unknown", YesNoAnswer.UNKNOWN),
        ("None", ProblemAnswer.NONE),
        ("Previous", FrequencyAnswer.PREVIOUS),
        ("", None),
        (None, None),
    ],
)
def test_answer_names_are_read_problem_first(text: str | None, answer: object) -> None:
    assert parse_answer(text) == answer


@pytest.mark.parametrize("text", ["Previously", "some", "Maybe"])
def test_an_unknown_answer_name_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="unknown OASys answer"):
        parse_answer(text)
