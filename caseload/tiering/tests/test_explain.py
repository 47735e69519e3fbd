"""Tier reasons in words: each rule "fact → what it gave", from the rules' real reasons."""

import re
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from caseload.tiering.domain import (
    Assessment,
    Conviction,
    NeedSection,
    NeedSeverity,
    Registration,
    Requirement,
    TierV2Inputs,
    TierV3Inputs,
    read_registrations,
    tier_v2,
    tier_v3,
)
from caseload.tiering.domain.inputs import MappaCategory, PredictorScore, PredictorType
from caseload.tiering.domain.registrations import COMPLEXITY_CODES
from caseload.tiering.explain import explain_v2, explain_v3, tier_words

TODAY = date(2026, 12, 1)
CODES = (
    "MAPP",
    "RHRH",
    "RVHR",
    "RLRH",
    "RCCO",
    "RMDO",
    "IIOM",
    "ADVP",
    "SPO",
    "RCPR",
    "PRC",
    "INLL",
    "STRG",
)
RAW = re.compile(r"\b[A-Z]+_[A-Z_]+\b|\b(" + "|".join(CODES) + r"|M[1-4])\b")


def stored_v2(inputs: TierV2Inputs) -> dict[str, object]:
    result = tier_v2(inputs)
    return {
        "v2_tier": result.tier,
        "v2_protect": result.protect.level.value,
        "v2_change": result.change.level,
        "v2_protect_points": result.protect.points,
        "v2_change_points": result.change.points,
        "reasons": {"v2": [r._asdict() for r in result.reasons]},
    }


def stored_v3(inputs: TierV3Inputs) -> dict[str, object]:
    result = tier_v3(inputs, today=TODAY)
    return {
        "v3_tier": result.tier.value,
        "v3_provisional": result.provisional,
        "reasons": {"v3": [r._asdict() for r in result.reasons]},
    }


def mappa(level: str = "M2", category: str = "M2") -> Registration:
    return Registration("MAPP", level=level, category=category, registered_on=TODAY)


def test_mappa_level_2_reads_as_150_protect_points_and_protect_level_a():
    explained = explain_v2(stored_v2(TierV2Inputs("Male", Decimal("1.2"), 30, (mappa(),))))
    rules = [str(rule) for rule in explained.rules]
    assert "MAPPA level 2 registration → 150 protect points" in rules
    assert "150 protect points in all → protect level A" in rules
    assert explained.tier.startswith("A")


def test_a_complexity_registration_is_named_without_its_code():
    code = "RCCO"
    inputs = TierV2Inputs("Male", None, None, (Registration(code, registered_on=TODAY),))
    rules = [str(rule) for rule in explain_v2(stored_v2(inputs)).rules]
    assert f"{COMPLEXITY_CODES[code]} registration → 2 protect points" in rules


def test_needs_and_ogrs_read_as_change_points():
    inputs = TierV2Inputs(
        "Male",
        Decimal("0.5"),
        47,
        convictions=(Conviction("SC"),),
        assessment=Assessment(needs={NeedSection.ACCOMMODATION: NeedSeverity.SEVERE}),
    )
    rules = [str(rule) for rule in explain_v2(stored_v2(inputs)).rules]
    assert "OGRS3 reoffending score 47% → 4 change points" in rules
    assert any(r.startswith("Accommodation need: severe → ") for r in rules)


def test_mappa_and_rosh_read_as_the_tier_they_give():
    flags = read_registrations((mappa(category="M2"), Registration("RHRH", registered_on=TODAY)))
    inputs = TierV3Inputs(
        has_active_event=True,
        rosh=flags.rosh,
        mappa_category=flags.mappa_category,
        arp=PredictorScore(Decimal("20.5"), PredictorType.DYNAMIC),
        csrp=PredictorScore(Decimal("0.5"), PredictorType.DYNAMIC),
    )
    explained = explain_v3(stored_v3(inputs))
    rules = [str(rule) for rule in explained.rules]
    assert any(re.fullmatch(r"MAPPA category 2 and RoSH high → tier [A-G]", r) for r in rules)
    assert any(r.startswith("All reoffending predictor (ARP) 20.50% and") for r in rules)


def test_a_tier_that_is_not_a_letter_is_said_in_words():
    assert tier_words("MISSING") == "Not known"
    assert tier_words("NOT_SUPERVISED") == "Not supervised"
    assert tier_words("") == "Not calculated"
    assert explain_v3(stored_v3(TierV3Inputs(has_active_event=False))).tier == "Not supervised"


registrations = st.lists(
    st.builds(
        Registration,
        st.sampled_from(CODES),
        level=st.sampled_from([None, "M1", "M2", "M3"]),
        category=st.sampled_from([None, *MappaCategory.__members__]),
        registered_on=st.dates(date(2020, 1, 1), TODAY),
    ),
    max_size=5,
)
scores = st.decimals(min_value=0, max_value=99, places=2)


@given(
    registrations,
    st.none() | scores,
    st.none() | st.integers(0, 99),
    st.sampled_from(["Male", "Female"]),
    st.booleans(),
    st.dictionaries(st.sampled_from(list(NeedSection)), st.sampled_from(list(NeedSeverity))),
)
def test_every_v2_reason_reads_in_words(regs, rsr, ogrs, gender, assessed, needs):
    inputs = TierV2Inputs(
        gender,
        rsr,
        ogrs,
        tuple(regs),
        convictions=(Conviction("SC", requirements=(Requirement("F"),)),),
        assessment=Assessment(needs=needs) if assessed else None,
    )
    explained = explain_v2(stored_v2(inputs))
    assert explained.rules
    for rule in explained.rules:
        assert not RAW.search(str(rule)), str(rule)
    for fact, _, words in explained.calculation:
        assert not RAW.search(f"{fact} {words}"), (fact, words)


@given(registrations, scores, scores, st.booleans(), st.dates(date(2000, 1, 1), TODAY))
def test_every_v3_reason_reads_in_words(regs, arp, csrp, sexual, released):
    flags = read_registrations(tuple(regs))
    inputs = TierV3Inputs(
        has_active_event=True,
        rosh=flags.rosh,
        mappa_category=flags.mappa_category,
        lifer_ipp=flags.lifer_ipp,
        latest_release_date=released,
        domestic_abuse=flags.domestic_abuse,
        stalking=flags.stalking,
        child_protection=flags.child_protection,
        arp=PredictorScore(arp, PredictorType.STATIC),
        csrp=PredictorScore(csrp, PredictorType.DYNAMIC),
        ever_committed_sexual_offence=sexual,
    )
    explained = explain_v3(stored_v3(inputs))
    for rule in explained.rules:
        assert not RAW.search(str(rule)), str(rule)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", str(rule))
    for fact, _, words in explained.calculation:
        assert not RAW.search(f"{fact} {words}"), (fact, words)
