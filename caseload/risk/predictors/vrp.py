"""VRP, the Violent Reoffending Predictor: static ≈ OGRS4/V, dynamic ≈ OVP2.

Two-year proven violent reoffending. Structure as ARP plus the violent-history terms; the dynamic
set swaps pro-criminal attitudes for temper control and heroin for methadone, and requires the
drug-misuse motivation answer.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
src/main/kotlin/.../service/ViolentReoffendingPredictorRiskProducerService.kt,
.../service/transformation/ViolentReoffendingPredictorTransformationHelper.kt,
.../service/validation/ViolentReoffendingPredictorValidator.kt and
.../service/constants/ViolentReoffendingPredictorConstant.kt (career offsets 12 and 30).
"""

from __future__ import annotations

from datetime import date

from caseload.risk.predictors import history_checks as check
from caseload.risk.predictors.arp import NeedsVariant, needs_parts
from caseload.risk.predictors.coefficients import vrp as coefficients
from caseload.risk.predictors.coefficients.offence_groups import OFFENCE_GROUPS
from caseload.risk.predictors.dates import today_london
from caseload.risk.predictors.enums import ActuarialCategory, Band
from caseload.risk.predictors.errors import ErrorCollector, ErrorType
from caseload.risk.predictors.ogrs4 import (
    History,
    Model,
    Part,
    common_parts,
    copas_part,
    gap_part,
    months_part,
    percent_band,
    select_and_score,
    violent_parts,
)
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import ScoreResult

STATIC_MODEL = Model.build(
    "VRP static", coefficients.STATIC, {k: v[2] for k, v in OFFENCE_GROUPS.items()}, "COPAS_V", 12
)
DYNAMIC_MODEL = Model.build(
    "VRP dynamic", coefficients.DYNAMIC, {k: v[3] for k, v in OFFENCE_GROUPS.items()}, "COPAS_V", 12
)

STATIC_REQUIRED = check.STATIC_REQUIRED_WITH_VIOLENCE
DYNAMIC_REQUIRED = (
    "suitabilityOfAccommodation",
    "isUnemployed",
    "currentRelationshipWithPartner",
    "evidenceOfDomesticAbuse",
    "currentRelationshipStatus",
    "regularOffendingActivities",
    "motivationToTackleDrugMisuse",
    "currentAlcoholUseProblems",
    "excessiveAlcoholUse",
    "impulsivityProblems",
    "temperControl",
)
DRUG_FIELDS = (
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
    "hasMethadoneUsage",
)
OPTIONAL = ("dateAtStartOfFollowup", "actuarialCategory", *DRUG_FIELDS)
BANDS = ((80.0, Band.VERY_HIGH), (60.0, Band.HIGH), (30.0, Band.MEDIUM), (0.0, Band.LOW))
band = percent_band(BANDS)
VRP_NEEDS = NeedsVariant(
    "temperControlWeight",
    "TEMPER",
    "temperControl",
    "methadoneUsageWeight",
    "METHADONE",
    "hasMethadoneUsage",
)
VIOLENT_NAMES = (
    "neverViolentWeight",
    "onceViolentWeight",
    "totalNumberOfViolentSanctionsWeight",
    "copasViolentOffencesScore",
)


def validate_static(
    request: PredictorRequest, assessment: date
) -> tuple[ErrorCollector, ActuarialCategory | None]:
    errors = ErrorCollector()
    check.require(request, STATIC_REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    check.first_sanction_in_range(request, errors)
    check.sanctions_in_range(request, errors)
    check.violent_in_range(request, errors)
    category = check.offence_category(request, errors)
    check.conviction_after_birth(request, errors)
    check.first_sanction_not_after_conviction(request, errors)
    check.conviction_within_three_months(request, assessment, errors)
    check.followup_checks(request, errors)
    return errors, category


def validate_dynamic(request: PredictorRequest) -> ErrorCollector:
    errors = ErrorCollector()
    check.require(request, DYNAMIC_REQUIRED, errors, ErrorType.MISSING_DYNAMIC_INPUT)
    check.drug_motivation(request, DRUG_FIELDS, errors)
    return errors


def static_parts(model: Model, h: History) -> tuple[Part, ...]:
    never, once, per, rate = violent_parts(model, h, VIOLENT_NAMES)
    return (
        *common_parts(model, h),
        never,
        once,
        per,
        gap_part(model, h),
        months_part(model, h),
        copas_part(model, h),
        rate,
    )


def vrp(request: PredictorRequest) -> ScoreResult:
    """Score VRP for one request; never raises for a well-typed request."""
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
            *needs_parts(DYNAMIC_MODEL, request, VRP_NEEDS),
        ),
        band,
        zero_is_error=True,
    )
