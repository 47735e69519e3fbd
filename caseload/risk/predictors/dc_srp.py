"""DC-SRP, the Direct Contact Sexual Reoffending Predictor (OSP/DC).

Men with a sexual-offence history only: a 0–64 point scale, a logistic in IEEE doubles, bands on
points and an optional one-band reduction for long offence-free periods in the community.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
src/main/kotlin/.../service/DirectContactSexualReoffendingPredictorProducerService.kt,
.../service/transformation/DirectContactSexualReoffendingPredictorTransformationHelper.kt,
.../service/validation/DirectContactSexualReoffendingPredictorValidator.kt and
.../service/validation/CommonValidator.kt.
"""

from __future__ import annotations

from datetime import date

from caseload.risk.predictors.coefficients import sexual as k
from caseload.risk.predictors.dates import age_at, age_in_years, today_london, years_between
from caseload.risk.predictors.enums import Band, Gender, ScoreType, SupervisionStatus
from caseload.risk.predictors.errors import ErrorCollector, ErrorType, unexpected
from caseload.risk.predictors.history_checks import MAX_AGE, MAX_SANCTIONS, require
from caseload.risk.predictors.numeric import double_percent_2dp, logistic_float
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import SexualResult, Term
from caseload.risk.predictors.sexual_checks import (
    count_checks,
    counts_apply,
    counts_present,
    inconsistency,
)

REQUIRED = (
    "gender",
    "supervisionStatus",
    "hasEverCommittedSexualOffence",
    "dateOfBirth",
    "dateAtStartOfFollowup",
    "totalNumberOfSanctionsForAllOffences",
)
OPTIONAL = ("isCurrentOffenceAgainstVictimStranger", "mostRecentOffenceDate", "assessmentDate")
_ORDER = (Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH)


def validate(request: PredictorRequest) -> ErrorCollector:
    errors = ErrorCollector()
    require(request, REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    counts_present(request, errors)
    n = request.total_number_of_sanctions_for_all_offences
    if counts_apply(request) and n is not None and not 1 <= n <= MAX_SANCTIONS:
        errors.add(
            ErrorType.TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE,
            ("totalNumberOfSanctionsForAllOffences",),
        )
    count_checks(request, errors)
    dob = request.date_of_birth
    if request.gender is Gender.MALE and request.has_ever_committed_sexual_offence is True:
        recent = request.date_of_most_recent_sexual_offence
        if recent is None:
            errors.add(ErrorType.MISSING_MANDATORY_INPUT, ("dateOfMostRecentSexualOffence",))
        elif dob is not None and recent <= dob:
            errors.add(
                ErrorType.DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_BEFORE_DATE_OF_BIRTH,
                ("dateOfMostRecentSexualOffence",),
            )
        elif dob is not None and age_in_years(dob, recent) >= MAX_AGE:
            errors.add(
                ErrorType.DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_OUT_OF_RANGE,
                ("dateOfMostRecentSexualOffence",),
            )
    follow_up = request.date_at_start_of_followup
    if (
        counts_apply(request)
        and follow_up is not None
        and dob is not None
        and follow_up > dob
        and age_in_years(dob, follow_up) >= MAX_AGE
    ):
        errors.add(ErrorType.DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE, ("dateAtStartOfFollowup",))
    inconsistency(request, errors)
    return errors


def count_points(count: int | None, points: tuple[int, int, int]) -> int:
    """1 → first, 2 → second, ≥ 3 → third value; zero, negative or absent → 0."""
    if count is None or count < 1:
        return 0
    return points[min(count, 3) - 1]


def followup_age_points(age: int) -> int:
    """14 − max(0, ⌊(a − 18)/3⌋) below 60, else 0 (a ≤ 20 → 14, 21–23 → 13, …, 57–59 → 1)."""
    if age >= k.DC_FOLLOWUP_AGE_NONE_FROM:
        return 0
    steps = max(0, (age - k.DC_FOLLOWUP_AGE_BASE) // k.DC_FOLLOWUP_AGE_STEP)
    return k.DC_FOLLOWUP_AGE_MAX_POINTS - steps


def recent_offence_age_points(age: int) -> int:
    for lowest, points in k.DC_RECENT_OFFENCE_AGE:
        if age >= lowest:
            return points
    return 0


def points_band(points: int) -> Band:
    for lowest, band in k.DC_BANDS:
        if points >= lowest:
            return Band(band)
    return Band.LOW


def probability(points: int) -> float:
    return 0.0 if points == 0 else logistic_float(k.DC_INTERCEPT + k.DC_SLOPE * points)


def reduction_applies(request: PredictorRequest, band: Band, assessment: date) -> bool:
    """The one-band reduction rule of the transformation helper; every condition must hold."""
    follow_up = request.date_at_start_of_followup
    if (
        request.gender is not Gender.MALE
        or request.supervision_status is SupervisionStatus.CUSTODY
        or band is Band.LOW
        or follow_up is None
    ):
        return False
    for earlier in (request.most_recent_offence_date, request.date_of_most_recent_sexual_offence):
        if earlier is not None and years_between(earlier, assessment) < k.DC_REDUCTION_YEARS:
            return False
    return years_between(follow_up, assessment) >= k.DC_REDUCTION_YEARS


def _terms(request: PredictorRequest) -> tuple[Term, ...]:
    r = request
    dob, follow_up = r.date_of_birth, r.date_at_start_of_followup
    if dob is None or follow_up is None or r.total_number_of_sanctions_for_all_offences is None:
        raise ValueError("validation should have rejected this request")
    age = age_at(dob, follow_up, "dateAtStartOfFollowup")
    recent = r.date_of_most_recent_sexual_offence
    recent_age = 0 if recent is None else age_in_years(dob, recent)
    n = r.total_number_of_sanctions_for_all_offences
    stranger = r.is_current_offence_against_victim_stranger is True
    adult = r.total_contact_adult_sexual_sanctions
    child = r.total_contact_child_sexual_sanctions
    non_contact = r.total_non_contact_sexual_offences
    return (
        Term(
            "totalContactAdultSexualSanctionsWeight", adult, count_points(adult, k.DC_CONTACT_ADULT)
        ),
        Term(
            "totalContactChildSexualSanctionsWeight", child, count_points(child, k.DC_CONTACT_CHILD)
        ),
        Term(
            "totalNonContactSexualOffencesWeight",
            non_contact,
            count_points(non_contact, k.DC_NON_CONTACT),
        ),
        Term("ageAtStartOfFollowUpWeight", age, followup_age_points(age)),
        Term(
            "ageAtLastSanctionForSexualOffenceWeight",
            recent_age,
            recent_offence_age_points(recent_age),
        ),
        Term(
            "totalNumberOfSanctionsForAllOffencesWeight",
            n,
            k.DC_TWO_OR_MORE_SANCTIONS if n >= 2 else 0,
        ),
        Term(
            "currentOffenceAgainstVictimStrangerWeight",
            stranger,
            k.DC_STRANGER_VICTIM if stranger else 0,
        ),
    )


def dc_srp(request: PredictorRequest) -> SexualResult:
    """Score DC-SRP for one request; never raises for a well-typed request."""
    errors = validate(request)
    female = request.gender is Gender.FEMALE
    history = request.has_ever_committed_sexual_offence
    if errors:
        return SexualResult(ScoreType.STATIC, None, None, errors.errors())
    if female or history is False:
        return SexualResult(
            ScoreType.STATIC, 0.0, Band.NOT_APPLICABLE, (), (), None, female, history, None
        )
    try:
        terms = _terms(request)
        points = sum(int(term.weight) for term in terms)
        score = double_percent_2dp(probability(points))
        band = points_band(points)
        reduced: bool | None = None
        if points > 0:
            assessment = request.assessment_date or today_london()
            reduced = reduction_applies(request, band, assessment)
            if reduced:
                band = _ORDER[_ORDER.index(band) - 1]
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        return SexualResult(ScoreType.STATIC, None, None, (unexpected(exc),))
    return SexualResult(ScoreType.STATIC, score, band, (), terms, points, False, history, reduced)
