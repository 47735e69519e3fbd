"""Whether a v3 tier is provisional.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
ProvisionalStatusCalculator.kt (v3 provisional rules, 8 June 2026) and its unit tests. A tier is
provisional when a static predictor could still move it (test A), or when RoSH is missing and
nothing but the missing-RoSH-proof steps already reaches the tier RoSH could give (test B).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from caseload.tiering.domain.inputs import MappaCategory, PredictorScore, PredictorType, RoshLevel
from caseload.tiering.domain.v3_steps import INFINITY, V3Step, V3Tier, highest, table_one

#: Test B: the tier a missing RoSH must already reach, with and without MAPPA.
MISSING_ROSH_FLOOR_WITH_MAPPA = V3Tier.A
MISSING_ROSH_FLOOR_WITHOUT_MAPPA = V3Tier.C
ZERO = Decimal(0)


@dataclass(frozen=True)
class ProvisionalFinding:
    provisional: bool
    explanation: str


def _is(predictor: PredictorScore | None, kind: PredictorType) -> bool:
    return predictor is not None and predictor.score_type is kind


def _score(predictor: PredictorScore | None) -> Decimal:
    """A missing predictor or score counts as 0 in the maxArp/maxCsrp lookups."""
    if predictor is None or predictor.score is None:
        return ZERO
    return predictor.score


def provisional(
    steps: Mapping[V3Step, V3Tier | None],
    *,
    rosh: RoshLevel | None,
    mappa_category: MappaCategory | None,
    arp: PredictorScore | None,
    csrp: PredictorScore | None,
) -> ProvisionalFinding:
    """Test A (static predictors) or test B (missing RoSH) makes the tier provisional."""
    static = _static_predictors_test(steps, arp, csrp)
    if static is not None:
        return static
    if rosh is None:
        missing_rosh = _missing_rosh_test(steps, mappa_category, arp, csrp)
        if missing_rosh is not None:
            return missing_rosh
    return ProvisionalFinding(False, "no static predictor or missing RoSH could raise the tier")


def _static_predictors_test(
    steps: Mapping[V3Step, V3Tier | None],
    arp: PredictorScore | None,
    csrp: PredictorScore | None,
) -> ProvisionalFinding | None:
    arp_static = _is(arp, PredictorType.STATIC)
    csrp_static = _is(csrp, PredictorType.STATIC)
    if not (arp_static or csrp_static):
        return None
    other = highest(letter for step, letter in steps.items() if step is not V3Step.REOFFENDING)
    if arp_static and csrp_static:
        ceiling, which = V3Tier.A, "ARP and CSRP are"
    elif arp_static:
        ceiling, which = table_one(INFINITY, _score(csrp)), "ARP is"
    else:
        ceiling, which = table_one(_score(arp), INFINITY), "CSRP is"
    if other.is_below(ceiling):
        return ProvisionalFinding(
            True,
            f"{which} static and the other steps give {other.value}, below the "
            f"{ceiling.value} a dynamic assessment could reach",
        )
    return None


def _missing_rosh_test(
    steps: Mapping[V3Step, V3Tier | None],
    mappa_category: MappaCategory | None,
    arp: PredictorScore | None,
    csrp: PredictorScore | None,
) -> ProvisionalFinding | None:
    both_dynamic = _is(arp, PredictorType.DYNAMIC) and _is(csrp, PredictorType.DYNAMIC)
    left_out = {V3Step.MAPPA_ROSH} if both_dynamic else {V3Step.MAPPA_ROSH, V3Step.REOFFENDING}
    without_rosh = highest(letter for step, letter in steps.items() if step not in left_out)
    floor = (
        MISSING_ROSH_FLOOR_WITH_MAPPA
        if mappa_category is not None
        else MISSING_ROSH_FLOOR_WITHOUT_MAPPA
    )
    if without_rosh.is_below(floor):
        return ProvisionalFinding(
            True,
            f"RoSH is missing and the steps that do not depend on it give "
            f"{without_rosh.value}, below {floor.value}",
        )
    return None
