"""v2 protect level.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
ProtectLevelCalculator.kt and AdditionalFactorsForWomen.kt, and their BDD features.
"""

from decimal import Decimal

import pytest

from caseload.tiering.domain import (
    Assessment,
    ProblemAnswer,
    Registration,
    WomensFactorAnswers,
    YesNoAnswer,
    tier_v2,
)
from caseload.tiering.domain.protect import RSR_BANDS, protect_level_for, rsr_points
from caseload.tiering.tests.helpers import registrations, v2_inputs


def protect_points(**facts: object) -> int:
    return tier_v2(v2_inputs(**facts)).protect.points


def test_mappa_level_two_scores_one_hundred_and_fifty_protect_points() -> None:
    result = tier_v2(v2_inputs(registrations=(Registration("MAPP", level="M2"),))).protect
    assert (result.points, result.level) == (150, "A")
    assert ("MAPPA level 2", 150) in [(r.fact, r.points) for r in result.reasons]


def test_mappa_level_three_scores_one_hundred_and_fifty_protect_points() -> None:
    assert protect_points(registrations=(Registration("MAPP", level="M3"),)) == 150


def test_mappa_level_one_scores_five_protect_points() -> None:
    assert protect_points(registrations=(Registration("MAPP", level="M1"),)) == 5


def test_mappa_level_is_matched_ignoring_case() -> None:
    assert protect_points(registrations=(Registration("MAPP", level="m2"),)) == 150


def test_mappa_level_zero_scores_nothing() -> None:
    assert protect_points(registrations=(Registration("MAPP", level="M0"),)) == 0


@pytest.mark.parametrize(
    ("code", "points"), [("RVHR", 150), ("RHRH", 20), ("RMRH", 10), ("RLRH", 0), ("rhrh", 20)]
)
def test_rosh_registration_scores_its_protect_points(code: str, points: int) -> None:
    assert protect_points(registrations=registrations(code)) == points


@pytest.mark.parametrize(
    ("rsr", "points"),
    [
        ("7.1", 20),
        ("7.0", 20),
        ("6.9", 10),
        ("3.1", 10),
        ("3.0", 10),
        ("2.9", 0),
        ("999.99", 0),
        ("0", 0),
        ("23", 20),
        ("6.99", 10),
        ("6.995", 0),
        ("99.98", 20),
        ("99.99", 0),
    ],
)
def test_rsr_scores_by_the_anchors_exact_band_bounds(rsr: str, points: int) -> None:
    assert rsr_points(Decimal(rsr)) == points


def test_a_missing_rsr_counts_as_zero() -> None:
    assert rsr_points(None) == 0


def test_rsr_band_upper_bounds_are_the_exact_binary_doubles_of_the_anchor() -> None:
    assert [band.highest for band in RSR_BANDS] == [Decimal(99.99), Decimal(6.99)]


@pytest.mark.parametrize(
    ("rosh", "rsr", "points"), [("RVHR", "7.0", 150), ("RMRH", "7.0", 20), ("RMRH", "22.0", 20)]
)
def test_only_the_larger_of_rosh_and_rsr_counts(rosh: str, rsr: str, points: int) -> None:
    assert protect_points(registrations=registrations(rosh), rsr_score=Decimal(rsr)) == points


def test_equal_rosh_and_rsr_points_count_once() -> None:
    assert protect_points(registrations=registrations("RHRH"), rsr_score=Decimal(8)) == 20


def test_each_distinct_complexity_registration_scores_two() -> None:
    codes = registrations("RVAD", "ALSH", "RVLN", "RCCO", "rcco", "RCCO")
    assert protect_points(registrations=codes) == 8


def test_all_ten_complexity_registrations_score_twenty() -> None:
    codes = registrations(
        "RMDO", "ALSH", "RVLN", "RCCO", "RCPR", "RCHD", "RPIR", "RVAD", "STRG", "RTAO"
    )
    assert protect_points(registrations=codes) == 20


def test_mappa_one_and_three_complexity_factors_give_eleven_points_and_level_c() -> None:
    codes = (Registration("MAPP", level="M1"), *registrations("RVAD", "ALSH", "RVLN"))
    protect = tier_v2(v2_inputs(registrations=codes)).protect
    assert (protect.points, protect.level) == (11, "C")


def test_mappa_one_and_rsr_twenty_three_give_twenty_five_points_and_level_b() -> None:
    inputs = v2_inputs(registrations=(Registration("MAPP", level="M1"),), rsr_score=23)
    protect = tier_v2(inputs).protect
    assert (protect.points, protect.level) == (25, "B")


def womens_points(gender: str, answers: WomensFactorAnswers | None, breach: bool) -> int:
    assessment = None if answers is None else Assessment(womens_factors=answers)
    inputs = v2_inputs(gender=gender, assessment=assessment, previous_enforcement_activity=breach)
    return tier_v2(inputs).protect.points


def test_a_woman_with_parenting_and_temper_factors_scores_four() -> None:
    answers = WomensFactorAnswers(
        parenting_responsibilities=YesNoAnswer.YES, temper_control=ProblemAnswer.SOME
    )
    assert womens_points("Female", answers, breach=False) == 4


def test_self_control_counts_once_when_impulsivity_and_temper_both_qualify() -> None:
    answers = WomensFactorAnswers(
        impulsivity=ProblemAnswer.SIGNIFICANT, temper_control=ProblemAnswer.SOME
    )
    assert womens_points("Female", answers, breach=False) == 2


def test_self_control_factor_fires_on_some_not_only_more_than_one() -> None:
    answers = WomensFactorAnswers(impulsivity=ProblemAnswer.SOME)
    assert womens_points("Female", answers, breach=False) == 2


def test_breach_or_recall_counts_for_a_woman_even_without_an_assessment() -> None:
    assert womens_points("FEMALE", None, breach=True) == 2


def test_womens_factors_never_count_for_a_man() -> None:
    answers = WomensFactorAnswers(
        parenting_responsibilities=YesNoAnswer.YES, impulsivity=ProblemAnswer.SIGNIFICANT
    )
    assert womens_points("Male", answers, breach=True) == 0


def test_unknown_parenting_answer_scores_nothing() -> None:
    answers = WomensFactorAnswers(parenting_responsibilities=YesNoAnswer.UNKNOWN)
    assert womens_points("Female", answers, breach=False) == 0


@pytest.mark.parametrize(
    ("points", "level"),
    [(152, "A"), (150, "A"), (149, "B"), (51, "B"), (21, "B"), (20, "B"), (19, "C")]
    + [(11, "C"), (10, "C"), (9, "D"), (0, "D")],
)
def test_protect_thresholds(points: int, level: str) -> None:
    assert protect_level_for(points) == level


def test_protect_reasons_add_up_to_the_protect_points() -> None:
    inputs = v2_inputs(
        gender="Female",
        rsr_score=Decimal("7.5"),
        registrations=(Registration("MAPP", level="M1"), *registrations("RMRH", "RMDO")),
        previous_enforcement_activity=True,
    )
    protect = tier_v2(inputs).protect
    assert protect.points == 20 + 5 + 2 + 2
    assert sum(reason.points or 0 for reason in protect.reasons) == protect.points
    assert ("RSR and RoSH overlap", -10) in [(r.fact, r.points) for r in protect.reasons]
