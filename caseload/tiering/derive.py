"""From a person's facts and predictor results to both tiers (pure; no Django).

v2 reads RSR and OGRS (ministryofjustice/hmpps-tier@affac98a, `hmppstier/domain/DeliusInputs.kt`):
we supply CSRP, the combined serious reoffending predictor that replaced RSR
(ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
`service/CombinedSeriousReoffendingPredictorRiskProducerService.kt`), as the RSR score, and the
OGRS3 two-year % as OGRS. Supplying CSRP as RSR is our inference, not a published rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caseload.contacts.domain import breach_or_recall
from caseload.derived.facts import CaseFacts
from caseload.people.domain import ACCOMMODATION, EMPLOYMENT
from caseload.risk.assessment import QUESTIONS, tier_answer
from caseload.risk.derive import ScoreOutcome
from caseload.tiering.domain import tier_v2, tier_v3
from caseload.tiering.domain.inputs import (
    Assessment,
    Conviction,
    DcSrpBand,
    DcSrpScore,
    NeedSection,
    PredictorScore,
    PredictorType,
    ProblemAnswer,
    Registration,
    Requirement,
    TierV2Inputs,
    TierV3Inputs,
    WomensFactorAnswers,
    YesNoAnswer,
)
from caseload.tiering.domain.needs import parse_answer, section_need
from caseload.tiering.domain.registrations import read_registrations
from caseload.tiering.domain.v2 import TierV2Result
from caseload.tiering.domain.v3 import TierV3Result


@dataclass(frozen=True)
class TierOutcome:
    v2: TierV2Result
    v3: TierV3Result


def _registrations(facts: CaseFacts) -> tuple[Registration, ...]:
    return tuple(
        Registration(r.register, r.level or None, r.category or None, r.registered_on)
        for r in facts.active_registrations()
    )


def _convictions(facts: CaseFacts) -> tuple[Conviction, ...]:
    return tuple(
        Conviction(
            sentence_type=s.delius_type,
            terminated=not s.active_on(facts.as_at),
            requirements=tuple(
                Requirement(r.category, r.restrictive)
                for r in s.requirements
                if r.active_on(facts.as_at)
            ),
        )
        for s in facts.sentences
    )


def _section_answers(facts: CaseFacts) -> dict[NeedSection, dict[str, object]]:
    """Each section's answers: assessment answers plus the ones the circumstances already hold."""
    answers = facts.assessment.answers if facts.assessment else {}
    sections: dict[NeedSection, dict[str, object]] = {}
    for q in QUESTIONS:
        if q.need_section is not None and q.key in answers:
            sections.setdefault(NeedSection(q.need_section), {})[q.key] = answers[q.key]
    accommodation = facts.current_circumstance(ACCOMMODATION)
    if accommodation is not None:
        sections.setdefault(NeedSection.ACCOMMODATION, {})["noFixedAbodeOrTransient"] = (
            accommodation.unsettled_accommodation
        )
    employment = facts.current_circumstance(EMPLOYMENT)
    if employment is not None:
        sections.setdefault(NeedSection.EDUCATION_TRAINING_AND_EMPLOYABILITY, {})["unemployed"] = (
            employment.unemployed
        )
    return sections


def _assessment(facts: CaseFacts) -> Assessment | None:
    if facts.assessment is None:
        return None
    needs = {}
    for section, answers in _section_answers(facts).items():
        parsed = {k: parse_answer(tier_answer(v)) for k, v in answers.items()}
        need = section_need(section, parsed, san_indicator=False)
        if need.severity is not None:
            needs[section] = need.severity
    a = facts.assessment.answers
    parenting = tier_answer(a.get("parentalResponsibilities"))
    impulsivity = tier_answer(a.get("impulsivityProblems"))
    temper = tier_answer(a.get("temperControl"))
    return Assessment(
        needs=needs,
        womens_factors=WomensFactorAnswers(
            parenting_responsibilities=YesNoAnswer(parenting) if parenting else None,
            impulsivity=ProblemAnswer(impulsivity) if impulsivity else None,
            temper_control=ProblemAnswer(temper) if temper else None,
        ),
    )


def previous_enforcement_activity(facts: CaseFacts) -> bool:
    """A breach or recall during a sentence that is current or ended within the last year
    (hmpps-tier's `previousEnforcementActivity`, which Delius supplies; Delius's query is not
    public, so this is our reading of it)."""
    year_ago = facts.as_at - timedelta(days=365)
    relevant = [
        s for s in facts.sentences if s.termination_date is None or s.termination_date > year_ago
    ]
    if not relevant:
        return False
    since = min(s.sentence_date for s in relevant)
    return any(c.on >= since and breach_or_recall(c) for c in facts.contacts)


def _decimal(outcome: ScoreOutcome | None) -> Decimal | None:
    return None if outcome is None or outcome.score is None else Decimal(str(outcome.score))


def v2_inputs(facts: CaseFacts, scores: Mapping[str, ScoreOutcome]) -> TierV2Inputs:
    ogrs3 = scores.get("ogrs3")
    return TierV2Inputs(
        gender=facts.sex.lower() if facts.sex in ("MALE", "FEMALE") else None,
        rsr_score=_decimal(scores.get("csrp")),
        ogrs_score=None if ogrs3 is None else ogrs3.two_year,
        registrations=_registrations(facts),
        convictions=_convictions(facts),
        assessment=_assessment(facts),
        previous_enforcement_activity=previous_enforcement_activity(facts),
    )


def _predictor(outcome: ScoreOutcome | None) -> PredictorScore | None:
    if outcome is None or outcome.score is None:
        return None
    kind = (
        PredictorType(outcome.score_type) if outcome.score_type in ("STATIC", "DYNAMIC") else None
    )
    return PredictorScore(Decimal(str(outcome.score)), kind)


def _dc_srp_band(band: str | None) -> DcSrpBand | None:
    return DcSrpBand(band) if band is not None and band in DcSrpBand.__members__ else None


def v3_inputs(facts: CaseFacts, scores: Mapping[str, ScoreOutcome]) -> TierV3Inputs:
    flags = read_registrations(_registrations(facts))
    dc = scores.get("dc-srp")
    releases = [
        s.release_date for s in facts.sentences if s.release_date and s.release_date <= facts.as_at
    ]
    history = facts.criminal_history
    return TierV3Inputs(
        has_active_event=facts.current_sentence() is not None,
        rosh=flags.rosh,
        mappa_category=flags.mappa_category,
        lifer_ipp=flags.lifer_ipp,
        latest_release_date=max(releases, default=None),
        domestic_abuse=flags.domestic_abuse,
        stalking=flags.stalking,
        child_protection=flags.child_protection,
        arp=_predictor(scores.get("arp")),
        csrp=_predictor(scores.get("csrp")),
        dc_srp=None
        if dc is None or dc.score is None
        else DcSrpScore(Decimal(str(dc.score)), _dc_srp_band(dc.band)),
        ever_committed_sexual_offence=bool(history and history.sexual_offence_history),
    )


def derive_tiers(
    facts: CaseFacts, scores: Mapping[str, ScoreOutcome], *, today: date | None = None
) -> TierOutcome:
    return TierOutcome(
        v2=tier_v2(v2_inputs(facts, scores)),
        v3=tier_v3(v3_inputs(facts, scores), today=today or facts.as_at),
    )
