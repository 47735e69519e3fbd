"""OVP, the OASys Violence Predictor (legacy).

Violent reoffending in 1 and 2 years: a 0–100 point scale of static and dynamic items, then a
logistic on the points.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4,
src/main/kotlin/.../service/OVPRiskProducerService.kt,
.../service/transformation/OVPTransformationHelper.kt and
.../service/validation/OVPValidationHelper.kt.
"""

from __future__ import annotations

import math

from caseload.risk.predictors.coefficients import legacy as k
from caseload.risk.predictors.dates import age_at
from caseload.risk.predictors.enums import PROBLEM_SCORE, Band, Gender
from caseload.risk.predictors.errors import CalculationError, ErrorCollector, ErrorType, unexpected
from caseload.risk.predictors.history_checks import require
from caseload.risk.predictors.numeric import legacy_percent, logistic_float
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import PointsResult, Term

REQUIRED = (
    "gender",
    "dateOfBirth",
    "dateAtStartOfFollowup",
    "totalNumberOfSanctionsForAllOffences",
    "totalNumberOfViolentSanctions",
    "doesRecogniseImpactOfOffendingOnOthers",
    "isCurrentlyOfNoFixedAbodeOrTransientAccommodation",
    "isUnemployed",
    "currentAlcoholUseProblems",
    "excessiveAlcoholUse",
    "hasCurrentPsychiatricTreatment",
    "temperControl",
    "proCriminalAttitudes",
)


def violent_points(violent: int) -> int:
    if violent < 0:
        raise CalculationError(f"Invalid totalNumberOfViolentSanctions value: {violent}")
    return k.OVP_VIOLENT_SANCTIONS[min(violent, len(k.OVP_VIOLENT_SANCTIONS) - 1)]


def non_violent_points(non_violent: int) -> int:
    if non_violent < 0:
        raise CalculationError(f"Invalid non-violent sanctions value: {non_violent}")
    for lowest, points in k.OVP_NON_VIOLENT_SANCTIONS:
        if non_violent >= lowest:
            return points
    return 0


def age_points(age: int) -> int:
    if age < k.OVP_MINIMUM_AGE:
        raise CalculationError("Invalid ageAtStartOfFollowup value")
    for lowest, points in k.OVP_AGE:
        if age >= lowest:
            return points
    return 0


def band(two_year: int) -> Band:
    for lowest, name in k.OVP_BANDS:
        if two_year >= lowest:
            return Band(name)
    raise CalculationError(f"Invalid OVP two-year score: {two_year}")


def point_terms(request: PredictorRequest) -> tuple[Term, ...]:
    r = request
    dob, follow_up = r.date_of_birth, r.date_at_start_of_followup
    n, v = r.total_number_of_sanctions_for_all_offences, r.total_number_of_violent_sanctions
    assert dob and follow_up and n is not None and v is not None
    assert r.current_alcohol_use_problems and r.excessive_alcohol_use
    assert r.temper_control and r.pro_criminal_attitudes
    age = age_at(dob, follow_up, "dateAtStartOfFollowup")
    alcohol = PROBLEM_SCORE[r.current_alcohol_use_problems] + PROBLEM_SCORE[r.excessive_alcohol_use]
    recognises = r.does_recognise_impact_of_offending_on_others
    no_fixed_abode = r.is_currently_of_no_fixed_abode_or_transient_accommodation
    temper, attitudes = PROBLEM_SCORE[r.temper_control], PROBLEM_SCORE[r.pro_criminal_attitudes]
    return (
        Term("anySanctionsPoints", n, k.OVP_ANY_SANCTIONS if n > 0 else 0),
        Term("violentSanctionsPoints", v, violent_points(v)),
        Term("nonViolentSanctionsPoints", n - v, non_violent_points(n - v)),
        Term("ageAtStartOfFollowupPoints", age, age_points(age)),
        Term("malePoints", r.gender, k.OVP_MALE if r.gender is Gender.MALE else 0),
        Term(
            "notRecognisingImpactPoints",
            recognises,
            k.OVP_NOT_RECOGNISING_IMPACT if recognises is False else 0,
        ),
        Term("noFixedAbodePoints", no_fixed_abode, k.OVP_NO_FIXED_ABODE if no_fixed_abode else 0),
        Term("unemployedPoints", r.is_unemployed, k.OVP_UNEMPLOYED if r.is_unemployed else 0),
        Term("alcoholPoints", alcohol, math.ceil(k.OVP_ALCOHOL_FACTOR * alcohol)),
        Term(
            "psychiatricTreatmentPoints",
            r.has_current_psychiatric_treatment,
            k.OVP_PSYCHIATRIC_TREATMENT if r.has_current_psychiatric_treatment else 0,
        ),
        Term("temperControlPoints", r.temper_control, k.OVP_TEMPER_FACTOR * temper),
        Term(
            "proCriminalAttitudesPoints",
            r.pro_criminal_attitudes,
            k.OVP_PRO_CRIMINAL_FACTOR * attitudes,
        ),
    )


def ovp(request: PredictorRequest) -> PointsResult:
    """Score OVP for one request; never raises for a well-typed request."""
    errors = ErrorCollector()
    require(request, REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    n = request.total_number_of_sanctions_for_all_offences
    if n is not None and n < 1:
        errors.add(
            ErrorType.TOTAL_NUMBER_OF_SANCTIONS_LESS_THAN_ONE,
            ("totalNumberOfSanctionsForAllOffences",),
        )
    if errors:
        return PointsResult(None, None, None, None, errors.errors())
    try:
        terms = point_terms(request)
        points = sum(int(term.weight) for term in terms)
        one = legacy_percent(logistic_float(k.OVP_SLOPE * points + k.OVP_ONE_YEAR_INTERCEPT))
        two = legacy_percent(logistic_float(k.OVP_SLOPE * points + k.OVP_TWO_YEAR_INTERCEPT))
        result_band = band(two)
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        return PointsResult(None, None, None, None, (unexpected(exc),))
    return PointsResult(points, one, two, result_band, (), terms)
