"""Choices for people, events and sentences, in the practitioners' language.

The wording and most codes are ours; where a code is a Delius one, its public source is named.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY"
NOT_RECORDED = "NOT_RECORDED"


class Sex(models.TextChoices):
    MALE = "MALE", _("Male")
    FEMALE = "FEMALE", _("Female")
    NOT_RECORDED = NOT_RECORDED, _("Not recorded")


class GenderIdentity(models.TextChoices):
    SAME_AS_SEX = "SAME_AS_SEX", _("Same as sex registered at birth")
    DIFFERENT = "DIFFERENT", _("Different from sex registered at birth")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_RECORDED = NOT_RECORDED, _("Not recorded")


class Ethnicity(models.TextChoices):
    """The 2021 census top-level groups."""

    ASIAN = "ASIAN", _("Asian or Asian British")
    BLACK = "BLACK", _("Black, Black British, Caribbean or African")
    MIXED = "MIXED", _("Mixed or multiple ethnic groups")
    WHITE = "WHITE", _("White")
    OTHER = "OTHER", _("Other ethnic group")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_RECORDED = NOT_RECORDED, _("Not recorded")


class Religion(models.TextChoices):
    NONE = "NONE", _("No religion")
    CHRISTIAN = "CHRISTIAN", _("Christian")
    MUSLIM = "MUSLIM", _("Muslim")
    HINDU = "HINDU", _("Hindu")
    SIKH = "SIKH", _("Sikh")
    JEWISH = "JEWISH", _("Jewish")
    BUDDHIST = "BUDDHIST", _("Buddhist")
    OTHER = "OTHER", _("Other religion or belief")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_RECORDED = NOT_RECORDED, _("Not recorded")


class SexualOrientation(models.TextChoices):
    HETEROSEXUAL = "HETEROSEXUAL", _("Heterosexual or straight")
    GAY_LESBIAN = "GAY_LESBIAN", _("Gay or lesbian")
    BISEXUAL = "BISEXUAL", _("Bisexual")
    OTHER = "OTHER", _("Other sexual orientation")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_RECORDED = NOT_RECORDED, _("Not recorded")


class Disability(models.TextChoices):
    YES = "YES", _("Yes")
    NO = "NO", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")
    NOT_RECORDED = NOT_RECORDED, _("Not recorded")


class SentenceType(models.TextChoices):
    COMMUNITY_ORDER = "CO", _("Community order")
    SUSPENDED_SENTENCE_ORDER = "SSO", _("Suspended sentence order")
    CUSTODY_LICENCE = "LIC", _("Custody with licence")
    POST_SENTENCE_SUPERVISION = "PSS", _("Post-sentence supervision")


class LengthUnit(models.TextChoices):
    HOURS = "HOURS", _("Hours")
    DAYS = "DAYS", _("Days")
    MONTHS = "MONTHS", _("Months")


class RequirementCategory(models.TextChoices):
    """Requirement main categories. W and F are Delius codes: W (unpaid work) as read by
    ministryofjustice/hmpps-tier@affac98a (`service/calculation/MandateForChange.kt`), F (RAR)
    as used by ministryofjustice/hmpps-probation-integration-services
    (`manage-supervision-and-delius` requirement entities). The rest are our own codes because
    the full Delius list is not public."""

    UNPAID_WORK = "W", _("Unpaid work")
    REHABILITATION_ACTIVITY = "F", _("Rehabilitation activity requirement (RAR)")
    CURFEW = "CUR", _("Curfew")
    ACCREDITED_PROGRAMME = "PROG", _("Accredited programme")
    DRUG_REHABILITATION = "DRR", _("Drug rehabilitation")
    ALCOHOL_TREATMENT = "ATR", _("Alcohol treatment")
    MENTAL_HEALTH_TREATMENT = "MHTR", _("Mental health treatment")
    RESIDENCE = "RES", _("Residence")
    EXCLUSION = "EXC", _("Exclusion")
    PROHIBITED_ACTIVITY = "PROH", _("Prohibited activity")
    ALCOHOL_ABSTINENCE = "AAMR", _("Alcohol abstinence and monitoring")
    FOREIGN_TRAVEL = "FTP", _("Foreign travel prohibition")


class LicenceConditionCategory(models.TextChoices):
    RESIDENCE = "RESIDENCE", _("Residence at a specified place")
    CURFEW = "CURFEW", _("Curfew with electronic monitoring")
    NON_CONTACT = "NON_CONTACT", _("No contact with a named person")
    EXCLUSION_ZONE = "EXCLUSION_ZONE", _("Exclusion zone")
    PROGRAMME = "PROGRAMME", _("Attend a programme")
    DRUG_TESTING = "DRUG_TESTING", _("Drug testing")
    POLYGRAPH = "POLYGRAPH", _("Polygraph")
    OTHER = "OTHER", _("Other additional condition")


class CircumstanceKind(models.TextChoices):
    ACCOMMODATION = "ACCOMMODATION", _("Accommodation")
    EMPLOYMENT = "EMPLOYMENT", _("Employment, education or training")


class AccommodationStatus(models.TextChoices):
    SETTLED = "SETTLED", _("Settled accommodation")
    APPROVED_PREMISES = "APPROVED_PREMISES", _("Approved premises")
    TEMPORARY = "TEMPORARY", _("Temporary or transient accommodation")
    NO_FIXED_ABODE = "NFA", _("No fixed abode (rough sleeping or homeless)")
    CUSTODY = "CUSTODY", _("In custody")


class EmploymentStatus(models.TextChoices):
    EMPLOYED_FULL_TIME = "EMPLOYED_FT", _("Employed full time")
    EMPLOYED_PART_TIME = "EMPLOYED_PT", _("Employed part time")
    SELF_EMPLOYED = "SELF_EMPLOYED", _("Self-employed")
    EDUCATION_TRAINING = "EDUCATION_TRAINING", _("In education or training")
    UNEMPLOYED = "UNEMPLOYED", _("Unemployed and available for work")
    NOT_AVAILABLE = "NOT_AVAILABLE", _("Not available for work (illness, caring, retired)")


class AddressKind(models.TextChoices):
    MAIN = "MAIN", _("Main address")
    SECONDARY = "SECONDARY", _("Secondary address")
    APPROVED_PREMISES = "APPROVED_PREMISES", _("Approved premises")
    PREVIOUS = "PREVIOUS", _("Previous address")


class PersonalContactKind(models.TextChoices):
    NEXT_OF_KIN = "NEXT_OF_KIN", _("Next of kin")
    GP = "GP", _("GP (doctor)")
    FAMILY = "FAMILY", _("Family member")
    EMERGENCY = "EMERGENCY", _("Emergency contact")
    OTHER = "OTHER", _("Other")


class DisabilityKind(models.TextChoices):
    """Our wording of the kinds of disability Delius records (its list is not public)."""

    LEARNING_DISABILITY = "LEARNING_DISABILITY", _("Learning disability")
    LEARNING_DIFFICULTY = "LEARNING_DIFFICULTY", _("Learning difficulty, such as dyslexia")
    MENTAL_HEALTH = "MENTAL_HEALTH", _("Mental health condition")
    MOBILITY = "MOBILITY", _("Mobility")
    HEARING = "HEARING", _("Deaf or hard of hearing")
    VISUAL = "VISUAL", _("Blind or partially sighted")
    SPEECH = "SPEECH", _("Speech")
    DEXTERITY = "DEXTERITY", _("Dexterity")
    AUTISM = "AUTISM", _("Autism")
    PROGRESSIVE = "PROGRESSIVE", _("Long-term or progressive condition")
    OTHER = "OTHER", _("Other")


class AdjustmentNeed(models.TextChoices):
    GROUND_FLOOR = "GROUND_FLOOR", _("Ground-floor room")
    WHEELCHAIR = "WHEELCHAIR", _("Wheelchair access")
    LARGE_PRINT = "LARGE_PRINT", _("Letters in large print")
    EASY_READ = "EASY_READ", _("Letters in easy read")
    HEARING_LOOP = "HEARING_LOOP", _("Hearing loop")
    BSL_INTERPRETER = "BSL_INTERPRETER", _("British Sign Language interpreter")
    LONGER_APPOINTMENT = "LONGER_APPOINTMENT", _("Longer appointments")
    REMINDER = "REMINDER", _("A reminder before each appointment")
    QUIET_ROOM = "QUIET_ROOM", _("A quiet room to wait in")
    OTHER = "OTHER", _("Other (say what in the notes)")
