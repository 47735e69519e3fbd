"""Request enumerations and the numeric scores the models give them.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c, src/main/kotlin/.../dto/
{ProblemLevel,MotivationLevel,YesSometimesNo,CurrentRelationshipStatus,Gender,
SupervisionStatus,PreviousConviction,RiskBand}.kt; offence groups from
.../dto/offencecode/ActuarialCategory.kt. The OGRS3 categories are from
ministryofjustice/hmpps-manage-offences-api@daf5d37,
src/main/resources/migration/common/V66__seed_risk_actuarial.sql (weighting `ogrs3Weighting`)
as updated by V67__risk_actuarial_weighting_update.sql; their code names are ours.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Version(StrEnum):
    V1_0 = "V1_0"


class Gender(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"


class ProblemLevel(StrEnum):
    NO_PROBLEMS = "NO_PROBLEMS"
    SOME_PROBLEMS = "SOME_PROBLEMS"
    SIGNIFICANT_PROBLEMS = "SIGNIFICANT_PROBLEMS"


class MotivationLevel(StrEnum):
    FULL_MOTIVATION = "FULL_MOTIVATION"
    PARTIAL_MOTIVATION = "PARTIAL_MOTIVATION"
    NO_MOTIVATION = "NO_MOTIVATION"


class YesSometimesNo(StrEnum):
    YES = "YES"
    SOMETIMES = "SOMETIMES"
    NO = "NO"


class RelationshipStatus(StrEnum):
    NOT_IN_RELATIONSHIP = "NOT_IN_RELATIONSHIP"
    IN_RELATIONSHIP_LIVING_TOGETHER = "IN_RELATIONSHIP_LIVING_TOGETHER"
    IN_RELATIONSHIP_NOT_LIVING_TOGETHER = "IN_RELATIONSHIP_NOT_LIVING_TOGETHER"


class SupervisionStatus(StrEnum):
    CUSTODY = "CUSTODY"
    COMMUNITY = "COMMUNITY"
    REMAND = "REMAND"


class PreviousConviction(StrEnum):
    HOMICIDE = "HOMICIDE"
    WOUNDING_GBH = "WOUNDING_GBH"
    KIDNAPPING = "KIDNAPPING"
    FIREARMS = "FIREARMS"
    ROBBERY = "ROBBERY"
    AGGRAVATED_BURGLARY = "AGGRAVATED_BURGLARY"
    WEAPON = "WEAPON"
    CRIMINAL_DAMAGE = "CRIMINAL_DAMAGE"
    ARSON = "ARSON"


class StaticOrDynamic(StrEnum):
    STATIC = "STATIC"
    DYNAMIC = "DYNAMIC"


class ActuarialCategory(StrEnum):
    """OGRS4-era offence groups (`ActuarialCategory.kt`), in the anchor's order and spelling."""

    UNKNOWN = "UNKNOWN"
    BURGLARY_DOMESTIC = "BURGLARY_DOMESTIC"
    BURGLARY_OTHER = "BURGLARY_OTHER"
    DRUNKENNESS = "DRUNKENNESS"
    DRINK_DRIVING = "DRINK_DRIVING"
    MOTORING_OFFENCES = "MOTORING_OFFENCES"
    VEHICLE_RELATED_THEFT = "VEHICLE_RELATED_THEFT"
    FRAUD_AND_FORGERY = "FRAUD_AND_FORGERY"
    WELFARE_FRAUD = "WELFARE_FRAUD"
    DRUG_IMPORT_EXPORT_OR_PRODUCTION = "DRUG_IMPORT_EXPORT_OR_PRODUCTION"
    DRUG_POSSESSION_OR_SUPPLY = "DRUG_POSSESSION_OR_SUPPLY"
    VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS = "VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS"
    VIOLENCE_AGAINST_THE_PERSON_SUB_ABH = "VIOLENCE_AGAINST_THE_PERSON_SUB_ABH"
    PUBLIC_ORDER_AND_HARRASSMENT = "PUBLIC_ORDER_AND_HARRASSMENT"
    WEAPONS_NON_FIREARM = "WEAPONS_NON_FIREARM"
    FIREARMS_MOST_SERIOUS = "FIREARMS_MOST_SERIOUS"
    FIREARMS_OTHER = "FIREARMS_OTHER"
    HANDLING_STOLEN_GOODS = "HANDLING_STOLEN_GOODS"
    CRIMINAL_DAMAGE = "CRIMINAL_DAMAGE"
    ACQUISITIVE_VIOLENCE = "ACQUISITIVE_VIOLENCE"
    OTHER_OFFENCES = "OTHER_OFFENCES"
    ABSCONDING_OR_BAIL = "ABSCONDING_OR_BAIL"
    SEXUAL_AGAINST_CHILD = "SEXUAL_AGAINST_CHILD"
    SEXUAL_NOT_AGAINST_CHILD = "SEXUAL_NOT_AGAINST_CHILD"
    THEFT_NON_MOTOR = "THEFT_NON_MOTOR"


class Ogrs3Category(StrEnum):
    """OGRS3 offence categories (manage-offences V66/V67). The names are ours, not the anchor's:
    the anchor carried only a description per offence code."""

    ABSCONDING_OR_BAIL = "ABSCONDING_OR_BAIL"
    BURGLARY_DOMESTIC = "BURGLARY_DOMESTIC"
    BURGLARY_OTHER = "BURGLARY_OTHER"
    CRIMINAL_DAMAGE = "CRIMINAL_DAMAGE"
    DRINK_DRIVING = "DRINK_DRIVING"
    DRUG_IMPORT_EXPORT_OR_PRODUCTION = "DRUG_IMPORT_EXPORT_OR_PRODUCTION"
    DRUG_POSSESSION_OR_SUPPLY = "DRUG_POSSESSION_OR_SUPPLY"
    FRAUD_AND_FORGERY = "FRAUD_AND_FORGERY"
    HANDLING_STOLEN_GOODS = "HANDLING_STOLEN_GOODS"
    OTHER_MOTORING = "OTHER_MOTORING"
    OTHER_OFFENCE = "OTHER_OFFENCE"
    PUBLIC_ORDER = "PUBLIC_ORDER"
    ROBBERY = "ROBBERY"
    SEXUAL_AGAINST_CHILD = "SEXUAL_AGAINST_CHILD"
    SEXUAL_NOT_AGAINST_CHILD = "SEXUAL_NOT_AGAINST_CHILD"
    SOLICITING_OR_PROSTITUTION = "SOLICITING_OR_PROSTITUTION"
    TAKING_AND_DRIVING_AWAY = "TAKING_AND_DRIVING_AWAY"
    THEFT_FROM_VEHICLES = "THEFT_FROM_VEHICLES"
    THEFT_NON_MOTOR = "THEFT_NON_MOTOR"
    VIOLENCE = "VIOLENCE"


class Band(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class ScoreType(StrEnum):
    STATIC = "STATIC"
    DYNAMIC = "DYNAMIC"


PROBLEM_SCORE: Final[dict[ProblemLevel, int]] = {
    ProblemLevel.NO_PROBLEMS: 0,
    ProblemLevel.SOME_PROBLEMS: 1,
    ProblemLevel.SIGNIFICANT_PROBLEMS: 2,
}
MOTIVATION_SCORE: Final[dict[MotivationLevel, int]] = {
    MotivationLevel.FULL_MOTIVATION: 0,
    MotivationLevel.PARTIAL_MOTIVATION: 1,
    MotivationLevel.NO_MOTIVATION: 2,
}
YES_SOMETIMES_NO_SCORE: Final[dict[YesSometimesNo, int]] = {
    YesSometimesNo.YES: 0,
    YesSometimesNo.SOMETIMES: 1,
    YesSometimesNo.NO: 2,
}
