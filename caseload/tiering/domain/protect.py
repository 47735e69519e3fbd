"""v2 protect level A–D.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
ProtectLevelCalculator.kt and AdditionalFactorsForWomen.kt, .../domain/enums/RsrThresholds.kt,
Rosh.kt, Mappa.kt and ComplexityFactor.kt (v2, "Unified Tiering Model"), and its BDD features.
Points come from RSR, RoSH, MAPPA level, complexity registrations and, for women only,
additional factors; only the larger of RSR and RoSH counts.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from caseload.tiering.domain.inputs import (
    MappaLevel,
    ProblemAnswer,
    RoshLevel,
    TierV2Inputs,
    WomensFactorAnswers,
    YesNoAnswer,
)
from caseload.tiering.domain.needs import ANSWER_SCORES
from caseload.tiering.domain.reasons import Reason, total_points
from caseload.tiering.domain.registrations import COMPLEXITY_CODES, RegistrationFlags


class ProtectLevel(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


@dataclass(frozen=True)
class RsrBand:
    """An inclusive RSR range and its points."""

    lowest: Decimal
    highest: Decimal
    points: int


#: RsrThresholds.kt (a quirk, kept): the anchor builds these bounds from binary doubles (7.0, 99.99,
#: 3.0, 6.99) and compares them with an exactly parsed RSR, so the effective upper bounds are the
#: doubles' exact values: RSR 99.99 scores 0 and anything strictly between 6.99 and 7 scores 0.
RSR_BANDS: tuple[RsrBand, ...] = (
    RsrBand(Decimal("7"), Decimal("99.9899999999999948840923025272786617279052734375"), 20),
    RsrBand(Decimal("3"), Decimal("6.9900000000000002131628207280300557613372802734375"), 10),
)

#: RoSH points (Rosh.kt).
ROSH_POINTS: dict[RoshLevel, int] = {
    RoshLevel.VERY_HIGH: 150,
    RoshLevel.HIGH: 20,
    RoshLevel.MEDIUM: 10,
    RoshLevel.LOW: 0,
}

#: MAPPA level points (Mappa.kt).
MAPPA_POINTS: dict[MappaLevel, int] = {
    MappaLevel.M3: 150,
    MappaLevel.M2: 150,
    MappaLevel.M1: 5,
}

COMPLEXITY_POINTS_EACH = 2
#: AdditionalFactorsForWomen.kt: each women's additional factor scores 2.
WOMENS_FACTOR_POINTS = 2

#: ProtectLevelCalculator.kt: lowest total points for each level, highest level first.
PROTECT_THRESHOLDS: tuple[tuple[int, ProtectLevel], ...] = (
    (150, ProtectLevel.A),
    (20, ProtectLevel.B),
    (10, ProtectLevel.C),
)


@dataclass(frozen=True)
class ProtectResult:
    level: ProtectLevel
    points: int
    reasons: tuple[Reason, ...]


def protect_level_for(points: int) -> ProtectLevel:
    """ProtectLevelCalculator.kt: 150+ A, 20–149 B, 10–19 C, under 10 D."""
    for lowest, level in PROTECT_THRESHOLDS:
        if points >= lowest:
            return level
    return ProtectLevel.D


def rsr_points(rsr: Decimal | None) -> int:
    """RsrThresholds.kt: a missing RSR counts as 0; values outside both bands score 0."""
    score = Decimal(0) if rsr is None else rsr
    for band in RSR_BANDS:
        if band.lowest <= score <= band.highest:
            return band.points
    return 0


def protect(inputs: TierV2Inputs, flags: RegistrationFlags) -> ProtectResult:
    """Total protect points and level, with one reason per fact that was read."""
    rsr = rsr_points(inputs.rsr_score)
    rosh = 0 if flags.rosh is None else ROSH_POINTS[flags.rosh]
    reasons = [_rsr_reason(inputs.rsr_score, rsr)]
    if flags.rosh is not None:
        reasons.append(
            Reason(
                f"RoSH {_words(flags.rosh)}",
                rosh,
                f"RoSH {_words(flags.rosh)} scores {rosh} protect points",
            )
        )
    overlap = min(rsr, rosh)
    if overlap:
        reasons.append(
            Reason(
                "RSR and RoSH overlap",
                -overlap,
                f"only the larger of RSR ({rsr}) and RoSH ({rosh}) points counts",
            )
        )
    if flags.mappa_level is not None:
        mappa = MAPPA_POINTS[flags.mappa_level]
        reasons.append(
            Reason(
                f"MAPPA level {flags.mappa_level.value[1]}",
                mappa,
                "MAPPA level 2 or 3 scores 150 protect points"
                if mappa == 150
                else "MAPPA level 1 scores 5 protect points",
            )
        )
    reasons.extend(
        Reason(
            f"{COMPLEXITY_CODES[code]} ({code})",
            COMPLEXITY_POINTS_EACH,
            "each complexity registration scores 2 protect points",
        )
        for code in flags.complexity_codes
    )
    if inputs.is_female:
        reasons.extend(womens_factor_reasons(inputs))
    reason_tuple = tuple(reasons)
    points = total_points(reason_tuple)
    return ProtectResult(level=protect_level_for(points), points=points, reasons=reason_tuple)


def womens_factor_reasons(inputs: TierV2Inputs) -> list[Reason]:
    """A woman's factors (AdditionalFactorsForWomen.kt): OASys ones need an assessment."""
    answers = None if inputs.assessment is None else inputs.assessment.womens_factors
    return womens_factor_points(answers, inputs.previous_enforcement_activity)


def womens_factor_points(
    answers: WomensFactorAnswers | None, previous_enforcement_activity: bool
) -> list[Reason]:
    """The women's additional factors that apply (each worth 2). `answers=None`: no assessment.

    The explainer (ministryofjustice/hmpps-tier-ui@59033442) says self-control needs "more than
    1", but the code fires on a score of 1 or more (Some or Significant); we follow the code.
    """
    reasons: list[Reason] = []
    if answers is not None:
        if _score(answers.parenting_responsibilities) > 0:
            reasons.append(
                Reason(
                    "Parenting or caring responsibilities (OASys 6.9)",
                    WOMENS_FACTOR_POINTS,
                    "women's additional factor: 2 protect points",
                )
            )
        if _score(answers.impulsivity) > 0 or _score(answers.temper_control) > 0:
            reasons.append(
                Reason(
                    "Self-control or temper problems (OASys 11.2 / 11.4)",
                    WOMENS_FACTOR_POINTS,
                    "women's additional factor, counted once: 2 protect points",
                )
            )
    if previous_enforcement_activity:
        reasons.append(
            Reason(
                "Breach or recall",
                WOMENS_FACTOR_POINTS,
                "women's additional factor: 2 protect points",
            )
        )
    return reasons


def _score(answer: YesNoAnswer | ProblemAnswer | None) -> int:
    return 0 if answer is None else ANSWER_SCORES[answer]


def _rsr_reason(rsr: Decimal | None, points: int) -> Reason:
    if rsr is None:
        return Reason("No RSR score", 0, "a missing RSR counts as 0")
    if points == 20:
        rule = "RSR from 7 up to just under 99.99 scores 20 protect points"
    elif points == 10:
        rule = "RSR from 3 up to 6.99 scores 10 protect points"
    else:
        rule = (
            "RSR below 3, between 6.99 and 7, or 99.99 and above scores 0 protect points "
            "(the anchor's band bounds are binary doubles)"
        )
    return Reason(f"RSR {rsr}", points, rule)


def _words(level: StrEnum) -> str:
    return level.value.replace("_", " ").lower()
