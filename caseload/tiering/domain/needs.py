"""Need severity of one OASys section from its answers.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/client/arns/
NeedSection.kt, SectionAnswer.kt and Threshold.kt, .../domain/enums/NeedSeverity.kt, and its
unit tests. The score is the sum over every answer present in the section (the anchor does not
restrict the sum to the listed questions: a quirk, kept); a section whose answers are all
`Missing`/`Unknown`, or that has no answers, is ignored: no score and no severity.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from caseload.tiering.domain.inputs import (
    FrequencyAnswer,
    NeedSection,
    NeedSeverity,
    OasysAnswer,
    ProblemAnswer,
    YesNoAnswer,
)

#: SectionAnswer.kt: the score each OASys answer contributes.
ANSWER_SCORES: dict[OasysAnswer, int] = {
    ProblemAnswer.NONE: 0,
    ProblemAnswer.SOME: 1,
    ProblemAnswer.SIGNIFICANT: 2,
    ProblemAnswer.MISSING: 0,
    YesNoAnswer.YES: 2,
    YesNoAnswer.NO: 0,
    YesNoAnswer.UNKNOWN: 0,
    FrequencyAnswer.NEVER: 0,
    FrequencyAnswer.PREVIOUS: 1,
    FrequencyAnswer.CURRENTLY: 2,
}

#: SectionAnswer.kt: answers that count as "not answered" when deciding if a section is ignored.
NOT_ANSWERED: frozenset[OasysAnswer] = frozenset({ProblemAnswer.MISSING, YesNoAnswer.UNKNOWN})


@dataclass(frozen=True)
class SeverityThresholds:
    """Lowest section scores giving STANDARD and SEVERE need."""

    standard: int
    severe: int


#: NeedSection.kt: normal thresholds for the eight sections scored from answers.
THRESHOLDS: dict[NeedSection, SeverityThresholds] = {
    NeedSection.ACCOMMODATION: SeverityThresholds(2, 7),
    NeedSection.EDUCATION_TRAINING_AND_EMPLOYABILITY: SeverityThresholds(3, 7),
    NeedSection.RELATIONSHIPS: SeverityThresholds(2, 5),
    NeedSection.LIFESTYLE_AND_ASSOCIATES: SeverityThresholds(2, 5),
    NeedSection.DRUG_MISUSE: SeverityThresholds(2, 8),
    NeedSection.ALCOHOL_MISUSE: SeverityThresholds(4, 7),
    NeedSection.THINKING_AND_BEHAVIOUR: SeverityThresholds(4, 7),
    NeedSection.ATTITUDES: SeverityThresholds(2, 7),
}

#: NeedSection.kt: thresholds used instead when the assessment has the SAN indicator
#: (read as the "Strengths and Needs" assessment: our inference).
SAN_THRESHOLDS: dict[NeedSection, SeverityThresholds] = {
    NeedSection.ACCOMMODATION: SeverityThresholds(3, 5),
    NeedSection.DRUG_MISUSE: SeverityThresholds(2, 6),
    NeedSection.ALCOHOL_MISUSE: SeverityThresholds(2, 4),
    NeedSection.THINKING_AND_BEHAVIOUR: SeverityThresholds(3, 5),
    NeedSection.ATTITUDES: SeverityThresholds(1, 5),
}

#: The sections whose severity is computed from answers (weight-0 sections are not).
SCORED_SECTIONS: tuple[NeedSection, ...] = tuple(THRESHOLDS)

#: SectionAnswer.kt: the anchor tries Problem names first, then Yes/No, then Frequency.
_ANSWER_FAMILIES: tuple[type[OasysAnswer], ...] = (ProblemAnswer, YesNoAnswer, FrequencyAnswer)


@dataclass(frozen=True)
class SectionNeed:
    """A section's score and severity; both None when the section is ignored."""

    score: int | None
    severity: NeedSeverity | None


def parse_answer(text: str | None) -> OasysAnswer | None:
    """Read an OASys answer name. Blank or None is no answer; other text raises ValueError."""
    if text is None or not text.strip():
        return None
    for family in _ANSWER_FAMILIES:
        if text in family.__members__.values():
            return family(text)
    raise ValueError(f"unknown OASys answer {text!r}")


def section_need(
    section: NeedSection, answers: Mapping[str, OasysAnswer | None], *, san_indicator: bool
) -> SectionNeed:
    """Score one section and grade its severity. Unanswered questions may be None."""
    thresholds = _thresholds(section, san_indicator=san_indicator)
    given = [answer for answer in answers.values() if answer is not None]
    if all(answer in NOT_ANSWERED for answer in given):
        return SectionNeed(score=None, severity=None)
    score = sum(ANSWER_SCORES[answer] for answer in given)
    return SectionNeed(score=score, severity=severity_for(score, thresholds))


def severity_for(score: int, thresholds: SeverityThresholds) -> NeedSeverity:
    if score >= thresholds.severe:
        return NeedSeverity.SEVERE
    if score >= thresholds.standard:
        return NeedSeverity.STANDARD
    return NeedSeverity.NO_NEED


def _thresholds(section: NeedSection, *, san_indicator: bool) -> SeverityThresholds:
    if section not in THRESHOLDS:
        raise ValueError(f"{section} is not scored from answers")
    if san_indicator and section in SAN_THRESHOLDS:
        return SAN_THRESHOLDS[section]
    return THRESHOLDS[section]
