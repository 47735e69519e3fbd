"""Validation shared by ARP, VRP and SVRP, one function per anchor check.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c, src/main/kotlin/.../service/
validation/{AllReoffendingPredictor,ViolentReoffendingPredictor,
SeriousViolentReoffendingPredictor}Validator.kt.

Each predictor runs these in its own anchor order. Checks skip themselves when the inputs they
compare are absent (the missing fields are reported by `MISSING_MANDATORY_INPUT`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import attrgetter

from caseload.risk.predictors.dates import age_at, age_in_years, months_between, plus_months
from caseload.risk.predictors.enums import (
    MOTIVATION_SCORE,
    ActuarialCategory,
    Gender,
    MotivationLevel,
)
from caseload.risk.predictors.errors import ErrorCollector, ErrorType
from caseload.risk.predictors.offences import OFFENCE_CODE_FORMAT, lookup_offence
from caseload.risk.predictors.ogrs4 import History
from caseload.risk.predictors.request import ATTRIBUTE, PredictorRequest

E = ErrorType
MAX_AGE = 110
MAX_SANCTIONS = 999
MAX_OFFENCE_FREE_MONTHS = 36
CONVICTION_GRACE_MONTHS = 3

STATIC_REQUIRED = (
    # The anchor's list starts with assessmentDate, which can never be missing: it defaults to
    # today (anchor HEAD; Europe/London is our convention).
    "dateOfBirth",
    "dateOfCurrentConviction",
    "ageAtFirstSanction",
    "gender",
    "currentOffenceCode",
    "totalNumberOfSanctionsForAllOffences",
)
STATIC_REQUIRED_WITH_VIOLENCE = (*STATIC_REQUIRED, "totalNumberOfViolentSanctions")


_GETTERS: dict[tuple[str, ...], Callable[[PredictorRequest], tuple[object, ...]]] = {}


def _getter(names: tuple[str, ...]) -> Callable[[PredictorRequest], tuple[object, ...]]:
    """One C-level call reading all of `names` as a tuple (memoised per name tuple)."""
    getter = _GETTERS.get(names)
    if getter is None:
        attributes = [ATTRIBUTE[name] for name in names]
        # attrgetter returns a bare value for one name; repeat it so it always gives a tuple.
        getter = _GETTERS[names] = attrgetter(*attributes, *attributes[:1])
    return getter


def require(
    request: PredictorRequest, names: tuple[str, ...], errors: ErrorCollector, kind: ErrorType
) -> None:
    if None not in _getter(names)(request):
        return
    missing = tuple(name for name in names if getattr(request, ATTRIBUTE[name]) is None)
    if missing:
        errors.add(kind, missing)


def conviction_after_birth(request: PredictorRequest, errors: ErrorCollector) -> None:
    dob, conviction = request.date_of_birth, request.date_of_current_conviction
    if dob is not None and conviction is not None and conviction <= dob:
        errors.add(E.DATE_OF_CURRENT_CONVICTION_BEFORE_DATE_OF_BIRTH, ("dateOfCurrentConviction",))


def first_sanction_not_after_conviction(request: PredictorRequest, errors: ErrorCollector) -> None:
    dob, conviction = request.date_of_birth, request.date_of_current_conviction
    first = request.age_at_first_sanction
    if dob is None or conviction is None or first is None or conviction <= dob:
        return
    if age_in_years(dob, conviction) < first:
        errors.add(
            E.AGE_AT_FIRST_SANCTION_AFTER_AGE_AT_CURRENT_CONVICTION,
            ("dateOfCurrentConviction", "ageAtFirstSanction"),
        )


def conviction_within_three_months(
    request: PredictorRequest, assessment: date, errors: ErrorCollector
) -> None:
    conviction = request.date_of_current_conviction
    if conviction is not None and conviction > plus_months(assessment, CONVICTION_GRACE_MONTHS):
        errors.add(
            E.DATE_OF_CURRENT_CONVICTION_WITHIN_THREE_MONTHS_OF_ASSESSMENT_DATE,
            ("dateOfCurrentConviction", "assessmentDate"),
        )


def first_sanction_in_range(request: PredictorRequest, errors: ErrorCollector) -> None:
    first = request.age_at_first_sanction
    if first is not None and not 0 <= first < MAX_AGE:
        errors.add(E.AGE_AT_FIRST_SANCTION_OUT_OF_RANGE, ("ageAtFirstSanction",))


def offence_category(request: PredictorRequest, errors: ErrorCollector) -> ActuarialCategory | None:
    """Format, then mapping; an `actuarialCategory` override replaces only the lookup (ours)."""
    code = request.current_offence_code
    if code is None:
        return None
    if not OFFENCE_CODE_FORMAT.fullmatch(code):
        errors.add(E.OFFENCE_CODE_INCORRECT_FORMAT, ("currentOffenceCode",))
        return None
    category = request.actuarial_category
    if category is None:
        offence = lookup_offence(code)
        category = None if offence is None else offence.actuarial_category
    if category is None or category is ActuarialCategory.UNKNOWN:
        errors.add(E.OFFENCE_CODE_MAPPING_NOT_FOUND, ("currentOffenceCode",))
        return None
    return category


def sanctions_in_range(request: PredictorRequest, errors: ErrorCollector) -> None:
    n = request.total_number_of_sanctions_for_all_offences
    if n is not None and not 1 <= n <= MAX_SANCTIONS:
        errors.add(
            E.TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE, ("totalNumberOfSanctionsForAllOffences",)
        )


def violent_in_range(request: PredictorRequest, errors: ErrorCollector) -> None:
    v, n = (
        request.total_number_of_violent_sanctions,
        request.total_number_of_sanctions_for_all_offences,
    )
    if v is not None and (v < 0 or (n is not None and v > n)):
        errors.add(
            E.VIOLENT_SANCTION_OUT_OF_RANGE,
            ("totalNumberOfViolentSanctions", "totalNumberOfSanctionsForAllOffences"),
        )


def followup_checks(request: PredictorRequest, errors: ErrorCollector) -> None:
    """ARP and VRP only: follow-up required, after birth, and age at it under 110."""
    follow_up, dob = request.date_at_start_of_followup, request.date_of_birth
    if follow_up is None and request.date_of_current_conviction is None:
        errors.add(E.DATE_OF_START_OF_FOLLOWUP_REQUIRED, ("dateAtStartOfFollowup",))
    if follow_up is None or dob is None:
        return
    if follow_up <= dob:
        errors.add(E.DATE_OF_START_OF_FOLLOWUP_BEFORE_DATE_OF_BIRTH, ("dateAtStartOfFollowup",))
    elif age_in_years(dob, follow_up) >= MAX_AGE:
        errors.add(E.DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE, ("dateAtStartOfFollowup",))


def drug_motivation(
    request: PredictorRequest, drug_fields: tuple[str, ...], errors: ErrorCollector
) -> None:
    """With no drug-misuse motivation answer, no drug may be marked as used (anchor validators)."""
    if request.motivation_to_tackle_drug_misuse is not None:
        return
    used = tuple(name for name in drug_fields if getattr(request, ATTRIBUTE[name]) is True)
    if used:
        errors.add(E.MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT, used)


def derive_history(
    request: PredictorRequest, category: ActuarialCategory, assessment: date
) -> History:
    """The derived a, c − f, n, m (and v) for a request that passed static validation."""
    dob = request.date_of_birth
    conviction = request.date_of_current_conviction
    first = request.age_at_first_sanction
    n = request.total_number_of_sanctions_for_all_offences
    if dob is None or conviction is None or first is None or n is None:
        raise ValueError("static validation should have rejected this request")
    follow_up = request.date_at_start_of_followup or conviction
    age = age_at(dob, follow_up, "dateAtStartOfFollowup")
    current = age_at(dob, conviction, "dateOfCurrentConviction")
    months = 0
    if assessment >= follow_up:
        months = min(MAX_OFFENCE_FREE_MONTHS, months_between(follow_up, assessment))
    # `History(...)` without the NamedTuple's Python-level `__new__` (all seven fields given):
    # (female, age, sanctions, career, months, category, violent).
    return _new_tuple(
        History,
        (
            request.gender is Gender.FEMALE,
            age,
            n,
            current - first,
            months,
            category,
            request.total_number_of_violent_sanctions,
        ),
    )


_new_tuple = tuple.__new__


def motivation_score(level: MotivationLevel | None) -> int:
    """Absent motivation counts as FULL_MOTIVATION (0) for ARP, as the anchor."""
    return 0 if level is None else MOTIVATION_SCORE[level]
