"""OGP, the OASys General reoffending Predictor (legacy).

Non-violent reoffending in 1 and 2 years: a 0–100 point scale on the OGRS3 2-year percentage
plus OASys dynamic items, then a logistic on the points.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4,
src/main/kotlin/.../service/OGPRiskProducerService.kt,
.../service/transformation/OGPTransformationHelper.kt and
.../service/validation/OGPValidationHelper.kt.
"""

from __future__ import annotations

from caseload.risk.predictors.coefficients import legacy as k
from caseload.risk.predictors.enums import (
    MOTIVATION_SCORE,
    PROBLEM_SCORE,
    YES_SOMETIMES_NO_SCORE,
    Band,
)
from caseload.risk.predictors.errors import (
    CalculationError,
    ErrorCollector,
    ErrorType,
    PredictorError,
    unexpected,
)
from caseload.risk.predictors.numeric import half_up_int, legacy_percent, logistic_float
from caseload.risk.predictors.ogrs3 import ogrs3
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import PointsResult, Term

REQUIRED = (
    "isCurrentlyOfNoFixedAbodeOrTransientAccommodation",
    "isUnemployed",
    "regularOffendingActivities",
    "currentDrugMisuse",
    "motivationToTackleDrugMisuse",
    "problemSolvingSkills",
    "awarenessOfConsequences",
    "understandsOtherPeoplesViews",
    "proCriminalAttitudes",
)
OGRS3_SCORE = "ogrs3TwoYear"
"""Supplied, or computed by OGRS3 from the same request (ours)."""


def band(two_year: int) -> Band:
    for lowest, name in k.OGP_BANDS:
        if two_year >= lowest:
            return Band(name)
    raise CalculationError(f"Invalid OGP two-year score: {two_year}")


def point_terms(request: PredictorRequest, ogrs3_two_year: int) -> tuple[Term, ...]:
    r = request
    assert r.regular_offending_activities and r.current_drug_misuse
    assert r.motivation_to_tackle_drug_misuse and r.problem_solving_skills
    assert r.awareness_of_consequences and r.understands_other_peoples_views
    assert r.pro_criminal_attitudes
    drugs = (
        PROBLEM_SCORE[r.current_drug_misuse] + MOTIVATION_SCORE[r.motivation_to_tackle_drug_misuse]
    )
    thinking = (
        PROBLEM_SCORE[r.problem_solving_skills]
        + YES_SOMETIMES_NO_SCORE[r.awareness_of_consequences]
        + PROBLEM_SCORE[r.understands_other_peoples_views]
    )
    return (
        Term("ogrs3Points", ogrs3_two_year, half_up_int(k.OGP_OGRS3_FACTOR * ogrs3_two_year)),
        Term(
            "noFixedAbodePoints",
            r.is_currently_of_no_fixed_abode_or_transient_accommodation,
            k.OGP_NO_FIXED_ABODE
            if r.is_currently_of_no_fixed_abode_or_transient_accommodation
            else 0,
        ),
        Term("unemployedPoints", r.is_unemployed, k.OGP_UNEMPLOYED if r.is_unemployed else 0),
        Term(
            "regularOffendingActivitiesPoints",
            r.regular_offending_activities,
            k.OGP_THREE_STEP[PROBLEM_SCORE[r.regular_offending_activities]],
        ),
        Term("drugMisusePoints", drugs, half_up_int(k.OGP_DRUG_FACTOR * drugs)),
        Term(
            "thinkingAndBehaviourPoints",
            thinking,
            half_up_int(thinking * k.OGP_THINKING_NUMERATOR / k.OGP_THINKING_DENOMINATOR),
        ),
        Term(
            "proCriminalAttitudesPoints",
            r.pro_criminal_attitudes,
            k.OGP_THREE_STEP[PROBLEM_SCORE[r.pro_criminal_attitudes]],
        ),
    )


def ogp(request: PredictorRequest) -> PointsResult:
    """Score OGP for one request; never raises for a well-typed request."""
    missing = [name for name in REQUIRED if request.get(name) is None]
    two_year = request.ogrs3_two_year
    ogrs3_errors: tuple[PredictorError, ...] = ()
    if two_year is None:
        base = ogrs3(request)
        two_year, ogrs3_errors = base.two_year, base.errors
    if two_year is None:
        missing.append(OGRS3_SCORE)
    errors = ErrorCollector()
    if missing:
        errors.add(ErrorType.MISSING_MANDATORY_INPUT, tuple(missing))
    errors.extend(ogrs3_errors)
    if errors or two_year is None:
        return PointsResult(None, None, None, None, errors.errors())
    try:
        terms = point_terms(request, two_year)
        points = sum(int(term.weight) for term in terms)
        one = legacy_percent(logistic_float(k.OGP_SLOPE * points + k.OGP_ONE_YEAR_INTERCEPT))
        two = legacy_percent(logistic_float(k.OGP_SLOPE * points + k.OGP_TWO_YEAR_INTERCEPT))
        result_band = band(two)
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        return PointsResult(None, None, None, None, (unexpected(exc),))
    return PointsResult(points, one, two, result_band, (), terms)
