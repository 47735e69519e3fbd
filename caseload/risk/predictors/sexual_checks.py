"""The shared "sexual common" validator of DC-SRP, IIC-SRP and CSRP.

"Not female" includes an absent gender; "history ≠ false" includes an absent answer. Negative
counts are not rejected (a doubt: the legacy version threw).
Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
src/main/kotlin/.../service/validation/CommonValidator.kt.
"""

from __future__ import annotations

from caseload.risk.predictors.enums import Gender
from caseload.risk.predictors.errors import ErrorCollector, ErrorType
from caseload.risk.predictors.request import PredictorRequest

COUNT_FIELDS = (
    "totalIndecentImageSanctions",
    "totalContactAdultSexualSanctions",
    "totalContactChildSexualSanctions",
    "totalNonContactSexualOffences",
)


def counts_apply(request: PredictorRequest) -> bool:
    """Whether the count rules apply: not female and history not answered false."""
    return (
        request.gender is not Gender.FEMALE
        and request.has_ever_committed_sexual_offence is not False
    )


def counts(request: PredictorRequest) -> tuple[int | None, int | None, int | None, int | None]:
    return (
        request.total_indecent_image_sanctions,
        request.total_contact_adult_sexual_sanctions,
        request.total_contact_child_sexual_sanctions,
        request.total_non_contact_sexual_offences,
    )


def counts_present(request: PredictorRequest, errors: ErrorCollector) -> None:
    if counts_apply(request):
        missing = tuple(
            name for name, value in zip(COUNT_FIELDS, counts(request), strict=True) if value is None
        )
        if missing:
            errors.add(ErrorType.MISSING_MANDATORY_INPUT, missing)


def count_checks(request: PredictorRequest, errors: ErrorCollector) -> None:
    if not counts_apply(request):
        return
    values = counts(request)
    if all(value == 0 for value in values):
        errors.add(ErrorType.SEXUAL_REOFFENDING_PREDICTOR_NO_SANCTIONS, COUNT_FIELDS)
        return
    n = request.total_number_of_sanctions_for_all_offences
    if n is not None and sum(value for value in values if value is not None) > n:
        errors.add(ErrorType.TOTAL_NUMBER_OF_SEXUAL_SANCTIONS_OUT_OF_RANGE, COUNT_FIELDS)


def inconsistency(request: PredictorRequest, errors: ErrorCollector) -> None:
    """Sexual sanctions recorded although the history answer is not true."""
    if request.gender is Gender.FEMALE or request.has_ever_committed_sexual_offence is True:
        return
    offending = tuple(
        name
        for name, value in zip(COUNT_FIELDS, counts(request), strict=True)
        if value is not None and value != 0
    )
    if offending:
        errors.add(
            ErrorType.SEXUAL_REOFFENDING_PREDICTOR_INCONSISTENT_INPUT,
            ("hasEverCommittedSexualOffence", *offending),
        )
