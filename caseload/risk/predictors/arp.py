"""ARP, the All Reoffending Predictor: static ≈ OGRS4/G, dynamic ≈ OGP2 (predictors.md §9).

Two-year proven general reoffending. The static model uses criminal history only; the dynamic
model (a separate coefficient set) adds OASys need items and drug types. Selection: §3.6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseload.risk.predictors import history_checks as check
from caseload.risk.predictors.coefficients import arp as coefficients
from caseload.risk.predictors.coefficients.offence_groups import OFFENCE_GROUPS
from caseload.risk.predictors.dates import today_london
from caseload.risk.predictors.enums import (
    PROBLEM_SCORE,
    ActuarialCategory,
    Band,
    ProblemLevel,
    RelationshipStatus,
)
from caseload.risk.predictors.errors import ErrorCollector, ErrorType
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


_DRUG_ATTRIBUTES = tuple((name, key, ATTRIBUTE[field]) for name, key, field in _DRUG_TERMS)
_OTHER_DRUG_ATTRIBUTES = tuple(ATTRIBUTE[field] for field in OTHER_DRUG_FIELDS)


def _score(level: ProblemLevel | None) -> int:
    return 0 if level is None else PROBLEM_SCORE[level]


def needs_parts(model: Model, request: PredictorRequest, variant: NeedsVariant) -> list[Part]:
    """The dynamic terms of ARP and VRP (§9): ordinal items score × coef, flags coef if true."""
    r = request
    living_together = (
        r.current_relationship_status is RelationshipStatus.IN_RELATIONSHIP_LIVING_TOGETHER
    )
    partner = _score(r.current_relationship_with_partner)
    attitude = getattr(r, ATTRIBUTE[variant.attitude_field])
    parts: list[Part] = [
        (
            "suitableAccommodationWeight",
            r.suitability_of_accommodation,
            model.scaled("ACCOMMODATION_SUITABILITY", _score(r.suitability_of_accommodation)),
        ),
        (
            "unemployedWeight",
            r.is_unemployed,
            model.scaled("UNEMPLOYED", 2 if r.is_unemployed else 0),
        ),
        (
            "liveInRelationshipWeight",
            r.current_relationship_status,
            model.coef("LIVE_IN_RELATIONSHIP") if living_together else ZERO,
        ),
        (
            "relationshipQualityWeight",
            r.current_relationship_with_partner,
            model.scaled("RELATIONSHIP_QUALITY", partner),
        ),
        (
            "multiplicativeRelationshipWeight",
            r.current_relationship_with_partner,
            model.scaled("QUALITY_OF_LIVE_IN_RELATIONSHIP", partner) if living_together else ZERO,
        ),
        (
            "domesticViolenceWeight",
            r.evidence_of_domestic_abuse,
            model.coef("DOMESTIC_ABUSE") if r.evidence_of_domestic_abuse else ZERO,
        ),
        (
            "regularOffendingActivitiesWeight",
            r.regular_offending_activities,
            model.scaled("ACTIVITIES_ENCOURAGE_OFFENDING", _score(r.regular_offending_activities)),
        ),
        (
            "drugMotivationWeight",
            r.motivation_to_tackle_drug_misuse,
            model.scaled(
                "MOTIVATION_TO_TACKLE_DRUG_MISUSE",
                check.motivation_score(r.motivation_to_tackle_drug_misuse),
            ),
        ),
        (
            "chronicDrinkingProblemsWeight",
            r.current_alcohol_use_problems,
            model.scaled("CHRONIC_DRINKING", _score(r.current_alcohol_use_problems)),
        ),
        (
            "bingeDrinkingProblemsWeight",
            r.excessive_alcohol_use,
            model.scaled("BINGE_DRINKING", _score(r.excessive_alcohol_use)),
        ),
        (
            "impulsivityProblemsWeight",
            r.impulsivity_problems,
            model.scaled("IMPULSIVITY", _score(r.impulsivity_problems)),
        ),
        (
            variant.attitude_name,
            attitude,
            model.scaled(
                variant.attitude_key, _score(attitude) if isinstance(attitude, ProblemLevel) else 0
            ),
        ),
    ]
    opiate = getattr(r, ATTRIBUTE[variant.opiate_field]) is True
    parts.append((variant.opiate_name, opiate, model.coef(variant.opiate_key) if opiate else ZERO))
    for name, key, attribute in _DRUG_ATTRIBUTES:
        used = getattr(r, attribute) is True
        parts.append((name, used, model.coef(key) if used else ZERO))
    other = any(getattr(r, attribute) is True for attribute in _OTHER_DRUG_ATTRIBUTES)
    parts.append(("otherDrugUsageWeight", other, model.coef("OTHER_DRUGS") if other else ZERO))
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
