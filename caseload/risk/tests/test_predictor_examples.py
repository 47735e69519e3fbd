"""Every entry of `data/predictors_examples.json`, reproduced (whole requests through `calculate`,
unit-level entries through the internal functions they describe).

The entries come from the anchor's tests and its OASys regression data:
ministryofjustice/hmpps-arns-risk-actuarial-api@016919c (HEAD) and @52792f4 (legacy).
"""

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest

from caseload.risk.predictors import (
    arp,
    calculate,
    csrp,
    dc_srp,
    iic_srp,
    ogp,
    ogrs3,
    ovp,
    svrp,
    vrp,
)

EXAMPLES = json.loads((Path(__file__).parent / "data" / "predictors_examples.json").read_text())
BY_ID = {example["id"]: example for example in EXAMPLES}
NAMES = {
    "ARP": "arp",
    "VRP": "vrp",
    "SVRP": "svrp",
    "DC-SRP": "dc-srp",
    "IIC-SRP": "iic-srp",
    "CSRP": "csrp",
    "OGRS3": "ogrs3",
    "OGP": "ogp",
    "OVP": "ovp",
}
LEGACY_FOLLOWUP = ("dateAtStartOfFollowupCalculated", "dateAtStartOfFollowupUserInput")

#: Examples of models that are not one of the nine predictors, so not reproduced here.
NOT_OUR_PREDICTORS = {
    # ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4,
    # src/main/kotlin/.../service/SNSVRiskProducerService.kt.
    "v0980": "legacy SNSV, replaced by SVRP: not one of the nine predictors",
}
#: Unit-level examples, each with the test below that reproduces it (filled by `reproduces`).
REPRODUCED_BY: dict[str, str] = {}
Test = TypeVar("Test", bound=Callable[..., None])


def reproduces(*example_ids: str) -> Callable[[Test], Test]:
    """Marks a test as the one reproducing these examples (through the functions they describe)."""

    def register(test: Test) -> Test:
        for example_id in example_ids:
            REPRODUCED_BY[example_id] = test.__name__
        return test

    return register


def as_request(inputs: dict[str, object]) -> dict[str, object]:
    """Our contract's request: one follow-up date name, the OGRS3 weight as its category."""
    request = dict(inputs)
    for legacy in LEGACY_FOLLOWUP:
        if legacy in request:
            request["dateAtStartOfFollowup"] = request.pop(legacy)
    weight = request.pop("ogrs3OffenceWeight", None)
    if weight is not None:
        from caseload.risk.predictors.coefficients.legacy import OGRS3_OFFENCE_PARAMETER

        request["ogrs3Category"] = next(
            name for name, value in OGRS3_OFFENCE_PARAMETER.items() if value == weight
        )
    return request


WHOLE = [
    x["id"]
    for x in EXAMPLES
    if x["predictor"] in NAMES
    and x["kind"] in ("full", "validation")
    and not {"svrpScorePercent", "dcsrpProbabilityFraction"} & set(x["inputs"])
]


@pytest.mark.parametrize("example_id", WHOLE)
def test_whole_request_examples_are_reproduced(example_id: str) -> None:
    example = BY_ID[example_id]
    expected = example["expected"]
    output = calculate(NAMES[example["predictor"]], as_request(example["inputs"]))
    flat = {**expected, **expected.get("output", {})}
    if "score" in flat:
        assert output["score"] == pytest.approx(float(flat["score"]), abs=1e-9)
    if "band" in flat or "bandOGP" in flat:
        assert output["band"] == flat.get("band", flat.get("bandOGP"))
    if example.get("variant") in ("static", "dynamic") and example["predictor"] in (
        "ARP",
        "VRP",
        "SVRP",
    ):
        assert output["type"] == example["variant"].upper()
    for key, names in (
        ("oneYear", ("ogrs3OneYear", "oneYear", "ogpReoffendingOneYear")),
        ("twoYear", ("ogrs3TwoYear", "twoYear", "ogpReoffendingTwoYear")),
    ):
        for name in names:
            if name in flat:
                assert output[key] == flat[name]
    if "totalOGPScore" in flat:
        assert output["points"] == flat["totalOGPScore"]
    wanted_errors = {e["type"] for e in expected.get("validationErrors", [])}
    got_errors = {e["type"] for e in output.get("errors", [])}  # type: ignore[attr-defined]
    if example["kind"] == "validation":
        assert got_errors == wanted_errors
    else:
        assert got_errors <= {"MISSING_DYNAMIC_INPUT"}


def exact(literal: str) -> Decimal:
    return Decimal(literal)


@reproduces("v0740")
def test_v0740_arp_dynamic_intercept_is_the_binary_double_of_its_literal() -> None:
    weight = arp.DYNAMIC_MODEL.coef("TWO_YEAR_CONSTANT").exact
    assert weight == Decimal(float(BY_ID["v0740"]["expected"]["twoYearInterceptWeight"]))


@reproduces("v0742")
def test_v0742_arp_49_99_is_low() -> None:
    assert (
        arp.band(BY_ID["v0742"]["inputs"]["percentageScore"]) == BY_ID["v0742"]["expected"]["band"]
    )


@reproduces("v0756")
def test_v0756_vrp_violent_rate_term_matches_the_anchor_digit_for_digit() -> None:
    inputs = BY_ID["v0756"]["inputs"]
    career = inputs["ageAtCurrentConviction"] - inputs["ageAtFirstSanction"]
    got = vrp.STATIC_MODEL.violent_rate(inputs["totalNumberOfViolentSanctions"], career).exact
    assert got == exact(BY_ID["v0756"]["expected"]["copasViolentOffencesScore"])


@reproduces("v0751", "v0769")
@pytest.mark.parametrize(
    ("example_id", "model"), [("v0751", vrp.STATIC_MODEL), ("v0769", svrp.DYNAMIC_MODEL)]
)
def test_copas_terms_match_the_anchor_digit_for_digit(example_id: str, model: object) -> None:
    inputs = BY_ID[example_id]["inputs"]
    career = inputs["ageAtCurrentConviction"] - inputs["ageAtFirstSanction"]
    got = model.copas(
        inputs["gender"] == "FEMALE", inputs["totalNumberOfSanctionsForAllOffences"], career
    )  # type: ignore[attr-defined]
    assert got.exact == exact(BY_ID[example_id]["expected"]["copasScore"])


@reproduces("v0779")
def test_v0779_svrp_violence_rate_matches_the_anchor_digit_for_digit() -> None:
    inputs = BY_ID["v0779"]["inputs"]
    career = inputs["ageAtCurrentConviction"] - inputs["ageAtFirstSanction"]
    got = svrp.STATIC_MODEL.violent_rate(inputs["totalNumberOfViolentSanctions"], career).exact
    assert got == exact(BY_ID["v0779"]["expected"]["violenceRateWeight"])


@reproduces("v0813", "v0812")
@pytest.mark.parametrize("example_id", ["v0813", "v0812"])
def test_dc_srp_follow_up_age_points(example_id: str) -> None:
    example = BY_ID[example_id]
    points = dc_srp.followup_age_points(example["inputs"]["ageAtStartOfFollowup"])
    assert points == example["expected"]["ageAtStartOfFollowupWeight"]


@reproduces("v0882")
def test_v0882_iic_srp_two_child_contact_sanctions_weigh_0_00926() -> None:
    i = BY_ID["v0882"]["inputs"]
    weight = iic_srp.hierarchy_weight(
        i["totalIndecentImageSanctions"],
        i["totalContactAdultSexualSanctions"],
        i["totalContactChildSexualSanctions"],
        i["totalNonContactSexualOffences"],
    )
    assert Decimal(weight) == Decimal(float(BY_ID["v0882"]["expected"]["hierarchyWeight"]))


@reproduces("v0890")
def test_v0890_iic_srp_zero_weight_is_low() -> None:
    assert iic_srp.weight_band(float(BY_ID["v0890"]["inputs"]["hierarchyWeight"])) == "LOW"


@reproduces("v0892")
def test_v0892_csrp_adds_0_38_for_a_woman_with_sexual_history() -> None:
    i = BY_ID["v0892"]["inputs"]
    score = csrp.combined_score(
        (
            i["svrpScorePercent"],
            dc_srp_percent(i["dcsrpProbabilityFraction"]),
            i["iicsrpScorePercent"],
            csrp.FEMALE_WITH_HISTORY_PERCENT,
        )
    )
    assert score == BY_ID["v0892"]["expected"]["combinedSeriousReoffendingPredictorScore"]


def dc_srp_percent(fraction: float) -> float:
    from caseload.risk.predictors.numeric import double_percent_2dp

    return double_percent_2dp(fraction)


@reproduces("v0898")
def test_v0898_csrp_sum_is_clamped_to_99_99() -> None:
    i = BY_ID["v0898"]["inputs"]
    parts = (
        i["svrpPercent"],
        i["dcsrpPercent"],
        i["iicsrpPercent"],
        i["femaleContributionFraction"] * 100,
    )
    assert csrp.combined_score(parts) == BY_ID["v0898"]["expected"]["combinedScore"]


@reproduces("v0904")
def test_v0904_csrp_2_99_is_medium() -> None:
    assert csrp.band(BY_ID["v0904"]["inputs"]["combinedScore"]) == "MEDIUM"


@reproduces("v0925")
def test_v0925_ogrs3_female_aged_11() -> None:
    i = BY_ID["v0925"]["inputs"]
    parameter = ogrs3.age_gender_parameter(i["ageAtStartOfFollowup"], i["gender"] == "FEMALE")
    assert parameter == BY_ID["v0925"]["expected"]["ageGenderScore"]


@reproduces("v0949", "v0950")
@pytest.mark.parametrize("example_id", ["v0949", "v0950"])
def test_ogp_band_steps(example_id: str) -> None:
    example = BY_ID[example_id]
    assert ogp.band(example["inputs"]["twoYearPercent"]) == example["expected"]["band"]


@reproduces("v0970")
def test_v0970_ovp_three_non_violent_sanctions_score_2() -> None:
    assert ovp.non_violent_points(BY_ID["v0970"]["inputs"]["nonViolentSanctions"]) == 2


@reproduces("v0967")
def test_v0967_ovp_one_violent_sanction_scores_4() -> None:
    assert ovp.violent_points(BY_ID["v0967"]["inputs"]["totalNumberOfViolentSanctions"]) == 4


@reproduces("v0989")
def test_v0989_legacy_osp_dc_points_and_score_follow_the_shared_rules() -> None:
    """Legacy OSP/DC: 22 points → MEDIUM, 0.60 % (no dateOfMostRecentSexualOffence → 0 points)."""
    i, want = BY_ID["v0989"]["inputs"], BY_ID["v0989"]["expected"]["output"]
    points = (
        dc_srp.count_points(i["totalContactAdultSexualSanctions"], (5, 10, 15))
        + dc_srp.count_points(i["totalContactChildSexualSanctions"], (3, 6, 9))
        + dc_srp.count_points(i["totalNonContactSexualOffences"], (2, 4, 6))
        + dc_srp.followup_age_points(47)  # 1980-01-01 → 2027-01-01
    )
    assert points == want["pointScore"]
    assert dc_srp.points_band(points) == want["band"]
    assert dc_srp_percent(dc_srp.probability(points)) == want["score"]


@reproduces("v0990")
def test_v0990_legacy_osp_iic_four_images_is_high() -> None:
    i = BY_ID["v0990"]["inputs"]
    weight = iic_srp.hierarchy_weight(
        i["totalIndecentImageSanctions"],
        i["totalContactAdultSexualSanctions"],
        i["totalContactChildSexualSanctions"],
        i["totalNonContactSexualOffences"],
    )
    assert weight == pytest.approx(BY_ID["v0990"]["expected"]["scoreFraction"], abs=1e-5)
    assert iic_srp.weight_band(weight) == BY_ID["v0990"]["expected"]["band"]


@reproduces("v0998")
def test_v0998_legacy_rsr_sexual_components_are_not_applicable_without_history() -> None:
    """The sexual components and the sum rule; the SNSV part is the legacy model
    (ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4,
    src/main/kotlin/.../service/SNSVRiskProducerService.kt)."""
    request = as_request(BY_ID["v0998"]["inputs"])
    components = BY_ID["v0998"]["expected"]["output"]["componentScores"]
    assert (
        calculate("dc-srp", request)["band"]
        == components["directContactSexualPredictorScore"]["output"]["band"]
    )
    assert (
        calculate("iic-srp", request)["score"]
        == components["indirectContactSexualPredictorScore"]["output"]["score"]
    )
    snsv = components["seriousViolencePredictorScore"]["output"]["score"]
    assert (
        csrp.combined_score((snsv, 0.0, 0.0, 0.0))
        == BY_ID["v0998"]["expected"]["output"]["overallScore"]
    )


def test_every_example_is_reproduced_or_named_as_not_one_of_ours() -> None:
    examples = {x["id"] for x in EXAMPLES}
    reproduced = set(WHOLE) | set(REPRODUCED_BY)
    assert examples - reproduced - set(NOT_OUR_PREDICTORS) == set()
    assert set(REPRODUCED_BY) - examples == set()
    assert reproduced & set(NOT_OUR_PREDICTORS) == set()
    assert {BY_ID[i]["predictor"] for i in NOT_OUR_PREDICTORS}.isdisjoint(NAMES)
