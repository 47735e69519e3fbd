"""The short structured assessment: each question asked once, feeding predictors and tiers.

Question keys are the predictor request names of ministryofjustice/hmpps-arns-risk-actuarial-api
@016919c where a predictor uses the item, and the OASys need-section keys of
ministryofjustice/hmpps-tier@affac98a (`client/arns/NeedSection.kt`) otherwise; one answer serves
both. Items the record already holds are not asked again: unemployment and no-fixed-abode come
from the current circumstances. Answer codes are the predictor enum names (the anchor's
`src/main/kotlin/.../dto/{ProblemLevel,MotivationLevel,YesSometimesNo}.kt`); `tier_answer`
translates them to the OASys answer families the tier reads (hmpps-tier `SectionAnswer.kt`).
Which question feeds which need section is our own mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PROBLEM = (
    ("NO_PROBLEMS", "No problems"),
    ("SOME_PROBLEMS", "Some problems"),
    ("SIGNIFICANT_PROBLEMS", "Significant problems"),
)
MOTIVATION = (
    ("FULL_MOTIVATION", "Full motivation"),
    ("PARTIAL_MOTIVATION", "Partial motivation"),
    ("NO_MOTIVATION", "No motivation"),
)
YES_SOMETIMES_NO = (("YES", "Yes"), ("SOMETIMES", "Sometimes"), ("NO", "No"))
YES_NO = ((True, "Yes"), (False, "No"))
FREQUENCY = (("NEVER", "Never"), ("PREVIOUS", "Previously"), ("CURRENTLY", "Currently"))
PREVIOUS_CONVICTIONS = (
    ("HOMICIDE", "Homicide"),
    ("WOUNDING_GBH", "Wounding or GBH"),
    ("KIDNAPPING", "Kidnapping"),
    ("FIREARMS", "Firearms"),
    ("ROBBERY", "Robbery"),
    ("AGGRAVATED_BURGLARY", "Aggravated burglary"),
    ("WEAPON", "Weapon"),
    ("CRIMINAL_DAMAGE", "Criminal damage"),
    ("ARSON", "Arson"),
)
RELATIONSHIP_STATUS = (
    ("NOT_IN_RELATIONSHIP", "Not in a relationship"),
    ("IN_RELATIONSHIP_LIVING_TOGETHER", "In a relationship, living together"),
    ("IN_RELATIONSHIP_NOT_LIVING_TOGETHER", "In a relationship, not living together"),
)


@dataclass(frozen=True)
class Question:
    key: str
    section: str
    label: str
    answers: tuple[tuple[object, str], ...]
    need_section: str | None = None
    many: bool = False  # a list of answers; an empty list is an answer ("none")


def _q(
    key: str,
    section: str,
    label: str,
    answers: tuple[tuple[object, str], ...],
    need: str | None = None,
    *,
    many: bool = False,
) -> Question:
    return Question(key, section, label, answers, need, many)


ACC, ETE, REL, LIFE = (
    "ACCOMMODATION",
    "EDUCATION_TRAINING_AND_EMPLOYABILITY",
    "RELATIONSHIPS",
    "LIFESTYLE_AND_ASSOCIATES",
)
DRUG, ALC, TB, ATT = "DRUG_MISUSE", "ALCOHOL_MISUSE", "THINKING_AND_BEHAVIOUR", "ATTITUDES"

QUESTIONS: tuple[Question, ...] = (
    _q("suitabilityOfAccommodation", "Accommodation", "Suitability of accommodation", PROBLEM, ACC),
    _q("permanenceOfAccommodation", "Accommodation", "Permanence of accommodation", PROBLEM, ACC),
    _q("locationOfAccommodation", "Accommodation", "Suitability of location", PROBLEM, ACC),
    _q(
        "employmentHistory",
        "Education, training and employment",
        "Employment history",
        PROBLEM,
        ETE,
    ),
    _q(
        "workRelatedSkills",
        "Education, training and employment",
        "Work-related skills",
        PROBLEM,
        ETE,
    ),
    _q(
        "attitudeToEmployment",
        "Education, training and employment",
        "Attitude to employment",
        PROBLEM,
        ETE,
    ),
    _q(
        "currentRelationshipStatus",
        "Relationships",
        "Current relationship status",
        RELATIONSHIP_STATUS,
    ),
    _q(
        "currentRelationshipWithPartner",
        "Relationships",
        "Current relationship with partner",
        PROBLEM,
    ),
    _q("evidenceOfDomesticAbuse", "Relationships", "Evidence of domestic abuse", YES_NO),
    _q("relCloseFamily", "Relationships", "Relationship with close family", PROBLEM, REL),
    _q("experienceOfChildhood", "Relationships", "Experience of childhood", PROBLEM, REL),
    _q("prevCloseRelationships", "Relationships", "Previous close relationships", PROBLEM, REL),
    _q("parentalResponsibilities", "Relationships", "Parental responsibilities (6.9)", YES_NO),
    _q(
        "regularOffendingActivities",
        "Lifestyle and associates",
        "Regular activities encourage offending",
        PROBLEM,
        LIFE,
    ),
    _q(
        "easilyInfluenced",
        "Lifestyle and associates",
        "Easily influenced by criminal associates",
        PROBLEM,
        LIFE,
    ),
    _q("recklessness", "Lifestyle and associates", "Recklessness and risk-taking", PROBLEM, LIFE),
    _q("currentDrugMisuse", "Drug misuse", "Current drug misuse", PROBLEM, DRUG),
    _q("everInjectedDrugs", "Drug misuse", "Ever injected drugs", FREQUENCY, DRUG),
    _q(
        "motivationToTackleDrugMisuse",
        "Drug misuse",
        "Motivation to tackle drug misuse",
        MOTIVATION,
        DRUG,
    ),
    _q("drugsMajorActivity", "Drug misuse", "Drug use a major activity", PROBLEM, DRUG),
    _q("hasHeroinUsage", "Drug misuse", "Heroin use", YES_NO),
    _q("hasMethadoneUsage", "Drug misuse", "Misused methadone", YES_NO),
    _q("hasCrackCocaineUsage", "Drug misuse", "Crack cocaine use", YES_NO),
    _q("hasPowderCocaineUsage", "Drug misuse", "Powder cocaine use", YES_NO),
    _q("hasCannabisUsage", "Drug misuse", "Cannabis use", YES_NO),
    _q(
        "currentAlcoholUseProblems",
        "Alcohol misuse",
        "Current alcohol use is a problem",
        PROBLEM,
        ALC,
    ),
    _q("excessiveAlcoholUse", "Alcohol misuse", "Binge drinking or excessive use", PROBLEM, ALC),
    _q("frequencyAndLevel", "Alcohol misuse", "Frequency and level of alcohol use", PROBLEM, ALC),
    _q(
        "alcoholTackleMotivation",
        "Alcohol misuse",
        "Motivation to tackle alcohol misuse",
        PROBLEM,
        ALC,
    ),
    _q("recogniseProblems", "Thinking and behaviour", "Recognises problems", PROBLEM, TB),
    _q("impulsivityProblems", "Thinking and behaviour", "Impulsivity (11.2)", PROBLEM),
    _q("temperControl", "Thinking and behaviour", "Temper control (11.4)", PROBLEM),
    _q("problemSolvingSkills", "Thinking and behaviour", "Problem-solving skills", PROBLEM, TB),
    _q(
        "awarenessOfConsequences",
        "Thinking and behaviour",
        "Aware of consequences",
        YES_SOMETIMES_NO,
        TB,
    ),
    _q(
        "understandsOtherPeoplesViews",
        "Thinking and behaviour",
        "Understands other people's views",
        PROBLEM,
        TB,
    ),
    _q("proCriminalAttitudes", "Attitudes", "Pro-criminal attitudes", PROBLEM, ATT),
    _q("attitudesTowardsSupervision", "Attitudes", "Attitude towards supervision", PROBLEM, ATT),
    _q(
        "attitudesTowardsCommunitySociety",
        "Attitudes",
        "Attitude towards community and society",
        PROBLEM,
        ATT,
    ),
    _q(
        "motivationToAddressBehaviour", "Attitudes", "Motivation to address offending", PROBLEM, ATT
    ),
    _q(
        "previousConvictions",
        "Offence",
        "Previous convictions for serious violence (SVRP)",
        PREVIOUS_CONVICTIONS,
        many=True,
    ),
    _q(
        "doesRecogniseImpactOfOffendingOnOthers",
        "Offence",
        "Recognises the impact of offending on others",
        YES_NO,
    ),
    _q(
        "didOffenceInvolveCarryingOrUsingWeapon",
        "Offence",
        "Current offence involved carrying or using a weapon",
        YES_NO,
    ),
    _q(
        "isCurrentOffenceAgainstVictimStranger",
        "Offence",
        "Victim of the current offence was a stranger",
        YES_NO,
    ),
    _q(
        "hasCurrentPsychiatricTreatment",
        "Health",
        "Currently receiving psychiatric treatment",
        YES_NO,
    ),
)

QUESTIONS_BY_KEY: Mapping[str, Question] = {q.key: q for q in QUESTIONS}
ASSESSMENT_FIELDS: Mapping[str, str] = {q.key: q.label for q in QUESTIONS}

_PROBLEM_TO_TIER = {
    "NO_PROBLEMS": "None",
    "SOME_PROBLEMS": "Some",
    "SIGNIFICANT_PROBLEMS": "Significant",
}
_ORDINAL_TO_TIER = {
    "FULL_MOTIVATION": "None",
    "PARTIAL_MOTIVATION": "Some",
    "NO_MOTIVATION": "Significant",
    "YES": "None",
    "SOMETIMES": "Some",
    "NO": "Significant",
    "NEVER": "Never",
    "PREVIOUS": "Previous",
    "CURRENTLY": "Currently",
}


def tier_answer(value: object) -> str | None:
    """An answer as the OASys answer string the tier's need sections sum (`SectionAnswer.kt`).

    Motivation and "aware of consequences" score 0/1/2 in the anchor's enums exactly as
    None/Some/Significant do, so they map onto the problem family (our inference, not confirmed
    from hmpps-tier).
    """
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if isinstance(value, str):
        return _PROBLEM_TO_TIER.get(value) or _ORDINAL_TO_TIER.get(value)
    return None


def validate_answers(answers: Mapping[str, object]) -> list[tuple[str, str]]:
    """(field, message) for each unknown question or answer not allowed for its question."""
    problems = []
    for key, value in answers.items():
        question = QUESTIONS_BY_KEY.get(key)
        if question is None:
            problems.append((key, "is not a question in the assessment"))
        elif question.many:
            allowed_many = {a for a, _ in question.answers}
            if not isinstance(value, list) or any(v not in allowed_many for v in value):
                problems.append(
                    (key, "must be a list of " + ", ".join(str(a) for a in allowed_many))
                )
        elif value is not None and value not in {a for a, _ in question.answers}:
            allowed = ", ".join(str(a) for a, _ in question.answers)
            problems.append((key, f"must be one of {allowed}"))
    return problems
