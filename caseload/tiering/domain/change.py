"""v2 change level 0–3.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
ChangeLevelCalculator.kt and MandateForChange.kt, .../domain/enums/Need.kt (weights), and its
BDD features. The checks run in order: no mandate for change gives 0; a mandate without an OASys
assessment gives 2 (OGRS and IOM are not added: an anchor quirk, kept); otherwise needs, OGRS and
IOM points set the level.
"""

from dataclasses import dataclass

from caseload.tiering.domain.inputs import Conviction, NeedSection, NeedSeverity, TierV2Inputs
from caseload.tiering.domain.reasons import Reason, total_points
from caseload.tiering.domain.registrations import RegistrationFlags

#: Custodial sentence types (MandateForChange.kt).
CUSTODIAL_SENTENCE_TYPES = frozenset({"NC", "SC"})
#: Requirement categories (MandateForChange.kt) that never give a mandate: unpaid work, order
#: extended.
NON_MANDATE_REQUIREMENTS = frozenset({"W", "W1"})

#: Need.kt weights: how much each need section's severity counts towards change.
NEED_WEIGHTS: dict[NeedSection, int] = {
    NeedSection.ACCOMMODATION: 1,
    NeedSection.EDUCATION_TRAINING_AND_EMPLOYABILITY: 1,
    NeedSection.RELATIONSHIPS: 1,
    NeedSection.LIFESTYLE_AND_ASSOCIATES: 1,
    NeedSection.DRUG_MISUSE: 1,
    NeedSection.ALCOHOL_MISUSE: 1,
    NeedSection.THINKING_AND_BEHAVIOUR: 2,
    NeedSection.ATTITUDES: 2,
    NeedSection.FINANCIAL_MANAGEMENT_AND_INCOME: 0,
    NeedSection.EMOTIONAL_WELL_BEING: 0,
}

SEVERITY_SCORES: dict[NeedSeverity, int] = {
    NeedSeverity.NO_NEED: 0,
    NeedSeverity.STANDARD: 1,
    NeedSeverity.SEVERE: 2,
}

IOM_POINTS = 2
NO_MANDATE_LEVEL = 0
NO_ASSESSMENT_LEVEL = 2

#: ChangeLevelCalculator.kt: lowest change points for each level, highest level first; under 10
#: is level 1.
CHANGE_THRESHOLDS: tuple[tuple[int, int], ...] = ((20, 3), (10, 2))
LOWEST_ASSESSED_LEVEL = 1


@dataclass(frozen=True)
class ChangeResult:
    level: int
    points: int
    reasons: tuple[Reason, ...]


def change_level_for(points: int) -> int:
    """ChangeLevelCalculator.kt: 20+ gives 3, 10–19 gives 2, under 10 gives 1."""
    for lowest, level in CHANGE_THRESHOLDS:
        if points >= lowest:
            return level
    return LOWEST_ASSESSED_LEVEL


def has_mandate_for_change(convictions: tuple[Conviction, ...]) -> bool:
    """MandateForChange.kt: a current custodial sentence, or a current non-restrictive
    requirement that is not unpaid work or an order extension."""
    return any(
        _gives_mandate(conviction) for conviction in convictions if not conviction.terminated
    )


def _gives_mandate(conviction: Conviction) -> bool:
    if conviction.sentence_type in CUSTODIAL_SENTENCE_TYPES:
        return True
    return any(
        not requirement.restrictive and requirement.main_category not in NON_MANDATE_REQUIREMENTS
        for requirement in conviction.requirements
    )


def change(inputs: TierV2Inputs, flags: RegistrationFlags) -> ChangeResult:
    if not has_mandate_for_change(inputs.convictions):
        reason = Reason(
            "No mandate for change",
            0,
            "no current custodial sentence and no current non-restrictive requirement other "
            "than unpaid work or an order extension: change level 0",
        )
        return ChangeResult(level=NO_MANDATE_LEVEL, points=0, reasons=(reason,))
    if inputs.assessment is None:
        reason = Reason(
            "No OASys assessment",
            0,
            "a mandate for change without an assessment gives change level 2; "
            "OGRS and IOM are not counted",
        )
        return ChangeResult(level=NO_ASSESSMENT_LEVEL, points=0, reasons=(reason,))
    reasons = [
        _need_reason(section, severity)
        for section, severity in sorted(
            inputs.assessment.needs.items(), key=lambda item: list(NeedSection).index(item[0])
        )
    ]
    ogrs = inputs.ogrs_score or 0
    reasons.append(
        Reason(
            f"OGRS {inputs.ogrs_score}" if inputs.ogrs_score is not None else "No OGRS score",
            ogrs // 10,
            "OGRS adds one change point per whole 10% (a missing OGRS counts as 0)",
        )
    )
    if flags.iom_nominal:
        reasons.append(
            Reason(
                "Integrated Offender Management nominal (IIOM)",
                IOM_POINTS,
                "an IOM registration adds 2 change points",
            )
        )
    reason_tuple = tuple(reasons)
    points = total_points(reason_tuple)
    return ChangeResult(level=change_level_for(points), points=points, reasons=reason_tuple)


def _need_reason(section: NeedSection, severity: NeedSeverity) -> Reason:
    weight = NEED_WEIGHTS[section]
    points = weight * SEVERITY_SCORES[severity]
    name = section.value.replace("_", " ").lower()
    return Reason(
        f"{name.capitalize()} need: {severity.value.replace('_', ' ').lower()}",
        points,
        f"need weight {weight} × severity score {SEVERITY_SCORES[severity]}",
    )
