"""The JSON calculator's input checking and result shape (the vector format; our contract)."""

from decimal import Decimal
from typing import Any

import pytest

from caseload.tiering.domain import calculate_tier, calculate_tier_text
from caseload.tiering.tests.helpers import TODAY, v2_json, v3_json


def errors(obj: Any) -> list[tuple[str, list[str]]]:
    result = calculate_tier(obj, today=TODAY)
    return [(error["type"], error["fields"]) for error in result["errors"]]  # type: ignore[index, union-attr]


def test_a_v2_result_has_null_provisional_and_integer_points() -> None:
    result = calculate_tier(v2_json(rsr=23, ogrs=21), today=TODAY)
    assert result == {
        "tier": "B2",
        "protect": "B",
        "change": 2,
        "protect_points": 20,
        "change_points": 0,
        "provisional": None,
    }


def test_a_v3_result_has_null_v2_fields() -> None:
    result = calculate_tier(v3_json(), today=TODAY)
    assert result == {
        "tier": "G",
        "protect": None,
        "change": None,
        "protect_points": None,
        "change_points": None,
        "provisional": False,
    }


def test_rsr_ninety_nine_point_nine_nine_scores_nothing_even_when_given_as_a_float() -> None:
    assert calculate_tier(v2_json(rsr=99.99), today=TODAY)["protect_points"] == 0
    assert calculate_tier(v2_json(rsr=Decimal("99.99")), today=TODAY)["protect_points"] == 0


def test_json_text_numbers_are_read_as_exact_decimals() -> None:
    text = '{"model": "v2", "rsr": 6.9950, "registrations": [], "convictions": []}'
    assert calculate_tier_text(text, today=TODAY)["protect_points"] == 0


def test_an_invalid_enum_value_names_the_field_and_allowed_values() -> None:
    result = calculate_tier(v3_json(rosh="EXTREME"), today=TODAY)
    assert result == {
        "errors": [
            {
                "type": "INVALID_INPUT",
                "field": "rosh",
                "fields": ["rosh"],
                "message": "must be one of LOW, MEDIUM, HIGH, VERY_HIGH",
            }
        ]
    }


def test_enum_values_are_case_sensitive() -> None:
    assert errors(v3_json(rosh="high")) == [("INVALID_INPUT", ["rosh"])]


@pytest.mark.parametrize("category", ["M0", "M5", "m1", 1])
def test_mappa_category_must_be_m1_to_m4(category: object) -> None:
    assert errors(v3_json(mappa_category=category)) == [("INVALID_INPUT", ["mappa_category"])]


@pytest.mark.parametrize("ogrs", [-1, 101, 21.5, "21", True])
def test_ogrs_must_be_a_whole_number_from_zero_to_one_hundred(ogrs: object) -> None:
    assert errors(v2_json(ogrs=ogrs)) == [("INVALID_INPUT", ["ogrs"])]


@pytest.mark.parametrize("field", ["arp", "csrp", "dc_srp"])
def test_a_negative_predictor_score_is_invalid(field: str) -> None:
    obj = v3_json(**{field: {"score": Decimal("-0.1"), "type": "STATIC", "band": "LOW"}})
    assert errors(obj) == [("INVALID_INPUT", [f"{field}.score"])]


def test_a_predictor_type_must_be_static_or_dynamic() -> None:
    assert errors(v3_json(arp={"score": 1, "type": "OTHER"})) == [("INVALID_INPUT", ["arp.type"])]


def test_has_active_event_is_mandatory_for_v3() -> None:
    obj = v3_json()
    del obj["has_active_event"]
    assert errors(obj) == [("MISSING_MANDATORY_INPUT", ["has_active_event"])]


def test_any_other_absent_boolean_means_false() -> None:
    obj = v3_json(lifer_ipp=None)
    del obj["stalking"]
    assert calculate_tier(obj, today=TODAY)["tier"] == "G"


def test_a_boolean_must_be_true_or_false_not_a_number() -> None:
    assert errors(v3_json(stalking=1)) == [("INVALID_INPUT", ["stalking"])]


def test_a_medium_dc_srp_below_point_six_is_an_unsupported_combination() -> None:
    obj = v3_json(dc_srp={"score": Decimal("0.59"), "band": "MEDIUM"})
    assert errors(obj) == [("UNSUPPORTED_COMBINATION", ["dc_srp.band", "dc_srp.score"])]


def test_the_dc_srp_check_comes_before_the_gates() -> None:
    obj = v3_json(has_active_event=False, dc_srp={"score": Decimal("0.59"), "band": "MEDIUM"})
    assert errors(obj) == [("UNSUPPORTED_COMBINATION", ["dc_srp.band", "dc_srp.score"])]


def test_input_checking_comes_before_the_not_supervised_gate() -> None:
    assert errors(v3_json(has_active_event=False, rosh="NONE")) == [("INVALID_INPUT", ["rosh"])]


def test_a_malformed_registration_date_is_named_by_its_path() -> None:
    regs = [
        {"code": "RHRH", "date": "2024-01-01"},
        {"code": "PRC"},
        {"code": "X", "date": "1/2/24"},
    ]
    assert errors(v2_json(registrations=regs)) == [("INVALID_INPUT", ["registrations[2].date"])]


def test_a_registration_needs_a_code() -> None:
    assert errors(v2_json(registrations=[{"level": "M2"}])) == [
        ("MISSING_MANDATORY_INPUT", ["registrations[0].code"])
    ]


def test_v2_needs_its_registrations_and_convictions_lists() -> None:
    assert errors({"model": "v2"}) == [
        ("MISSING_MANDATORY_INPUT", ["registrations"]),
        ("MISSING_MANDATORY_INPUT", ["convictions"]),
    ]


def test_an_unknown_need_section_or_severity_is_invalid() -> None:
    assessment = {"needs": {"GAMBLING": "SEVERE", "ATTITUDES": "HIGH"}}
    assert errors(v2_json(assessment=assessment)) == [
        ("INVALID_INPUT", ["assessment.needs.GAMBLING"]),
        ("INVALID_INPUT", ["assessment.needs.ATTITUDES"]),
    ]


def test_an_unknown_release_offset_key_is_invalid() -> None:
    obj = v3_json(lifer_ipp=True, latest_release_date={"years": -1, "weeks": 2})
    assert errors(obj) == [("INVALID_INPUT", ["latest_release_date.weeks"])]


@pytest.mark.parametrize("offset", [{"days": "x"}, {"years": 1.5}, "2020-01-01", {"years": 99999}])
def test_a_malformed_release_offset_is_invalid(offset: object) -> None:
    problems = errors(v3_json(lifer_ipp=True, latest_release_date=offset))
    assert problems[0][0] == "INVALID_INPUT"
    assert problems[0][1][0].startswith("latest_release_date")


def test_release_offsets_may_use_months() -> None:
    obj = v3_json(lifer_ipp=True, latest_release_date={"months": -13})
    assert calculate_tier(obj, today=TODAY)["tier"] == "D"


def test_unknown_top_level_keys_are_ignored() -> None:
    assert calculate_tier(v2_json(source="anchor test", colour="blue"), today=TODAY)["tier"] == "D2"


@pytest.mark.parametrize("model", ["v4", "V2", 2])
def test_an_unknown_model_is_invalid(model: object) -> None:
    assert errors({"model": model}) == [("INVALID_INPUT", ["model"])]


def test_a_missing_model_is_a_missing_mandatory_input() -> None:
    assert errors({}) == [("MISSING_MANDATORY_INPUT", ["model"])]


@pytest.mark.parametrize("not_an_object", [[], "v2", 3, None])
def test_a_value_that_is_not_an_object_gives_an_error_without_a_field(not_an_object: Any) -> None:
    assert errors(not_an_object) == [("INVALID_INPUT", [])]


@pytest.mark.parametrize("text", ["", "not json", "[1]", '{"model": NaN}', b"\xff", "[" * 100000])
def test_text_that_is_not_one_json_object_gives_an_error(text: str | bytes) -> None:
    result = calculate_tier_text(text, today=TODAY)
    assert [error["type"] for error in result["errors"]] == ["INVALID_INPUT"]  # type: ignore[union-attr]


def test_step_results_must_be_letters_of_known_steps() -> None:
    obj = {"model": "v3_provisional_only", "step_results": {"REOFFENDING": "H", "OTHER": "A"}}
    assert errors(obj) == [
        ("INVALID_INPUT", ["step_results.REOFFENDING"]),
        ("INVALID_INPUT", ["step_results.OTHER"]),
    ]


def test_womens_factor_points_model_scores_only_women() -> None:
    answers = {"parenting_responsibilities": "Yes"}
    woman = {"model": "v2_womens_factor_points", "female": True, "assessment_answers": answers}
    assert calculate_tier(woman, today=TODAY)["womens_points"] == 2
    assert calculate_tier({**woman, "female": False}, today=TODAY)["womens_points"] == 0


def test_need_severity_model_refuses_an_unscored_section_and_unknown_answers() -> None:
    obj = {
        "model": "need_severity",
        "section": "EMOTIONAL_WELL_BEING",
        "answers": {"q": "Previously"},
    }
    assert errors(obj) == [("INVALID_INPUT", ["section"]), ("INVALID_INPUT", ["answers.q"])]


def test_need_severity_model_reports_an_ignored_section_as_nulls() -> None:
    obj = {"model": "need_severity", "section": "ATTITUDES", "answers": {"a": "Missing"}}
    result = calculate_tier(obj, today=TODAY)
    assert (result["score"], result["severity"]) == (None, None)
