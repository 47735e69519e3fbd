"""OGRS3, the revised Offender Group Reconviction Scale (legacy).

Static only: 1- and 2-year proven reoffending, from age/sex, first-or-repeat sanction, the Copas
rate and the OGRS3 offence category, in IEEE doubles with the legacy integer-percent rounding.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4,
src/main/kotlin/.../service/OGRS3RiskProducerService.kt,
.../service/transformation/OGRS3TransformationHelper.kt and
.../service/validation/OGRS3ValidationHelper.kt. The model: Howard, Francis, Soothill and
Humphreys, "OGRS 3: the revised Offender Group Reconviction Scale", Ministry of Justice, 2009.
"""

from __future__ import annotations

import math

from caseload.risk.predictors.coefficients import legacy as k
from caseload.risk.predictors.dates import age_at
from caseload.risk.predictors.enums import Band, Gender
from caseload.risk.predictors.errors import (
    MESSAGES,
    CalculationError,
    ErrorCollector,
    ErrorType,
    unexpected,
)
from caseload.risk.predictors.history_checks import require
from caseload.risk.predictors.numeric import legacy_percent, logistic_float, round_5dp_to_double
from caseload.risk.predictors.offences import lookup_offence
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import Ogrs3Result, Term

E = ErrorType
REQUIRED = (
    "gender",
    "dateOfBirth",
    "dateOfCurrentConviction",
    "dateAtStartOfFollowup",
    "totalNumberOfSanctionsForAllOffences",
    "ageAtFirstSanction",
    "currentOffenceCode",
)
OPTIONAL = ("ogrs3Category",)
MINIMUM_CONVICTION_AGE = 10
_EXP_GUARD = (-745.0, 709.0)


def age_gender_parameter(age: int, female: bool) -> float:
    if age < k.OGRS3_AGE_GENDER[0][0]:
        raise CalculationError("Unhandled age")
    parameter = 0.0
    for lowest, male_value, female_value in k.OGRS3_AGE_GENDER:
        if age >= lowest:
            parameter = female_value if female else male_value
    return parameter


def offence_parameter(request: PredictorRequest, errors: ErrorCollector) -> float | None:
    """`ogrs3Category` if given, else the code's category (manage-offences V66/V67)."""
    if request.ogrs3_category is not None:
        return k.OGRS3_OFFENCE_PARAMETER[request.ogrs3_category.value]
    code = request.current_offence_code or ""
    offence = lookup_offence(code)
    if offence is not None and offence.ogrs3_needs_exact_offence:
        errors.add(E.NEED_DETAILS_OF_EXACT_OFFENCE, ("currentOffenceCode",))
        return None
    if offence is None or offence.ogrs3_category is None:
        message = MESSAGES[E.OFFENCE_CODE_MAPPING_NOT_FOUND].removesuffix("offence code") + code
        errors.add(E.OFFENCE_CODE_MAPPING_NOT_FOUND, ("currentOffenceCode",), message)
        return None
    return k.OGRS3_OFFENCE_PARAMETER[offence.ogrs3_category.value]


def percent(linear: float) -> int:
    """Logistic, 5 d.p. half-up, back to a double, integer percent half-up, clamp 1–99."""
    if not _EXP_GUARD[0] < linear < _EXP_GUARD[1]:
        raise CalculationError(f"Exponent out of range: {linear}")
    return legacy_percent(round_5dp_to_double(logistic_float(linear)))


def band(two_year: int) -> Band:
    for lowest, name in k.OGRS3_BANDS:
        if two_year >= lowest:
            return Band(name)
    raise CalculationError(f"Invalid OGRS3 two-year score: {two_year}")


def ogrs3(request: PredictorRequest) -> Ogrs3Result:
    """Score OGRS3 for one request; never raises for a well-typed request."""
    errors = ErrorCollector()
    require(request, REQUIRED, errors, E.MISSING_MANDATORY_INPUT)
    n = request.total_number_of_sanctions_for_all_offences
    if n is not None and n < 1:
        errors.add(
            E.TOTAL_NUMBER_OF_SANCTIONS_LESS_THAN_ONE, ("totalNumberOfSanctionsForAllOffences",)
        )
    code = request.current_offence_code
    if code is not None and len(code) != 5:
        errors.add(E.OFFENCE_CODE_INCORRECT_FORMAT, ("currentOffenceCode",))
    if errors:
        return Ogrs3Result(None, None, None, errors.errors())
    dob, conviction = request.date_of_birth, request.date_of_current_conviction
    follow_up, first = request.date_at_start_of_followup, request.age_at_first_sanction
    assert dob and conviction and follow_up and first is not None and n is not None
    try:
        current = age_at(dob, conviction, "dateOfCurrentConviction")
        age = age_at(dob, follow_up, "dateAtStartOfFollowup")
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        return Ogrs3Result(None, None, None, (unexpected(exc),))
    if current < MINIMUM_CONVICTION_AGE:
        errors.add(
            E.AGE_AT_CURRENT_CONVICTION_LESS_THAN_TEN, ("dateOfBirth", "dateOfCurrentConviction")
        )
    if first > current:
        errors.add(
            E.AGE_AT_FIRST_SANCTION_AFTER_AGE_AT_CURRENT_CONVICTION,
            ("dateOfBirth", "dateOfCurrentConviction", "ageAtFirstSanction"),
        )
    offence = offence_parameter(request, errors)
    if errors or offence is None:
        return Ogrs3Result(None, None, None, errors.errors())
    try:
        age_gender = age_gender_parameter(age, request.gender is Gender.FEMALE)
        status = k.OGRS3_FIRST_SANCTION if n == 1 else k.OGRS3_REPEAT_SANCTION
        denominator = k.OGRS3_COPAS_OFFSET + current - first
        if denominator <= 0:
            raise CalculationError("Copas rate denominator must be positive")
        copas = k.OGRS3_COPAS * math.log(n / denominator)
        linear = age_gender + status + copas + offence
        one_year = percent(k.OGRS3_ONE_YEAR_INTERCEPT + linear)
        two_year = percent(k.OGRS3_TWO_YEAR_INTERCEPT + linear)
        result_band = band(two_year)
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        return Ogrs3Result(None, None, None, (unexpected(exc),))
    terms = (
        Term("ageGenderScore", age, age_gender),
        Term("convictionStatusScore", n, status),
        Term("copasScore", (n, current, first), copas),
        Term("offenceGroupParameter", request.ogrs3_category or code, offence),
    )
    return Ogrs3Result(one_year, two_year, result_band, (), terms)
