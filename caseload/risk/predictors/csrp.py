"""CSRP, the Combined Serious Reoffending Predictor (RSR).

The sum of the SVRP, DC-SRP and IIC-SRP percentages, plus a constant for women with a sexual
history. It is evaluated after its components, from the same request.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c,
src/main/kotlin/.../service/CombinedSeriousReoffendingPredictorRiskProducerService.kt,
.../service/transformation/CombinedSeriousReoffendingPredictorTransformationHelper.kt,
.../service/coefficients/CombinedSeriousReoffendingPredictor.kt and
.../service/validation/CombinedSeriousReoffendingPredictorValidator.kt.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from caseload.risk.predictors.coefficients import sexual as k
from caseload.risk.predictors.dc_srp import dc_srp
from caseload.risk.predictors.enums import Band, Gender
from caseload.risk.predictors.errors import ErrorCollector, ErrorType
from caseload.risk.predictors.history_checks import require
from caseload.risk.predictors.iic_srp import iic_srp
from caseload.risk.predictors.numeric import EXACT, clamp_percent, double_percent_2dp
from caseload.risk.predictors.ogrs4 import percent_band
from caseload.risk.predictors.request import PredictorRequest
from caseload.risk.predictors.results import CombinedResult, ScoreResult, SexualResult, Term
from caseload.risk.predictors.svrp import svrp

REQUIRED = ("gender", "hasEverCommittedSexualOffence")
DIRECT_CONTACT = "DIRECT_CONTACT_SEXUAL_REOFFENDING_PREDICTOR"
INDIRECT_CONTACT = "IMAGES_AND_INDIRECT_CONTACT_SEXUAL_REOFFENDING_PREDICTOR"
SERIOUS_VIOLENT = "SERIOUS_VIOLENT_REOFFENDING_PREDICTOR"
BANDS = ((6.9, Band.VERY_HIGH), (3.0, Band.HIGH), (1.0, Band.MEDIUM), (0.0, Band.LOW))
band = percent_band(BANDS)
FEMALE_WITH_HISTORY_PERCENT = double_percent_2dp(k.CSRP_FEMALE_WITH_HISTORY)
"""asPercent(0.0038314176245211) = 0.38."""


def combined_score(components: tuple[float, ...]) -> float:
    """round₂ half-up of the double sum, then clamp, as the anchor's transformation helper."""
    total = 0.0
    for value in components:
        total += value
    return clamp_percent(Decimal(total).quantize(Decimal("0.01"), ROUND_HALF_UP, EXACT))


def failing_components(
    direct: SexualResult, indirect: SexualResult, serious: ScoreResult
) -> tuple[str, ...]:
    """SVRP's MISSING_DYNAMIC_INPUT alone is not a failure: its static score is used."""
    failing = []
    if direct.errors:
        failing.append(DIRECT_CONTACT)
    if indirect.errors:
        failing.append(INDIRECT_CONTACT)
    if any(e.type is not ErrorType.MISSING_DYNAMIC_INPUT for e in serious.errors) or (
        serious.score is None
    ):
        failing.append(SERIOUS_VIOLENT)
    return tuple(failing)


def csrp(request: PredictorRequest) -> CombinedResult:
    """Score CSRP (and its three components) for one request; never raises."""
    direct, indirect, serious = dc_srp(request), iic_srp(request), svrp(request)
    own = ErrorCollector()
    require(request, REQUIRED, own, ErrorType.MISSING_MANDATORY_INPUT)
    failing = failing_components(direct, indirect, serious)
    if failing or own:
        errors = ErrorCollector()
        errors.add(ErrorType.COMPONENT_VALIDATION_ERROR, failing)
        errors.extend(own.errors())
        return CombinedResult(
            serious.score_type, None, None, errors.errors(), (), serious, direct, indirect
        )
    female_history = (
        request.gender is Gender.FEMALE and request.has_ever_committed_sexual_offence is True
    )
    constant = FEMALE_WITH_HISTORY_PERCENT if female_history else 0.0
    parts = (
        ("seriousViolentPredictorScore", serious.score_type, serious.score or 0.0),
        ("directContactSexualPredictorScore", direct.band, direct.score or 0.0),
        ("indirectContactSexualPredictorScore", indirect.band, indirect.score or 0.0),
        ("femaleWithSexualHistoryWeight", female_history, constant),
    )
    score = combined_score(tuple(weight for _, _, weight in parts))
    terms = tuple(Term(*part) for part in parts)
    return CombinedResult(
        serious.score_type, score, band(score), (), terms, serious, direct, indirect
    )
