"""ARP, the All Reoffending Predictor: static ≈ OGRS4/G, dynamic ≈ OGP2.

Two-year proven general reoffending. The static model uses criminal history only; the dynamic
model (a separate coefficient set) adds OASys need items and drug types. Static errors give no
score, dynamic errors a static score, otherwise the dynamic model is used.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
src/main/kotlin/.../service/AllReoffendingPredictorRiskProducerService.kt,
.../service/transformation/AllReoffendingPredictorTransformationHelper.kt,
.../service/validation/AllReoffendingPredictorValidator.kt and
.../service/constants/AllReoffendingPredictorConstant.kt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

from caseload.risk.predictors import history_checks as check
from caseload.risk.predictors.coefficients import arp as coefficients
from caseload.risk.predictors.coefficients.offence_groups import OFFENCE_GROUPS
from caseload.risk.predictors.dates import age_in_years, plus_months, today_london
from caseload.risk.predictors.enums import (
    PROBLEM_SCORE,
    ActuarialCategory,
    Band,
    MotivationLevel,
    ProblemLevel,
    RelationshipStatus,
    ScoreType,
)
from caseload.risk.predictors.errors import (
    CalculationError,
    ErrorCollector,
    ErrorType,
    unexpected,
)
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
    percent_score,
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
    if _static_inputs_pass(request, assessment):
        # Every check below but the offence lookup is known to pass, so this adds exactly what
        # the full sequence would.
        return errors, check.offence_category(request, errors)
    check.require(request, STATIC_REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    check.conviction_after_birth(request, errors)
    check.first_sanction_not_after_conviction(request, errors)
    check.conviction_within_three_months(request, assessment, errors)
    check.first_sanction_in_range(request, errors)
    category = check.offence_category(request, errors)
    check.sanctions_in_range(request, errors)
    check.followup_checks(request, errors)
    return errors, category


def _static_inputs_pass(request: PredictorRequest, assessment: date) -> bool:
    """One pass over the inputs: True when every `validate_static` check except the offence
    lookup would pass (all required fields present, conviction after birth, first sanction in
    range and not after the conviction, conviction within three months of the assessment,
    sanctions in range, follow-up after birth and under age 110). False means "run the checks
    one by one"; it never decides an error itself."""
    dob = request.date_of_birth
    conviction = request.date_of_current_conviction
    first = request.age_at_first_sanction
    n = request.total_number_of_sanctions_for_all_offences
    if (
        dob is None
        or conviction is None
        or first is None
        or n is None
        or request.gender is None
        or request.current_offence_code is None
        or not conviction > dob
        or not 0 <= first < check.MAX_AGE
        or not 1 <= n <= check.MAX_SANCTIONS
        or not age_in_years(dob, conviction) >= first
        or not conviction <= plus_months(assessment, check.CONVICTION_GRACE_MONTHS)
    ):
        return False
    follow_up = request.date_at_start_of_followup
    return follow_up is None or (follow_up > dob and age_in_years(dob, follow_up) < check.MAX_AGE)


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
    """The two terms in which ARP's and VRP's dynamic sets differ (see `vrp`)."""

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


PartTable = dict[int, Part]
"""Prebuilt parts keyed by `id(input value)`, for the singleton inputs (None, True, False, enum
members). Each part holds its value, so that object stays alive and no other object can have
its id: a hit means the input *is* that object, and the part is exactly the one that would be
built. Any other input (a miss) builds its part as usual."""
_BOOLS = (None, False, True)
_STATUSES = (None, *RelationshipStatus)


def _table(values: tuple[object, ...], build: Callable[[Any], Part]) -> PartTable:
    return {id(value): build(value) for value in values}


@dataclass(frozen=True, slots=True)
class NeedsParts:
    """`needs_parts` output for every singleton input, computed once from `NeedsCoefs`."""

    accommodation: PartTable
    unemployed: PartTable
    live_in: PartTable
    quality: PartTable
    live_in_quality: PartTable
    not_live_in_quality: PartTable
    domestic_abuse: PartTable
    activities: PartTable
    motivation: PartTable
    chronic_drinking: PartTable
    binge_drinking: PartTable
    impulsivity: PartTable
    attitude: PartTable
    opiate: tuple[Part, Part]
    drugs: tuple[tuple[Part, Part], ...]
    """(unused, used) parts in `_DRUG_TERMS` order."""
    other_drugs: tuple[Part, Part]


@cache
def needs_part_tables(model: Model, variant: NeedsVariant) -> NeedsParts:
    c = needs_coefs(model, variant)
    living = RelationshipStatus.IN_RELATIONSHIP_LIVING_TOGETHER
    return NeedsParts(
        accommodation=_table(
            _LEVELS, lambda v: ("suitableAccommodationWeight", v, c.accommodation[v])
        ),
        unemployed=_table(_BOOLS, lambda v: ("unemployedWeight", v, c.unemployed[1 if v else 0])),
        live_in=_table(
            _STATUSES,
            lambda v: ("liveInRelationshipWeight", v, c.live_in if v is living else ZERO),
        ),
        quality=_table(_LEVELS, lambda v: ("relationshipQualityWeight", v, c.quality[v])),
        live_in_quality=_table(
            _LEVELS, lambda v: ("multiplicativeRelationshipWeight", v, c.live_in_quality[v])
        ),
        not_live_in_quality=_table(
            _LEVELS, lambda v: ("multiplicativeRelationshipWeight", v, ZERO)
        ),
        domestic_abuse=_table(
            _BOOLS, lambda v: ("domesticViolenceWeight", v, c.domestic_abuse if v else ZERO)
        ),
        activities=_table(
            _LEVELS, lambda v: ("regularOffendingActivitiesWeight", v, c.activities[v])
        ),
        motivation=_table(_MOTIVATIONS, lambda v: ("drugMotivationWeight", v, c.motivation[v])),
        chronic_drinking=_table(
            _LEVELS, lambda v: ("chronicDrinkingProblemsWeight", v, c.chronic_drinking[v])
        ),
        binge_drinking=_table(
            _LEVELS, lambda v: ("bingeDrinkingProblemsWeight", v, c.binge_drinking[v])
        ),
        impulsivity=_table(_LEVELS, lambda v: ("impulsivityProblemsWeight", v, c.impulsivity[v])),
        attitude=_table(_LEVELS, lambda v: (variant.attitude_name, v, c.attitude[v])),
        opiate=((variant.opiate_name, False, ZERO), (variant.opiate_name, True, c.opiate)),
        drugs=tuple(((name, False, ZERO), (name, True, coef)) for name, coef in c.drugs),
        other_drugs=(
            ("otherDrugUsageWeight", False, ZERO),
            ("otherDrugUsageWeight", True, c.other_drugs),
        ),
    )


_TABLES: dict[tuple[int, int], tuple[Model, NeedsVariant, NeedsCoefs, NeedsParts]] = {}
"""`needs_coefs` and `needs_part_tables` by object identity (hashing the frozen `NeedsVariant`
on every request costs more than the look-up; the entry keeps both objects, and so their ids,
alive)."""


def needs_parts(model: Model, request: PredictorRequest, variant: NeedsVariant) -> list[Part]:
    """The dynamic terms of ARP and VRP: ordinal items score × coef, flags coef if true.

    Each term is a table look-up for singleton inputs (see `PartTable`); the expression after
    each `or` builds it for any other input, as the tables were built.
    """
    r = request
    found = _TABLES.get((id(model), id(variant)))
    if found is None:
        found = _TABLES[id(model), id(variant)] = (
            model,
            variant,
            needs_coefs(model, variant),
            needs_part_tables(model, variant),
        )
    c, t = found[2], found[3]
    living_together = (
        r.current_relationship_status is RelationshipStatus.IN_RELATIONSHIP_LIVING_TOGETHER
    )
    accommodation = r.suitability_of_accommodation
    unemployed = r.is_unemployed
    status = r.current_relationship_status
    partner = r.current_relationship_with_partner
    abuse = r.evidence_of_domestic_abuse
    activities = r.regular_offending_activities
    motivation = r.motivation_to_tackle_drug_misuse
    chronic = r.current_alcohol_use_problems
    binge = r.excessive_alcohol_use
    impulsivity = r.impulsivity_problems
    attitude = getattr(r, ATTRIBUTE[variant.attitude_field])
    parts: list[Part] = [
        t.accommodation.get(id(accommodation))
        or ("suitableAccommodationWeight", accommodation, c.accommodation[accommodation]),
        t.unemployed.get(id(unemployed))
        or ("unemployedWeight", unemployed, c.unemployed[1 if unemployed else 0]),
        t.live_in.get(id(status))
        or ("liveInRelationshipWeight", status, c.live_in if living_together else ZERO),
        t.quality.get(id(partner)) or ("relationshipQualityWeight", partner, c.quality[partner]),
        (t.live_in_quality if living_together else t.not_live_in_quality).get(id(partner))
        or (
            "multiplicativeRelationshipWeight",
            partner,
            c.live_in_quality[partner] if living_together else ZERO,
        ),
        t.domestic_abuse.get(id(abuse))
        or ("domesticViolenceWeight", abuse, c.domestic_abuse if abuse else ZERO),
        t.activities.get(id(activities))
        or ("regularOffendingActivitiesWeight", activities, c.activities[activities]),
        t.motivation.get(id(motivation))
        or ("drugMotivationWeight", motivation, c.motivation[motivation]),
        t.chronic_drinking.get(id(chronic))
        or ("chronicDrinkingProblemsWeight", chronic, c.chronic_drinking[chronic]),
        t.binge_drinking.get(id(binge))
        or ("bingeDrinkingProblemsWeight", binge, c.binge_drinking[binge]),
        t.impulsivity.get(id(impulsivity))
        or ("impulsivityProblemsWeight", impulsivity, c.impulsivity[impulsivity]),
        t.attitude.get(id(attitude))
        or (
            variant.attitude_name,
            attitude,
            c.attitude[attitude if isinstance(attitude, ProblemLevel) else None],
        ),
        t.opiate[getattr(r, ATTRIBUTE[variant.opiate_field]) is True],
    ]
    for pair, value in zip(t.drugs, _read_drugs(r), strict=True):
        parts.append(pair[value is True])
    other = False
    for value in _read_other_drugs(r):
        if value is True:
            other = True
            break
    parts.append(t.other_drugs[other])
    return parts


def arp(request: PredictorRequest) -> ScoreResult:
    """Score ARP for one request; never raises for a well-typed request.

    `select_and_score` inlined (no closures): static/dynamic selection, then the chosen model's
    terms.
    """
    assessment = request.assessment_date or today_london()
    static_errors, category = validate_static(request, assessment)
    errors = validate_dynamic(request)
    if static_errors:
        static_errors.extend(errors.errors())
        return ScoreResult(None, None, None, static_errors.errors())
    dynamic = not errors
    score_type = ScoreType.DYNAMIC if dynamic else ScoreType.STATIC
    try:
        assert category is not None
        h = check.derive_history(request, category, assessment)
        parts: tuple[Part, ...] = (
            (*static_parts(DYNAMIC_MODEL, h), *needs_parts(DYNAMIC_MODEL, request, ARP_NEEDS))
            if dynamic
            else static_parts(STATIC_MODEL, h)
        )
        score = percent_score(parts)
        if score <= 0.0:
            raise CalculationError(f"Percentage score cannot be less than 0%: {score}")
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        errors.extend((unexpected(exc),))
        return ScoreResult(score_type, None, None, errors.errors())
    return ScoreResult(score_type, score, band(score), errors.errors(), parts)
