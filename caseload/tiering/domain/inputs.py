"""Typed facts the tier rules read, named as practitioners record them.

The case record builds these from recorded facts; the JSON calculator (`calculator.py`) builds
them from one input object. Codes and answer spellings are the Delius and OASys ones
as read by ministryofjustice/hmpps-tier@affac98a (src/main/kotlin/.../hmppstier/domain/ and
.../client/arns/); enum values are exactly the strings of the vector format.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class RoshLevel(StrEnum):
    """Risk of serious harm level, from the newest RoSH registration (Registrations.kt)."""

    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"


class MappaCategory(StrEnum):
    """MAPPA category of the newest MAPP registration; v3 only asks whether one exists."""

    M1 = "M1"
    M2 = "M2"
    M3 = "M3"
    M4 = "M4"


class MappaLevel(StrEnum):
    """MAPPA management level; it drives the v2 protect points."""

    M1 = "M1"
    M2 = "M2"
    M3 = "M3"


class NeedSection(StrEnum):
    """OASys criminogenic need sections (Need.kt)."""

    ACCOMMODATION = "ACCOMMODATION"
    EDUCATION_TRAINING_AND_EMPLOYABILITY = "EDUCATION_TRAINING_AND_EMPLOYABILITY"
    RELATIONSHIPS = "RELATIONSHIPS"
    LIFESTYLE_AND_ASSOCIATES = "LIFESTYLE_AND_ASSOCIATES"
    DRUG_MISUSE = "DRUG_MISUSE"
    ALCOHOL_MISUSE = "ALCOHOL_MISUSE"
    THINKING_AND_BEHAVIOUR = "THINKING_AND_BEHAVIOUR"
    ATTITUDES = "ATTITUDES"
    FINANCIAL_MANAGEMENT_AND_INCOME = "FINANCIAL_MANAGEMENT_AND_INCOME"
    EMOTIONAL_WELL_BEING = "EMOTIONAL_WELL_BEING"


class NeedSeverity(StrEnum):
    NO_NEED = "NO_NEED"
    STANDARD = "STANDARD"
    SEVERE = "SEVERE"


class YesNoAnswer(StrEnum):
    """OASys Yes/No answer; `Unknown` counts as not answered (SectionAnswer.kt)."""

    YES = "Yes"
    NO = "No"
    UNKNOWN = "Unknown"


class ProblemAnswer(StrEnum):
    """OASys problem answer; `Missing` counts as not answered (SectionAnswer.kt)."""

    NONE = "None"
    SOME = "Some"
    SIGNIFICANT = "Significant"
    MISSING = "Missing"


class FrequencyAnswer(StrEnum):
    """OASys frequency answer. The anchor spells the middle value `Previous` (a quirk)."""

    NEVER = "Never"
    PREVIOUS = "Previous"
    CURRENTLY = "Currently"


OasysAnswer = ProblemAnswer | YesNoAnswer | FrequencyAnswer


class PredictorType(StrEnum):
    """Whether an OGRS4 predictor used only static factors or also dynamic ones."""

    STATIC = "STATIC"
    DYNAMIC = "DYNAMIC"


class DcSrpBand(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"
    NOT_APPLICABLE = "NOT_APPLICABLE"


# --- v2 facts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Registration:
    """One Delius register entry, e.g. `Registration("MAPP", level="M2", category="M1")`.

    `level` matters only for MAPP (v2), `category` only for MAPP (v3). Undated registrations
    sort after dated ones when the rules look for the newest (our convention).
    """

    code: str
    level: str | None = None
    category: str | None = None
    registered_on: date | None = None


@dataclass(frozen=True)
class Requirement:
    """A sentence requirement: its Delius main category code (e.g. `F` RAR, `W` unpaid work)."""

    main_category: str
    restrictive: bool = False


@dataclass(frozen=True)
class Conviction:
    """An event's sentence: `NC`/`SC` are custodial. Terminated ones are not current."""

    sentence_type: str | None
    terminated: bool = False
    requirements: tuple[Requirement, ...] = ()


@dataclass(frozen=True)
class WomensFactorAnswers:
    """OASys 6.9 parenting/caring, 11.2 impulsivity, 11.4 temper control; None = not answered."""

    parenting_responsibilities: YesNoAnswer | None = None
    impulsivity: ProblemAnswer | None = None
    temper_control: ProblemAnswer | None = None


@dataclass(frozen=True)
class Assessment:
    """The latest OASys assessment: a severity per need section that could be scored.

    Sections left out are the ones whose severity could not be worked out (NeedSection.kt).
    """

    needs: Mapping[NeedSection, NeedSeverity] = field(default_factory=dict)
    san_indicator: bool = False
    womens_factors: WomensFactorAnswers = WomensFactorAnswers()


@dataclass(frozen=True)
class TierV2Inputs:
    """Everything the v2 Unified Tiering Model reads (hmpps-tier v2).

    `assessment=None` means OASys has no assessment for the person (an ARNS 404).
    Missing RSR and OGRS scores count as 0, as in the anchor.
    """

    gender: str | None
    rsr_score: Decimal | None
    ogrs_score: int | None
    registrations: tuple[Registration, ...] = ()
    convictions: tuple[Conviction, ...] = ()
    assessment: Assessment | None = None
    previous_enforcement_activity: bool = False

    @property
    def is_female(self) -> bool:
        """Female iff the recorded gender is `female`, ignoring case (DeliusInputs.kt)."""
        return self.gender is not None and self.gender.casefold() == "female"


# --- v3 facts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PredictorScore:
    """An OGRS4 ARP or CSRP result: a percentage score and whether it was static or dynamic."""

    score: Decimal | None
    score_type: PredictorType | None = None

    def __post_init__(self) -> None:
        if self.score is not None and self.score < 0:
            raise ValueError("a predictor score cannot be negative")


@dataclass(frozen=True)
class DcSrpScore:
    """Direct Contact Sexual Reoffending Predictor: percentage score and band."""

    score: Decimal | None
    band: DcSrpBand | None = None

    def __post_init__(self) -> None:
        if self.score is not None and self.score < 0:
            raise ValueError("a DC-SRP score cannot be negative")


@dataclass(frozen=True)
class TierV3Inputs:
    """Everything the v3 A–G model reads (hmpps-tier v3), as flags already derived.

    Use `registrations.read_registrations` to derive the registration flags (RoSH, MAPPA
    category, lifer/IPP, domestic abuse, stalking, child protection) from Delius codes.
    `arp`/`csrp` = None means no OGRS4 predictor output, which gives `MISSING`.
    """

    has_active_event: bool
    rosh: RoshLevel | None = None
    mappa_category: MappaCategory | None = None
    lifer_ipp: bool = False
    latest_release_date: date | None = None
    domestic_abuse: bool = False
    stalking: bool = False
    child_protection: bool = False
    arp: PredictorScore | None = None
    csrp: PredictorScore | None = None
    dc_srp: DcSrpScore | None = None
    ever_committed_sexual_offence: bool = False
