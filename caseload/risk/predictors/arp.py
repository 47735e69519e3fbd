"""ARP, the All Reoffending Predictor: static ≈ OGRS4/G, dynamic ≈ OGP2 (predictors.md §9).

Two-year proven general reoffending. The static model uses criminal history only; the dynamic
model (a separate coefficient set) adds OASys need items and drug types. Selection: §3.6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter

from caseload.risk.predictors import history_checks as check
from caseload.risk.predictors.coefficients import arp as coefficients
from caseload.risk.predictors.coefficients.offence_groups import OFFENCE_GROUPS
from caseload.risk.predictors.dates import today_london
from caseload.risk.predictors.enums import (
    PROBLEM_SCORE,
    ActuarialCategory,
    Band,
    MotivationLevel,
    ProblemLevel,
    RelationshipStatus,
)
from caseload.risk.predictors.errors import ErrorCollector, ErrorType
from caseload.risk.predictors.numeric import Coef
from caseload.risk.predictors.ogrs4 import (
    ZERO,
    History,
    Model,
    Part,
    common_parts,
    copas_part,
    gap_part,
    months_part,
    percent_band,
    select_and_score,
)
from caseload.risk.predictors.request import ATTRIBUTE, PredictorRequest
from caseload.risk.predictors.results import ScoreResult

STATIC_MODEL = Model.build(
    "ARP static", coefficients.STATIC, {k: v[0] for k, v in OFFENCE_GROUPS.items()}, "COPAS_G", 26
)
DYNAMIC_MODEL = Model.build(
    "ARP dynamic", coefficients.DYNAMIC, {k: v[1] for k, v in OFFENCE_GROUPS.items()}, "COPAS_G", 26
)

STATIC_REQUIRED = check.STATIC_REQUIRED
DYNAMIC_REQUIRED = (
    "suitabilityOfAccommodation",
    "isUnemployed",
    "currentRelationshipWithPartner",
    "evidenceOfDomesticAbuse",
    "currentRelationshipStatus",
    "regularOffendingActivities",
    "currentAlcoholUseProblems",
    "excessiveAlcoholUse",
    "impulsivityProblems",
    "proCriminalAttitudes",
)
DRUG_FIELDS = (
    "hasHeroinUsage",
    "hasOtherOpiateUsage",
    "hasCrackCocaineUsage",
    "hasPowderCocaineUsage",
    "hasMisusedPrescriptionDrugUsage",
    "hasBenzodiazepinesUsage",
    "hasCannabisUsage",
    "hasSteroidsUsage",
    "hasOtherDrugsUsage",
    "hasKetamineUsage",
    "hasSpiceUsage",
    "hasHallucinogensUsage",
    "hasSolventsUsage",
)
OPTIONAL = (
    "dateAtStartOfFollowup",
    "actuarialCategory",
    "motivationToTackleDrugMisuse",
    *DRUG_FIELDS,
)
BANDS = ((90.0, Band.VERY_HIGH), (75.0, Band.HIGH), (50.0, Band.MEDIUM), (0.0, Band.LOW))
band = percent_band(BANDS)


def validate_static(
    request: PredictorRequest, assessment: date
) -> tuple[ErrorCollector, ActuarialCategory | None]:
    errors = ErrorCollector()
    check.require(request, STATIC_REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    check.conviction_after_birth(request, errors)
    check.first_sanction_not_after_conviction(request, errors)
    check.conviction_within_three_months(request, assessment, errors)
    check.first_sanction_in_range(request, errors)
    category = check.offence_category(request, errors)
    check.sanctions_in_range(request, errors)
    check.followup_checks(request, errors)
    return errors, category


def validate_dynamic(request: PredictorRequest) -> ErrorCollector:
    errors = ErrorCollector()
    check.require(request, DYNAMIC_REQUIRED, errors, ErrorType.MISSING_DYNAMIC_INPUT)
    check.drug_motivation(request, DRUG_FIELDS, errors)
    return errors


def static_parts(model: Model, h: History) -> tuple[Part, ...]:
    return (
        *common_parts(model, h),
        gap_part(model, h),
        months_part(model, h),
        copas_part(model, h),
        copas_part(model, h, "copasScoreSquared", squared=True),
    )


@dataclass(frozen=True, slots=True)
class NeedsVariant:
    """The two terms in which ARP's and VRP's dynamic sets differ (§10)."""

    attitude_name: str
    attitude_key: str
    attitude_field: str
    opiate_name: str
    opiate_key: str
    opiate_field: str


ARP_NEEDS = NeedsVariant(
    "proCriminalAttitudesWeight",
    "PRO_CRIMINAL_ATTITUDE",
    "proCriminalAttitudes",
    "heroinUsageWeight",
    "HEROIN",
    "hasHeroinUsage",
)
OTHER_DRUG_FIELDS = (
    "hasOtherDrugsUsage",
    "hasKetamineUsage",
    "hasSpiceUsage",
    "hasHallucinogensUsage",
    "hasSolventsUsage",
)
_DRUG_TERMS = (
    ("otherOpiateUsageWeight", "OTHER_OPIATE", "hasOtherOpiateUsage"),
    ("crackCocaineUsageWeight", "CRACK_COCAINE", "hasCrackCocaineUsage"),
    ("powderCocaineUsageWeight", "POWDER_COCAINE", "hasPowderCocaineUsage"),
    (
        "misusedPrescriptionDrugUsageWeight",
        "PRESCRIPTION_DRUG_MISUSE",
        "hasMisusedPrescriptionDrugUsage",
    ),
    ("benzodiazepinesUsageWeight", "BENZODIAZEPINES", "hasBenzodiazepinesUsage"),
    ("cannabisUsageWeight", "CANNABIS", "hasCannabisUsage"),
    ("steroidUsageWeight", "STEROIDS", "hasSteroidsUsage"),
)


_read_drugs = attrgetter(*(ATTRIBUTE[field] for _, _, field in _DRUG_TERMS))
_read_other_drugs = attrgetter(*(ATTRIBUTE[field] for field in OTHER_DRUG_FIELDS))
_LEVELS = (None, *PROBLEM_SCORE)
_MOTIVATIONS = (None, *MotivationLevel)


@dataclass(frozen=True, slots=True)
class NeedsCoefs:
    """One model's dynamic-term contributions for every possible input, computed once, so that
    scoring a request is table look-ups (each entry is exactly what `Model.scaled` gives)."""

    accommodation: dict[ProblemLevel | None, Coef]
    unemployed: tuple[Coef, Coef]
    live_in: Coef
    quality: dict[ProblemLevel | None, Coef]
    live_in_quality: dict[ProblemLevel | None, Coef]
    domestic_abuse: Coef
    activities: dict[ProblemLevel | None, Coef]
    motivation: dict[MotivationLevel | None, Coef]
    chronic_drinking: dict[ProblemLevel | None, Coef]
    binge_drinking: dict[ProblemLevel | None, Coef]
    impulsivity: dict[ProblemLevel | None, Coef]
    attitude: dict[ProblemLevel | None, Coef]
    opiate: Coef
    drugs: tuple[tuple[str, Coef], ...]
    """(term name, coefficient) in `_DRUG_TERMS` order."""
    other_drugs: Coef


def _levels(model: Model, key: str) -> dict[ProblemLevel | None, Coef]:
    return {level: model.scaled(key, _score(level)) for level in _LEVELS}


@cache
def needs_coefs(model: Model, variant: NeedsVariant) -> NeedsCoefs:
    return NeedsCoefs(
        accommodation=_levels(model, "ACCOMMODATION_SUITABILITY"),
        unemployed=(model.scaled("UNEMPLOYED", 0), model.scaled("UNEMPLOYED", 2)),
        live_in=model.coef("LIVE_IN_RELATIONSHIP"),
        quality=_levels(model, "RELATIONSHIP_QUALITY"),
        live_in_quality=_levels(model, "QUALITY_OF_LIVE_IN_RELATIONSHIP"),
        domestic_abuse=model.coef("DOMESTIC_ABUSE"),
        activities=_levels(model, "ACTIVITIES_ENCOURAGE_OFFENDING"),
        motivation={
            level: model.scaled("MOTIVATION_TO_TACKLE_DRUG_MISUSE", check.motivation_score(level))
            for level in _MOTIVATIONS
        },
        chronic_drinking=_levels(model, "CHRONIC_DRINKING"),
        binge_drinking=_levels(model, "BINGE_DRINKING"),
        impulsivity=_levels(model, "IMPULSIVITY"),
        attitude=_levels(model, variant.attitude_key),
        opiate=model.coef(variant.opiate_key),
        drugs=tuple((name, model.coef(key)) for name, key, _ in _DRUG_TERMS),
        other_drugs=model.coef("OTHER_DRUGS"),
    )


def _score(level: ProblemLevel | None) -> int:
    return 0 if level is None else PROBLEM_SCORE[level]


def needs_parts(model: Model, request: PredictorRequest, variant: NeedsVariant) -> list[Part]:
    """The dynamic terms of ARP and VRP (§9): ordinal items score × coef, flags coef if true."""
    r = request
    c = needs_coefs(model, variant)
    living_together = (
        r.current_relationship_status is RelationshipStatus.IN_RELATIONSHIP_LIVING_TOGETHER
    )
    partner = r.current_relationship_with_partner
    attitude = getattr(r, ATTRIBUTE[variant.attitude_field])
    motivation = r.motivation_to_tackle_drug_misuse
    parts: list[Part] = [
        (
            "suitableAccommodationWeight",
            r.suitability_of_accommodation,
            c.accommodation[r.suitability_of_accommodation],
        ),
        ("unemployedWeight", r.is_unemployed, c.unemployed[1 if r.is_unemployed else 0]),
        (
            "liveInRelationshipWeight",
            r.current_relationship_status,
            c.live_in if living_together else ZERO,
        ),
        ("relationshipQualityWeight", partner, c.quality[partner]),
        (
            "multiplicativeRelationshipWeight",
            partner,
            c.live_in_quality[partner] if living_together else ZERO,
        ),
        (
            "domesticViolenceWeight",
            r.evidence_of_domestic_abuse,
            c.domestic_abuse if r.evidence_of_domestic_abuse else ZERO,
        ),
        (
            "regularOffendingActivitiesWeight",
            r.regular_offending_activities,
            c.activities[r.regular_offending_activities],
        ),
        ("drugMotivationWeight", motivation, c.motivation[motivation]),
        (
            "chronicDrinkingProblemsWeight",
            r.current_alcohol_use_problems,
            c.chronic_drinking[r.current_alcohol_use_problems],
        ),
        (
            "bingeDrinkingProblemsWeight",
            r.excessive_alcohol_use,
            c.binge_drinking[r.excessive_alcohol_use],
        ),
        (
            "impulsivityProblemsWeight",
            r.impulsivity_problems,
            c.impulsivity[r.impulsivity_problems],
        ),
        (
            variant.attitude_name,
            attitude,
            c.attitude[attitude if isinstance(attitude, ProblemLevel) else None],
        ),
    ]
    opiate = getattr(r, ATTRIBUTE[variant.opiate_field]) is True
    parts.append((variant.opiate_name, opiate, c.opiate if opiate else ZERO))
    for (name, coef), value in zip(c.drugs, _read_drugs(r), strict=True):
        used = value is True
        parts.append((name, used, coef if used else ZERO))
    other = False
    for value in _read_other_drugs(r):
        if value is True:
            other = True
            break
    parts.append(("otherDrugUsageWeight", other, c.other_drugs if other else ZERO))
    return parts


def arp(request: PredictorRequest) -> ScoreResult:
    """Score ARP for one request; never raises for a well-typed request."""
    assessment = request.assessment_date or today_london()
    static_errors, category = validate_static(request, assessment)
    dynamic_errors = validate_dynamic(request)

    def history() -> History:
        assert category is not None
        return check.derive_history(request, category, assessment)

    return select_and_score(
        static_errors,
        dynamic_errors,
        lambda: static_parts(STATIC_MODEL, history()),
        lambda: (
            *static_parts(DYNAMIC_MODEL, history()),
            *needs_parts(DYNAMIC_MODEL, request, ARP_NEEDS),
        ),
        band,
        zero_is_error=True,
    )
