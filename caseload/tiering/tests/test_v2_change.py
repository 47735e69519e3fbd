"""v2 change level and the v2 tier string.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
ChangeLevelCalculator.kt and MandateForChange.kt, and their BDD features.
"""

import pytest

from caseload.tiering.domain import (
    Assessment,
    Conviction,
    NeedSection,
    NeedSeverity,
    Registration,
    Requirement,
    tier_v2,
)
from caseload.tiering.domain.change import change_level_for
from caseload.tiering.tests.helpers import registrations, v2_inputs

ASSESSED = Assessment()


def community(*requirements: Requirement, terminated: bool = False) -> Conviction:
    return Conviction(sentence_type="SP", terminated=terminated, requirements=requirements)


@pytest.mark.parametrize("sentence_type", ["NC", "SC"])
def test_a_current_custodial_sentence_gives_a_mandate_for_change(sentence_type: str) -> None:
    inputs = v2_inputs(convictions=(Conviction(sentence_type),), assessment=ASSESSED)
    assert tier_v2(inputs).change.level == 1


def test_a_non_restrictive_requirement_gives_a_mandate_for_change() -> None:
    inputs = v2_inputs(convictions=(community(Requirement("F")),), assessment=ASSESSED)
    assert tier_v2(inputs).change.level == 1


@pytest.mark.parametrize(
    "convictions",
    [
        (),
        (community(Requirement("W")),),
        (community(Requirement("W1")),),
        (community(Requirement("F", restrictive=True)),),
        (community(),),
        (Conviction("SC", terminated=True),),
        (community(Requirement("F"), terminated=True),),
    ],
    ids=[
        "no conviction",
        "unpaid work",
        "order extended",
        "restrictive only",
        "no requirements",
        "terminated custody",
        "terminated community",
    ],
)
def test_without_a_mandate_for_change_the_level_is_zero(convictions: tuple[Conviction]) -> None:
    inputs = v2_inputs(
        convictions=convictions,
        assessment=Assessment(needs={NeedSection.ATTITUDES: NeedSeverity.SEVERE}),
        ogrs_score=99,
    )
    change = tier_v2(inputs).change
    assert (change.level, change.points) == (0, 0)


def test_a_mandate_without_an_assessment_gives_level_two_and_ignores_ogrs_and_iom() -> None:
    inputs = v2_inputs(ogrs_score=100, registrations=registrations("IIOM"), assessment=None)
    change = tier_v2(inputs).change
    assert (change.level, change.points) == (2, 0)


def test_an_assessment_with_no_needs_can_give_level_one_below_no_assessment() -> None:
    assert tier_v2(v2_inputs(assessment=ASSESSED)).change.level == 1


@pytest.mark.parametrize(
    ("section", "severity", "points"),
    [
        (NeedSection.ACCOMMODATION, NeedSeverity.SEVERE, 2),
        (NeedSection.ACCOMMODATION, NeedSeverity.STANDARD, 1),
        (NeedSection.THINKING_AND_BEHAVIOUR, NeedSeverity.SEVERE, 4),
        (NeedSection.ATTITUDES, NeedSeverity.STANDARD, 2),
        (NeedSection.THINKING_AND_BEHAVIOUR, NeedSeverity.NO_NEED, 0),
        (NeedSection.FINANCIAL_MANAGEMENT_AND_INCOME, NeedSeverity.SEVERE, 0),
        (NeedSection.EMOTIONAL_WELL_BEING, NeedSeverity.SEVERE, 0),
    ],
)
def test_need_points_are_weight_times_severity(
    section: NeedSection, severity: NeedSeverity, points: int
) -> None:
    inputs = v2_inputs(assessment=Assessment(needs={section: severity}))
    assert tier_v2(inputs).change.points == points


def test_every_need_severe_scores_twenty() -> None:
    needs = dict.fromkeys(NeedSection, NeedSeverity.SEVERE)
    assert tier_v2(v2_inputs(assessment=Assessment(needs=needs))).change.points == 20


@pytest.mark.parametrize(
    ("ogrs", "points"), [(100, 10), (90, 9), (59, 5), (51, 5), (50, 5), (10, 1), (9, 0)]
)
def test_ogrs_adds_one_point_per_whole_ten(ogrs: int, points: int) -> None:
    assert tier_v2(v2_inputs(ogrs_score=ogrs, assessment=ASSESSED)).change.points == points


def test_an_iom_nominal_adds_two_change_points() -> None:
    inputs = v2_inputs(registrations=registrations("IIOM"), assessment=ASSESSED)
    assert tier_v2(inputs).change.points == 2


@pytest.mark.parametrize(
    ("points", "level"), [(21, 3), (20, 3), (19, 2), (11, 2), (10, 2), (9, 1), (0, 1)]
)
def test_change_thresholds(points: int, level: int) -> None:
    assert change_level_for(points) == level


def test_change_reasons_add_up_to_the_change_points() -> None:
    needs = {
        NeedSection.ATTITUDES: NeedSeverity.SEVERE,
        NeedSection.DRUG_MISUSE: NeedSeverity.STANDARD,
    }
    inputs = v2_inputs(
        ogrs_score=47, registrations=registrations("IIOM"), assessment=Assessment(needs=needs)
    )
    change = tier_v2(inputs).change
    assert change.points == 4 + 1 + 4 + 2
    assert sum(reason.points or 0 for reason in change.reasons) == change.points


def test_a_prc_registration_adds_the_s_suffix_without_changing_points() -> None:
    plain = tier_v2(v2_inputs(rsr_score=23))
    unsupervised = tier_v2(v2_inputs(rsr_score=23, registrations=registrations("PRC")))
    assert (plain.tier, unsupervised.tier) == ("B2", "B2S")
    assert unsupervised.protect == plain.protect


def test_a_historic_registration_is_ignored_by_every_rule() -> None:
    historic = (Registration("HREG", level="M2"), Registration("HREG"))
    assert tier_v2(v2_inputs(registrations=historic)).tier == "D2"


def test_the_tier_string_is_protect_letter_then_change_digit() -> None:
    inputs = v2_inputs(registrations=(Registration("MAPP", level="M3"),), convictions=())
    assert tier_v2(inputs).tier == "A0"
