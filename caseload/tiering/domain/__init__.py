"""Case tiering: the HMPPS Tier v2 (A–D × 0–3) and v3 (A–G) rules as pure functions.

No Django here; every rule cites its public source. The anchor is ministryofjustice/hmpps-tier at
snapshot affac98a (August 2026); the staff explainer is ministryofjustice/hmpps-tier-ui at
59033442. Our sources pin those snapshots but not the files, so the file paths cited (with
`src/main/kotlin/.../hmppstier/` for `src/main/kotlin/uk/gov/justice/digital/hmpps/hmppstier/`)
are from the repository's public layout, not checked at affac98a. Public API:

Typed calculation (for the case record)
    ``tier_v2(inputs: TierV2Inputs) -> TierV2Result``
        ``TierV2Inputs(gender, rsr_score, ogrs_score, registrations, convictions, assessment,
        previous_enforcement_activity)``; ``registrations`` are ``Registration(code, level,
        category, registered_on)`` by Delius code (HREG rows are dropped for you);
        ``convictions`` are ``Conviction(sentence_type, terminated, requirements)`` with
        ``Requirement(main_category, restrictive)``; ``assessment=None`` means no OASys
        assessment, otherwise ``Assessment(needs={NeedSection: NeedSeverity}, san_indicator,
        womens_factors=WomensFactorAnswers(parenting_responsibilities, impulsivity,
        temper_control))``.
        The result has ``tier`` (e.g. ``"B2S"``), ``protect`` (``level``, ``points``,
        ``reasons``), ``change`` (``level``, ``points``, ``reasons``), ``unsupervised`` and
        ``reasons`` (all of them).
    ``tier_v3(inputs: TierV3Inputs, *, today: date) -> TierV3Result``
        ``TierV3Inputs(has_active_event, rosh, mappa_category, lifer_ipp, latest_release_date,
        domestic_abuse, stalking, child_protection, arp, csrp, dc_srp,
        ever_committed_sexual_offence)``; ``arp``/``csrp`` are ``PredictorScore(score,
        score_type)``, ``dc_srp`` is ``DcSrpScore(score, band)``. Derive the registration
        flags with ``read_registrations(registrations)``.
        The result has ``tier`` (a ``V3Tier``: A–G, MISSING or NOT_SUPERVISED),
        ``provisional``, ``steps`` (each step's letter or None) and ``reasons``.
        Raises ``UnsupportedCombinationError`` for a MEDIUM DC-SRP below 0.60.
    ``section_need(section, answers, *, san_indicator) -> SectionNeed`` (score, severity)
        grades one OASys section from its answers (``parse_answer`` reads answer names).

Reasons
    Every result carries ``reasons``: ``Reason(fact, points, explanation)`` named tuples,
    e.g. ``("MAPPA level 2", 150, "MAPPA level 2 or 3 scores 150 protect points")``. On the
    v2 axes the points add up to the axis total; v3 reasons have ``points=None``.

JSON calculator (for the CLI and the API)
    ``calculate_tier(obj, *, today=None) -> dict`` takes one input object in the research
    vector format of ``tests/data/tiering_examples.json`` (models ``v2``, ``v3``,
    ``v3_provisional_only``, ``v2_womens_factor_points``, ``need_severity``) and returns
    ``{"tier", "protect", "change", "protect_points", "change_points", "provisional"}``
    (null where the model has no such field; plus ``womens_points`` or ``score``/``severity``
    for the last two models), or
    ``{"errors": [{"type", "field", "fields", "message"}]}``. It never raises.
    ``calculate_tier_text(text)`` does the same for one JSON text (a line, or an HTTP body),
    parsing numbers as exact decimals.
"""

from caseload.tiering.domain.calculator import (
    RESULT_FIELDS,
    calculate_tier,
    calculate_tier_text,
    london_today,
)
from caseload.tiering.domain.change import ChangeResult
from caseload.tiering.domain.errors import ErrorType, FieldError, UnsupportedCombinationError
from caseload.tiering.domain.inputs import (
    Assessment,
    Conviction,
    DcSrpBand,
    DcSrpScore,
    FrequencyAnswer,
    MappaCategory,
    MappaLevel,
    NeedSection,
    NeedSeverity,
    PredictorScore,
    PredictorType,
    ProblemAnswer,
    Registration,
    Requirement,
    RoshLevel,
    TierV2Inputs,
    TierV3Inputs,
    WomensFactorAnswers,
    YesNoAnswer,
)
from caseload.tiering.domain.needs import SectionNeed, parse_answer, section_need
from caseload.tiering.domain.protect import ProtectLevel, ProtectResult
from caseload.tiering.domain.reasons import Reason
from caseload.tiering.domain.registrations import RegistrationFlags, read_registrations
from caseload.tiering.domain.v2 import TierV2Result, tier_v2
from caseload.tiering.domain.v3 import TierV3Result, tier_v3
from caseload.tiering.domain.v3_steps import V3Step, V3Tier

__all__ = [
    "RESULT_FIELDS",
    "Assessment",
    "ChangeResult",
    "Conviction",
    "DcSrpBand",
    "DcSrpScore",
    "ErrorType",
    "FieldError",
    "FrequencyAnswer",
    "MappaCategory",
    "MappaLevel",
    "NeedSection",
    "NeedSeverity",
    "PredictorScore",
    "PredictorType",
    "ProblemAnswer",
    "ProtectLevel",
    "ProtectResult",
    "Reason",
    "Registration",
    "RegistrationFlags",
    "Requirement",
    "RoshLevel",
    "SectionNeed",
    "TierV2Inputs",
    "TierV2Result",
    "TierV3Inputs",
    "TierV3Result",
    "UnsupportedCombinationError",
    "V3Step",
    "V3Tier",
    "WomensFactorAnswers",
    "YesNoAnswer",
    "calculate_tier",
    "calculate_tier_text",
    "london_today",
    "parse_answer",
    "read_registrations",
    "section_need",
    "tier_v2",
    "tier_v3",
]
