"""From a person's recorded facts and predictor results to the tier inputs and tiers (pure:
hand-built facts, no database). Each test is one "Tier v2 inputs" or "Record once" decision of
docs/NOTES.md, or a reading of `caseload.tiering.derive`."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from caseload.derived.facts import (
    AssessmentFacts,
    CircumstanceFacts,
    ContactFact,
    RegistrationFacts,
    RequirementFacts,
    SentenceFacts,
)
from caseload.risk.derive import ScoreOutcome, derive_scores
from caseload.testing.assessments import arp_dynamic_answers
from caseload.testing.facts import AS_AT, COMMUNITY_ORDER, EMPLOYED, HISTORY, RAR, SETTLED, facts
from caseload.tiering.derive import (
    derive_tiers,
    previous_enforcement_activity,
    v2_inputs,
    v3_inputs,
)
from caseload.tiering.domain.inputs import (
    Conviction,
    DcSrpBand,
    MappaCategory,
    NeedSection,
    NeedSeverity,
    PredictorType,
    Requirement,
    RoshLevel,
)

ACCOMMODATION = NeedSection.ACCOMMODATION
ETE = NeedSection.EDUCATION_TRAINING_AND_EMPLOYABILITY

#: A failed appointment on 14 April 2025 that started a breach.
BREACH = ContactFact("COAP", date(2025, 4, 14), "AFTA", "IBR")


def sentence(**changes: object) -> SentenceFacts:
    return replace(COMMUNITY_ORDER, **changes)  # type: ignore[arg-type]


def requirement(category: str, **changes: object) -> RequirementFacts:
    return replace(RAR, category=category, **changes)  # type: ignore[arg-type]


def outcome(predictor: str, **result: object) -> ScoreOutcome:
    """A predictor result as `derive_scores` gives it; unscored unless `result` says."""
    fields: dict[str, object] = {
        "predictor": predictor,
        "score": None,
        "one_year": None,
        "two_year": None,
        "points": None,
        "band": None,
        "score_type": None,
        "missing": (),
        "errors": (),
    }
    return ScoreOutcome(**{**fields, **result})  # type: ignore[arg-type]


def assessed(answers: dict[str, object] | None = None) -> list[AssessmentFacts]:
    return [AssessmentFacts(date(2025, 5, 12), answers or {})]


# RSR and OGRS.


def test_rsr_is_supplied_from_csrp_and_ogrs_from_the_ogrs3_two_year_percentage():
    scores = {
        "csrp": outcome("csrp", score=3.12, band="MEDIUM", score_type="STATIC"),
        "ogrs3": outcome("ogrs3", one_year=31, two_year=48),
        "ogp": outcome("ogp", one_year=44, two_year=61),
        "svrp": outcome("svrp", score=1.2, score_type="STATIC"),
    }
    inputs = v2_inputs(facts(), scores)
    assert inputs.rsr_score == Decimal("3.12")
    assert inputs.ogrs_score == 48


def test_unscored_predictors_give_no_rsr_or_ogrs():
    inputs = v2_inputs(facts(), {"csrp": outcome("csrp"), "ogrs3": outcome("ogrs3")})
    assert inputs.rsr_score is None and inputs.ogrs_score is None
    assert v2_inputs(facts(), {}).rsr_score is None


def test_the_derived_scores_feed_rsr_and_ogrs():
    record = facts()
    scores = derive_scores(record)
    inputs = v2_inputs(record, scores)
    assert scores["csrp"].score is not None and scores["ogrs3"].two_year is not None
    assert inputs.rsr_score == Decimal(str(scores["csrp"].score))
    assert inputs.ogrs_score == scores["ogrs3"].two_year


@pytest.mark.parametrize(("sex", "gender"), [("MALE", "male"), ("FEMALE", "female")])
def test_the_tier_reads_the_recorded_sex(sex, gender):
    assert v2_inputs(facts(sex=sex), {}).gender == gender


def test_a_sex_not_recorded_is_not_guessed():
    assert v2_inputs(facts(sex="NOT_RECORDED"), {}).gender is None


# Sentences: custodial types, restrictive requirements, ended requirements.


@pytest.mark.parametrize(
    ("sentence_type", "delius_type"),
    [("LIC", "SC"), ("PSS", "SC"), ("CO", "CO"), ("SSO", "SSO")],
)
def test_custody_with_licence_and_post_sentence_supervision_count_as_custodial(
    sentence_type, delius_type
):
    record = facts(sentences=[sentence(sentence_type=sentence_type, requirements=())])
    (conviction,) = v2_inputs(record, {}).convictions
    assert conviction.sentence_type == delius_type


@pytest.mark.parametrize("sentence_type", ["LIC", "PSS"])
def test_a_custodial_sentence_alone_gives_a_mandate_for_change(sentence_type):
    released = date(2025, 3, 3)
    record = facts(
        sentences=[sentence(sentence_type=sentence_type, release_date=released, requirements=())]
    )
    assert derive_tiers(record, {}).v2.change.level > 0


@pytest.mark.parametrize("category", ["CUR", "EXC", "PROH", "FTP", "AAMR"])
def test_restrictive_requirements_give_no_mandate_for_change(category):
    record = facts(sentences=[sentence(requirements=(requirement(category),))])
    (conviction,) = v2_inputs(record, {}).convictions
    assert conviction.requirements == (Requirement(category, restrictive=True),)
    assert derive_tiers(record, {}).v2.change.level == 0


@pytest.mark.parametrize("category", ["F", "PROG", "DRR", "ATR", "MHTR", "RES"])
def test_rehabilitative_requirements_give_a_mandate_for_change(category):
    record = facts(sentences=[sentence(requirements=(requirement(category),))])
    (conviction,) = v2_inputs(record, {}).convictions
    assert conviction.requirements == (Requirement(category, restrictive=False),)
    assert derive_tiers(record, {}).v2.change.level > 0


def test_unpaid_work_alone_gives_no_mandate_for_change():
    record = facts(sentences=[sentence(requirements=(requirement("W"),))])
    assert derive_tiers(record, {}).v2.change.level == 0


def test_requirements_that_have_ended_are_left_out():
    ended_rar = requirement("F", end_date=date(2025, 5, 1))
    curfew = requirement("CUR", start_date=date(2025, 5, 1))
    record = facts(sentences=[sentence(requirements=(ended_rar, curfew))])
    (conviction,) = v2_inputs(record, {}).convictions
    assert conviction.requirements == (Requirement("CUR", restrictive=True),)
    assert derive_tiers(record, {}).v2.change.level == 0


def test_a_requirement_ending_today_is_left_out_and_one_starting_later_is_unknown():
    ends_today = requirement("F", end_date=AS_AT)
    starts_later = requirement("PROG", start_date=date(2025, 7, 1))
    record = facts(sentences=[sentence(requirements=(ends_today, starts_later))])
    (conviction,) = v2_inputs(record, {}).convictions
    assert conviction.requirements == ()


def test_an_ended_sentence_is_read_as_terminated():
    ended = sentence(event_number=1, sentence_date=date(2023, 1, 9), termination_date=AS_AT)
    current = sentence(event_number=2)
    convictions = v2_inputs(facts(sentences=[ended, current]), {}).convictions
    assert [c.terminated for c in convictions] == [True, False]
    assert convictions[1] == Conviction("CO", False, (Requirement("F", False),))


def test_an_ended_sentence_gives_no_mandate_for_change():
    ended = sentence(termination_date=date(2025, 5, 30))
    assert derive_tiers(facts(sentences=[ended]), {}).v2.change.level == 0


# Previous enforcement activity.


@pytest.mark.parametrize("action", ["IBR", "IMB", "EA11"])
def test_a_breach_or_recall_during_the_current_sentence_is_previous_enforcement_activity(action):
    contact = replace(BREACH, enforcement_action=action)
    assert previous_enforcement_activity(facts(contacts=[contact])) is True


@pytest.mark.parametrize("action", ["EA02", "EA03", "EA08", "ROM", "NFA", None])
def test_a_warning_letter_or_referral_is_not_enforcement_activity(action):
    contact = replace(BREACH, enforcement_action=action)
    assert previous_enforcement_activity(facts(contacts=[contact])) is False


def test_a_breach_during_a_sentence_that_ended_eleven_months_ago_counts():
    ended = sentence(
        sentence_date=date(2023, 5, 2), termination_date=date(2024, 7, 2), requirements=()
    )
    breach = replace(BREACH, on=date(2024, 1, 15))
    assert previous_enforcement_activity(facts(sentences=[ended], contacts=[breach])) is True


def test_a_breach_during_a_sentence_that_ended_thirteen_months_ago_does_not_count():
    ended = sentence(
        sentence_date=date(2023, 1, 9), termination_date=date(2024, 5, 2), requirements=()
    )
    breach = replace(BREACH, on=date(2024, 1, 15))
    assert previous_enforcement_activity(facts(sentences=[ended], contacts=[breach])) is False


def test_a_breach_before_the_current_sentence_began_does_not_count():
    long_ended = sentence(
        event_number=1,
        sentence_date=date(2023, 1, 9),
        termination_date=date(2024, 5, 2),
        requirements=(),
    )
    current = sentence(event_number=2)
    breach = replace(BREACH, on=date(2024, 1, 15))
    record = facts(sentences=[long_ended, current], contacts=[breach])
    assert previous_enforcement_activity(record) is False


def test_without_a_sentence_there_is_no_previous_enforcement_activity():
    assert previous_enforcement_activity(facts(sentences=[], contacts=[BREACH])) is False


def test_a_breach_recorded_after_the_day_of_the_facts_is_not_known():
    later = replace(BREACH, on=date(2025, 6, 10))
    assert previous_enforcement_activity(facts(contacts=[later])) is False


def test_previous_enforcement_activity_reaches_the_v2_inputs():
    assert v2_inputs(facts(contacts=[BREACH]), {}).previous_enforcement_activity is True
    assert v2_inputs(facts(), {}).previous_enforcement_activity is False


# Accommodation and employment needs come from the circumstances.


@pytest.mark.parametrize(
    ("status", "severity"),
    [
        ("NFA", NeedSeverity.STANDARD),
        ("TEMPORARY", NeedSeverity.STANDARD),
        ("SETTLED", NeedSeverity.NO_NEED),
        ("APPROVED_PREMISES", NeedSeverity.NO_NEED),
    ],
)
def test_the_accommodation_need_comes_from_the_current_accommodation(status, severity):
    accommodation = CircumstanceFacts("ACCOMMODATION", status, date(2025, 3, 17), None)
    record = facts(circumstances=[accommodation, EMPLOYED], assessments=assessed())
    assessment = v2_inputs(record, {}).assessment
    assert assessment is not None
    assert assessment.needs[ACCOMMODATION] == severity


@pytest.mark.parametrize(
    ("status", "severity"),
    [("UNEMPLOYED", NeedSeverity.STANDARD), ("EMPLOYED_PT", NeedSeverity.NO_NEED)],
)
def test_the_employment_need_comes_from_the_current_employment(status, severity):
    employment = CircumstanceFacts("EMPLOYMENT", status, date(2025, 1, 6), None)
    record = facts(
        circumstances=[SETTLED, employment],
        assessments=assessed({"employmentHistory": "SOME_PROBLEMS"}),
    )
    assessment = v2_inputs(record, {}).assessment
    assert assessment is not None
    assert assessment.needs[ETE] == severity


def test_accommodation_and_employment_answers_in_an_assessment_are_not_read():
    answers = {"noFixedAbodeOrTransient": True, "unemployed": True}
    record = facts(assessments=assessed(answers))
    assessment = v2_inputs(record, {}).assessment
    assert assessment is not None
    assert assessment.needs[ACCOMMODATION] == NeedSeverity.NO_NEED
    assert assessment.needs[ETE] == NeedSeverity.NO_NEED


def test_a_section_with_neither_answers_nor_circumstances_has_no_need_recorded():
    record = facts(circumstances=[], assessments=assessed({"temperControl": "SOME_PROBLEMS"}))
    assessment = v2_inputs(record, {}).assessment
    assert assessment is not None
    assert ACCOMMODATION not in assessment.needs and ETE not in assessment.needs


def test_an_ended_accommodation_status_is_not_read():
    was = CircumstanceFacts("ACCOMMODATION", "NFA", date(2024, 11, 1), date(2025, 3, 17))
    now = CircumstanceFacts("ACCOMMODATION", "SETTLED", date(2025, 3, 17), None)
    record = facts(circumstances=[was, now, EMPLOYED], assessments=assessed())
    assessment = v2_inputs(record, {}).assessment
    assert assessment is not None
    assert assessment.needs[ACCOMMODATION] == NeedSeverity.NO_NEED


def test_assessment_answers_and_circumstances_add_up_in_one_section():
    nfa = CircumstanceFacts("ACCOMMODATION", "NFA", date(2025, 3, 17), None)
    answers = {
        "suitabilityOfAccommodation": "SIGNIFICANT_PROBLEMS",
        "permanenceOfAccommodation": "SIGNIFICANT_PROBLEMS",
        "locationOfAccommodation": "SOME_PROBLEMS",
    }
    record = facts(circumstances=[nfa, EMPLOYED], assessments=assessed(answers))
    assessment = v2_inputs(record, {}).assessment
    assert assessment is not None
    assert assessment.needs[ACCOMMODATION] == NeedSeverity.SEVERE  # 2 + 2 + 1 + 2 = 7


def test_without_an_assessment_the_tier_has_no_needs_to_read():
    nfa = CircumstanceFacts("ACCOMMODATION", "NFA", date(2025, 3, 17), None)
    assert v2_inputs(facts(circumstances=[nfa, EMPLOYED]), {}).assessment is None


def test_the_women_s_factors_come_from_the_assessment():
    answers = {
        "parentalResponsibilities": True,
        "impulsivityProblems": "SIGNIFICANT_PROBLEMS",
        "temperControl": "NO_PROBLEMS",
    }
    assessment = v2_inputs(facts(sex="FEMALE", assessments=assessed(answers)), {}).assessment
    assert assessment is not None
    factors = assessment.womens_factors
    assert factors.parenting_responsibilities == "Yes"
    assert factors.impulsivity == "Significant"
    assert factors.temper_control == "None"


# Registrations.


def test_only_active_registrations_reach_the_tier():
    ended = RegistrationFacts("RHRH", "", "", date(2024, 1, 8), date(2025, 1, 6))
    current = RegistrationFacts("RMRH", "", "", date(2025, 1, 6), None)
    mappa = RegistrationFacts("MAPP", "M2", "M2", date(2025, 2, 10), None)
    record = facts(registrations=[ended, current, mappa])
    assert [r.code for r in v2_inputs(record, {}).registrations] == ["RMRH", "MAPP"]
    inputs = v3_inputs(record, {})
    assert inputs.rosh == RoshLevel.MEDIUM
    assert inputs.mappa_category == MappaCategory.M2


def test_a_mappa_registration_raises_the_v2_protect_level():
    mappa = RegistrationFacts("MAPP", "M2", "M2", date(2025, 2, 10), None)
    plain = derive_tiers(facts(), {}).v2.tier
    registered = derive_tiers(facts(registrations=[mappa]), {}).v2.tier
    assert plain.startswith("D") and registered.startswith("A")


# v3 inputs.


def test_the_v3_inputs_take_arp_csrp_and_dc_srp_with_their_types_and_band():
    scores = {
        "arp": outcome("arp", score=27.87, score_type="DYNAMIC"),
        "csrp": outcome("csrp", score=0.63, score_type="STATIC"),
        "dc-srp": outcome("dc-srp", score=0.0, band="NOT_APPLICABLE", score_type="STATIC"),
    }
    inputs = v3_inputs(facts(), scores)
    assert inputs.arp is not None and inputs.csrp is not None and inputs.dc_srp is not None
    assert (inputs.arp.score, inputs.arp.score_type) == (Decimal("27.87"), PredictorType.DYNAMIC)
    assert (inputs.csrp.score, inputs.csrp.score_type) == (Decimal("0.63"), PredictorType.STATIC)
    assert (inputs.dc_srp.score, inputs.dc_srp.band) == (Decimal("0.0"), DcSrpBand.NOT_APPLICABLE)


def test_unscored_predictors_are_absent_from_the_v3_inputs():
    scores = {name: outcome(name) for name in ("arp", "csrp", "dc-srp")}
    inputs = v3_inputs(facts(), scores)
    assert inputs.arp is None and inputs.csrp is None and inputs.dc_srp is None


def test_an_active_event_is_a_sentence_in_force():
    assert v3_inputs(facts(), {}).has_active_event is True
    ended = sentence(termination_date=date(2025, 5, 30))
    assert v3_inputs(facts(sentences=[ended]), {}).has_active_event is False


def test_the_latest_release_is_one_that_has_happened():
    earlier = sentence(
        event_number=1,
        sentence_type="LIC",
        sentence_date=date(2022, 3, 1),
        release_date=date(2023, 2, 6),
        termination_date=date(2024, 2, 6),
    )
    awaiting = sentence(
        event_number=2,
        sentence_type="LIC",
        sentence_date=date(2025, 4, 1),
        release_date=date(2025, 10, 1),
    )
    assert v3_inputs(facts(sentences=[earlier, awaiting]), {}).latest_release_date == date(
        2023, 2, 6
    )


def test_a_sexual_offence_history_reaches_the_v3_inputs():
    history = replace(
        HISTORY, non_contact_sexual_offences=1, most_recent_sexual_offence_date=date(2018, 9, 3)
    )
    assert v3_inputs(facts(criminal_history=history), {}).ever_committed_sexual_offence is True
    assert v3_inputs(facts(criminal_history=None), {}).ever_committed_sexual_offence is False


# Both tiers from the derived scores.


def test_both_tiers_are_derived_from_the_record_and_its_scores():
    unemployed = CircumstanceFacts("EMPLOYMENT", "UNEMPLOYED", date(2025, 1, 6), None)
    record = facts(circumstances=[SETTLED, unemployed], assessments=assessed(arp_dynamic_answers()))
    tiers = derive_tiers(record, derive_scores(record))
    assert tiers.v2.tier == "D1"
    # SVRP (so CSRP) still lacks dynamic answers ARP does not ask: the v3 tier is provisional.
    assert (tiers.v3.tier, tiers.v3.provisional) == ("E", True)
