"""SVRP, the Serious Violent Reoffending Predictor.

Two-year proven serious violent (non-sexual) reoffending; the OASys v4 successor of SNSV with new
coefficients, and a component of CSRP. Unlike ARP and VRP it does not validate the follow-up date
(an anchor quirk) and it bands a 0.00 % score LOW instead of rejecting it (another quirk).

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
src/main/kotlin/.../service/SeriousViolentReoffendingPredictorRiskProducerService.kt,
.../service/transformation/SeriousViolentReoffendingPredictorTransformationHelper.kt,
.../service/validation/SeriousViolentReoffendingPredictorValidator.kt and
.../service/constants/SeriousViolentReoffendingPredictorConstant.kt.
"""

from __future__ import annotations

from datetime import date

from caseload.risk.predictors import history_checks as check
from caseload.risk.predictors.coefficients import svrp as coefficients
from caseload.risk.predictors.coefficients.offence_groups import OFFENCE_GROUPS
from caseload.risk.predictors.dates import today_london
from caseload.risk.predictors.enums import (
    PROBLEM_SCORE,
    ActuarialCategory,
    Band,
    PreviousConviction,
    ProblemLevel,
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
    violent_parts,
)
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import ScoreResult

STATIC_MODEL = Model.build(
    "SVRP static", coefficients.STATIC, {k: v[4] for k, v in OFFENCE_GROUPS.items()}, "COPAS_V", 12
)
DYNAMIC_MODEL = Model.build(
    "SVRP dynamic",
    coefficients.DYNAMIC,
    {k: v[5] for k, v in OFFENCE_GROUPS.items()},
    "COPAS_V",
    12,
)

STATIC_REQUIRED = check.STATIC_REQUIRED_WITH_VIOLENCE
DYNAMIC_REQUIRED = (
    "didOffenceInvolveCarryingOrUsingWeapon",
    "suitabilityOfAccommodation",
    "isUnemployed",
    "currentAlcoholUseProblems",
    "temperControl",
    "proCriminalAttitudes",
    "previousConvictions",
)
OPTIONAL = ("dateAtStartOfFollowup", "actuarialCategory")
BANDS = ((6.9, Band.VERY_HIGH), (3.0, Band.HIGH), (1.0, Band.MEDIUM), (0.0, Band.LOW))
band = percent_band(BANDS)
VIOLENT_NAMES = (
    "neverViolentWeight",
    "onceViolentWeight",
    "violentSanctionsWeight",
    "violenceRateWeight",
)
PAST_OFFENCES = (
    ("pastHomicideOffenceWeight", "PAST_HOMICIDE_OFFENCE", PreviousConviction.HOMICIDE),
    (
        "pastWoundingGrievousBodilyHarmOffenceWeight",
        "PAST_GBH_OFFENCE",
        PreviousConviction.WOUNDING_GBH,
    ),
    ("pastKidnappingOffenceWeight", "PAST_KIDNAPPING_OFFENCE", PreviousConviction.KIDNAPPING),
    ("pastFirearmsOffenceWeight", "PAST_FIREARMS_OFFENCE", PreviousConviction.FIREARMS),
    ("pastRobberyOffenceWeight", "PAST_ROBBERY_OFFENCE", PreviousConviction.ROBBERY),
    (
        "pastAggravatedBurglaryOffenceWeight",
        "PAST_AGGRAVATED_BURGLARY_OFFENCE",
        PreviousConviction.AGGRAVATED_BURGLARY,
    ),
    ("pastNonFirearmWeaponOffenceWeight", "PAST_WEAPON_OFFENCE", PreviousConviction.WEAPON),
    (
        "pastCriminalDamageOffenceWeight",
        "PAST_CRIMINAL_DAMAGE_OFFENCE",
        PreviousConviction.CRIMINAL_DAMAGE,
    ),
    ("pastArsonOffenceWeight", "PAST_ARSON_OFFENCE", PreviousConviction.ARSON),
)


def validate_static(
    request: PredictorRequest, assessment: date
) -> tuple[ErrorCollector, ActuarialCategory | None]:
    errors = ErrorCollector()
    check.require(request, STATIC_REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    check.sanctions_in_range(request, errors)
    check.violent_in_range(request, errors)
    category = check.offence_category(request, errors)
    check.first_sanction_in_range(request, errors)
    check.conviction_after_birth(request, errors)
    check.first_sanction_not_after_conviction(request, errors)
    check.conviction_within_three_months(request, assessment, errors)
    return errors, category


def validate_dynamic(request: PredictorRequest) -> ErrorCollector:
    errors = ErrorCollector()
    check.require(request, DYNAMIC_REQUIRED, errors, ErrorType.MISSING_DYNAMIC_INPUT)
    return errors


def static_parts(model: Model, h: History) -> tuple[Part, ...]:
    return (
        *common_parts(model, h),
        gap_part(model, h),
        months_part(model, h),
        copas_part(model, h),
        *violent_parts(model, h, VIOLENT_NAMES),
    )


def dynamic_parts(model: Model, request: PredictorRequest) -> list[Part]:
    """The dynamic terms; each previous-conviction type counts once, duplicates do not add."""
    r = request

    def score(field: str) -> int:
        level = r.get(field)
        return PROBLEM_SCORE.get(level, 0) if isinstance(level, ProblemLevel) else 0

    weapon = r.did_offence_involve_carrying_or_using_weapon is True
    parts: list[Part] = [
        (
            "offenceInvolveCarryingOrUsingWeaponsWeight",
            weapon,
            model.coef("CARRY_OR_USE_WEAPON") if weapon else ZERO,
        ),
        (
            "suitableAccommodationWeight",
            r.suitability_of_accommodation,
            model.scaled("ACCOMMODATION_SUITABILITY", score("suitabilityOfAccommodation")),
        ),
        (
            "unemployedWeight",
            r.is_unemployed,
            model.scaled("UNEMPLOYED", 2 if r.is_unemployed else 0),
        ),
        (
            "chronicDrinkingProblemsWeight",
            r.current_alcohol_use_problems,
            model.scaled("CHRONIC_DRINKING", score("currentAlcoholUseProblems")),
        ),
        ("temperControlWeight", r.temper_control, model.scaled("TEMPER", score("temperControl"))),
        (
            "proCriminalAttitudesWeight",
            r.pro_criminal_attitudes,
            model.scaled("PRO_CRIMINAL_ATTITUDE", score("proCriminalAttitudes")),
        ),
    ]
    previous = frozenset(r.previous_convictions or ())
    for name, key, conviction in PAST_OFFENCES:
        present = conviction in previous
        parts.append((name, present, model.coef(key) if present else ZERO))
    return parts


def svrp(request: PredictorRequest) -> ScoreResult:
    """Score SVRP for one request; never raises for a well-typed request."""
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
        lambda: (*static_parts(DYNAMIC_MODEL, history()), *dynamic_parts(DYNAMIC_MODEL, request)),
        band,
        zero_is_error=False,
    )
