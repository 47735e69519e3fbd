"""Property tests: threshold edges, monotonicity, and a calculator that never raises."""

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from caseload.tiering.domain import (
    Assessment,
    NeedSection,
    NeedSeverity,
    Registration,
    calculate_tier,
    calculate_tier_text,
    tier_v2,
    tier_v3,
)
from caseload.tiering.domain.change import change_level_for
from caseload.tiering.domain.protect import protect_level_for, rsr_points
from caseload.tiering.domain.registrations import COMPLEXITY_CODES
from caseload.tiering.domain.v3_steps import table_one
from caseload.tiering.tests.helpers import TODAY, predictor, v2_inputs, v2_json, v3_inputs, v3_json

PROTECT_ORDER = "DCBA"
PROTECT_THRESHOLDS = {150: "A", 20: "B", 10: "C"}
CHANGE_THRESHOLDS = {20: 3, 10: 2}

points = st.integers(min_value=0, max_value=400)
scores = st.decimals(min_value=0, max_value=100, places=2)


@given(st.sampled_from(sorted(PROTECT_THRESHOLDS)))
def test_protect_points_at_a_threshold_reach_it_and_one_below_do_not(threshold: int) -> None:
    level = PROTECT_THRESHOLDS[threshold]
    assert protect_level_for(threshold) == level
    assert PROTECT_ORDER.index(protect_level_for(threshold - 1)) == PROTECT_ORDER.index(level) - 1


@given(st.sampled_from(sorted(CHANGE_THRESHOLDS)))
def test_change_points_at_a_threshold_reach_it_and_one_below_do_not(threshold: int) -> None:
    assert change_level_for(threshold) == CHANGE_THRESHOLDS[threshold]
    assert change_level_for(threshold - 1) == CHANGE_THRESHOLDS[threshold] - 1


@given(points, points)
def test_more_protect_points_never_lower_the_protect_level(low: int, extra: int) -> None:
    before = PROTECT_ORDER.index(protect_level_for(low))
    assert PROTECT_ORDER.index(protect_level_for(low + extra)) >= before


@given(points, points)
def test_more_change_points_never_lower_the_change_level(low: int, extra: int) -> None:
    assert change_level_for(low + extra) >= change_level_for(low)


@given(st.decimals(min_value=7, max_value=Decimal("99.98"), places=4))
def test_rsr_from_seven_to_just_under_ninety_nine_point_nine_nine_scores_twenty(
    rsr: Decimal,
) -> None:
    assert rsr_points(rsr) == 20


@given(st.decimals(min_value=3, max_value=Decimal("6.99"), places=4))
def test_rsr_from_three_to_six_point_nine_nine_scores_ten(rsr: Decimal) -> None:
    assert rsr_points(rsr) == 10


@given(st.decimals(min_value=Decimal("6.9901"), max_value=Decimal("6.9999"), places=4))
def test_rsr_just_above_six_point_nine_nine_and_below_seven_scores_nothing(rsr: Decimal) -> None:
    assert rsr_points(rsr) == 0


@given(st.decimals(min_value=Decimal("99.99"), max_value=10**6, places=2))
def test_rsr_from_ninety_nine_point_nine_nine_up_scores_nothing(rsr: Decimal) -> None:
    assert rsr_points(rsr) == 0


registration_codes = st.sampled_from(
    [*COMPLEXITY_CODES, "RVHR", "RHRH", "RMRH", "RLRH", "IIOM", "PRC", "HREG", "XXXX"]
)
v2_registrations = st.lists(
    st.builds(
        Registration,
        code=registration_codes,
        level=st.sampled_from([None, "M1", "M2", "M3", "M0"]),
    ).map(lambda r: Registration("MAPP", level=r.level) if r.code == "XXXX" else r),
    max_size=8,
)
needs = st.dictionaries(st.sampled_from(list(NeedSection)), st.sampled_from(list(NeedSeverity)))
assessments = st.one_of(st.none(), st.builds(Assessment, needs=needs))


@given(
    v2_registrations,
    st.one_of(st.none(), scores),
    st.sampled_from(["Male", "Female"]),
    assessments,
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 100)),
)
def test_v2_reasons_add_up_to_both_axes_points(
    regs: list[Registration],
    rsr: Decimal | None,
    gender: str,
    assessment: Assessment | None,
    breach: bool,
    ogrs: int | None,
) -> None:
    result = tier_v2(
        v2_inputs(
            registrations=tuple(regs),
            rsr_score=rsr,
            gender=gender,
            assessment=assessment,
            previous_enforcement_activity=breach,
            ogrs_score=ogrs,
        )
    )
    assert sum(r.points or 0 for r in result.protect.reasons) == result.protect.points
    assert sum(r.points or 0 for r in result.change.reasons) == result.change.points
    assert result.protect.level == protect_level_for(result.protect.points)


@given(v2_registrations, st.sampled_from(list(COMPLEXITY_CODES)))
def test_an_extra_complexity_registration_never_lowers_protect(
    regs: list[Registration], code: str
) -> None:
    before = tier_v2(v2_inputs(registrations=tuple(regs))).protect
    after = tier_v2(v2_inputs(registrations=(*regs, Registration(code)))).protect
    assert after.points >= before.points
    assert PROTECT_ORDER.index(after.level) >= PROTECT_ORDER.index(before.level)


@given(assessments.filter(lambda a: a is not None), st.integers(0, 100), st.integers(0, 100))
def test_a_higher_ogrs_never_lowers_the_change_level(
    assessment: Assessment, ogrs: int, higher: int
) -> None:
    low, high = sorted((ogrs, higher))
    before = tier_v2(v2_inputs(assessment=assessment, ogrs_score=low)).change
    after = tier_v2(v2_inputs(assessment=assessment, ogrs_score=high)).change
    assert after.level >= before.level


@given(scores, scores, scores, scores)
def test_higher_predictor_scores_never_lower_table_one(
    arp: Decimal, csrp: Decimal, more_arp: Decimal, more_csrp: Decimal
) -> None:
    base = table_one(arp, csrp)
    raised = table_one(max(arp, more_arp), max(csrp, more_csrp))
    assert raised.rank >= base.rank


@given(
    st.sampled_from([None, "LOW", "MEDIUM", "HIGH", "VERY_HIGH"]),
    st.sampled_from([None, "M1", "M4"]),
    scores,
    scores,
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_the_v3_tier_is_never_below_any_step_letter(
    rosh: str | None,
    mappa: str | None,
    arp: Decimal,
    csrp: Decimal,
    domestic_abuse: bool,
    stalking: bool,
    child_protection: bool,
    sexual_offence: bool,
) -> None:
    result = tier_v3(
        v3_inputs(
            rosh=rosh,
            mappa_category=mappa,
            arp=predictor(str(arp)),
            csrp=predictor(str(csrp)),
            domestic_abuse=domestic_abuse,
            stalking=stalking,
            child_protection=child_protection,
            ever_committed_sexual_offence=sexual_offence,
        ),
        today=TODAY,
    )
    assert all(
        letter is None or letter.rank <= result.tier.rank for letter in result.steps.values()
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.decimals()
    | st.text(max_size=12)
    | st.sampled_from(
        ["v2", "v3", "M1", "HIGH", "MEDIUM", "STATIC", "Yes", "Some", "ACCOMMODATION"]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
field_names = st.sampled_from(
    [*v2_json(), *v3_json(), "step_results", "section", "answers", "female", "assessment_answers"]
)


@settings(max_examples=300)
@given(
    st.sampled_from(
        ["v2", "v3", "v3_provisional_only", "v2_womens_factor_points", "need_severity", None, 7]
    ),
    st.dictionaries(field_names, json_values, max_size=8),
)
def test_calculate_tier_never_raises_on_arbitrary_fields(
    model: Any, fields: dict[str, Any]
) -> None:
    base = v2_json() if model == "v2" else v3_json()
    result = calculate_tier({**base, **fields, "model": model}, today=TODAY)
    assert "errors" in result or list(result)[:6] == [
        "tier",
        "protect",
        "change",
        "protect_points",
        "change_points",
        "provisional",
    ]


@given(json_values)
def test_calculate_tier_never_raises_on_arbitrary_json(value: Any) -> None:
    assert isinstance(calculate_tier(value, today=TODAY), dict)


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_calculate_tier_text_never_raises_on_arbitrary_text(text: bytes | str) -> None:
    assert isinstance(calculate_tier_text(text, today=TODAY), dict)
