"""IIC-SRP, the Images and Indirect Contact Sexual Reoffending Predictor (OSP/IIC).

A hierarchy of fixed probabilities for men with a sexual-offence history. Women with a history
score 0.0 LOW (a doubt: the legacy model returned NOT_APPLICABLE), but the anchor still reads
their counts and throws on a null one.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c, src/main/kotlin/.../service/
ImagesAndIndirectContactSexualReoffendingPredictorProducerService.kt,
.../service/transformation/ImagesAndIndirectContactSexualReoffendingPredictorTransformationHelper.kt
and .../service/validation/ImagesAndIndirectContactSexualReoffendingPredictorValidator.kt.
"""

from __future__ import annotations

from caseload.risk.predictors.coefficients import sexual as k
from caseload.risk.predictors.enums import Band, Gender, ScoreType
from caseload.risk.predictors.errors import CalculationError, ErrorCollector, ErrorType, unexpected
from caseload.risk.predictors.history_checks import require
from caseload.risk.predictors.numeric import double_percent_2dp
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import SexualResult, Term
from caseload.risk.predictors.sexual_checks import (
    COUNT_FIELDS,
    count_checks,
    counts,
    counts_present,
    inconsistency,
)

REQUIRED = ("gender", "hasEverCommittedSexualOffence")


def validate(request: PredictorRequest) -> ErrorCollector:
    errors = ErrorCollector()
    require(request, REQUIRED, errors, ErrorType.MISSING_MANDATORY_INPUT)
    counts_present(request, errors)
    count_checks(request, errors)
    inconsistency(request, errors)
    return errors


def hierarchy_weight(images: int, adult: int, child: int, non_contact: int) -> float:
    """The first matching row of the anchor's hierarchy.

    Row 5's "and" (non-contact and contact-adult both non-zero) is a doubt: no anchor test covers
    it, and the legacy fall-through scored such a man 0.281 %. Kept as the anchor has it.
    """
    if images >= 2:
        return k.IIC_TWO_PLUS_IMAGES
    if images == 1:
        return k.IIC_ONE_IMAGE
    if child >= 2:
        return k.IIC_TWO_PLUS_CHILD_CONTACT
    if child == 1:
        return k.IIC_ONE_CHILD_CONTACT
    if non_contact != 0 and adult != 0:
        return k.IIC_NON_CONTACT_AND_ADULT_CONTACT
    return k.IIC_OTHERWISE


def weight_band(weight: float) -> Band:
    if weight == k.IIC_TWO_PLUS_IMAGES:
        return Band.HIGH
    if weight == k.IIC_ONE_IMAGE:
        return Band.MEDIUM
    return Band.LOW


def iic_srp(request: PredictorRequest) -> SexualResult:
    """Score IIC-SRP for one request; never raises for a well-typed request."""
    errors = validate(request)
    female = request.gender is Gender.FEMALE
    history = request.has_ever_committed_sexual_offence
    if errors:
        return SexualResult(ScoreType.STATIC, None, None, errors.errors())
    if history is not True:
        return SexualResult(
            ScoreType.STATIC, 0.0, Band.NOT_APPLICABLE, (), (), None, female, history, None
        )
    try:
        images, adult, child, non_contact = counts(request)
        for name, value in zip(COUNT_FIELDS, (images, adult, child, non_contact), strict=True):
            if value is None:
                raise CalculationError(f"{name} must not be null")
        assert images is not None and adult is not None and child is not None
        assert non_contact is not None
        weight = 0.0 if female else hierarchy_weight(images, adult, child, non_contact)
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        return SexualResult(ScoreType.STATIC, None, None, (unexpected(exc),))
    terms = (Term("imagesAndIndirectContactWeight", (images, adult, child, non_contact), weight),)
    score = double_percent_2dp(weight)
    return SexualResult(
        ScoreType.STATIC, score, weight_band(weight), (), terms, None, female, history, None
    )
