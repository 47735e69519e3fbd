"""Error objects and the error catalogue.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c (and @52792f4 for the legacy-only
types), src/main/kotlin/.../dto/ValidationErrorType.kt. The message texts are the anchor's own and
are part of the interface, wrong wording included (a known quirk: AGE_AT_FIRST_SANCTION_OUT_OF_RANGE
speaks of "current conviction"; VIOLENT_SANCTION_OUT_OF_RANGE says "greater than 0" but allows 0).
`INVALID_INPUT` and `INVALID_REQUEST` are our own convention, not anchor types.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class ErrorType(StrEnum):
    DATE_OF_CURRENT_CONVICTION_BEFORE_DATE_OF_BIRTH = (
        "DATE_OF_CURRENT_CONVICTION_BEFORE_DATE_OF_BIRTH"
    )
    DATE_OF_START_OF_FOLLOWUP_BEFORE_DATE_OF_BIRTH = (
        "DATE_OF_START_OF_FOLLOWUP_BEFORE_DATE_OF_BIRTH"
    )
    DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_BEFORE_DATE_OF_BIRTH = (
        "DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_BEFORE_DATE_OF_BIRTH"
    )
    DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE = "DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE"
    DATE_OF_START_OF_FOLLOWUP_REQUIRED = "DATE_OF_START_OF_FOLLOWUP_REQUIRED"
    DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_OUT_OF_RANGE = (
        "DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_OUT_OF_RANGE"
    )
    MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT = "MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT"
    MISSING_MANDATORY_INPUT = "MISSING_MANDATORY_INPUT"
    MISSING_DYNAMIC_INPUT = "MISSING_DYNAMIC_INPUT"
    SEXUAL_REOFFENDING_PREDICTOR_INCONSISTENT_INPUT = (
        "SEXUAL_REOFFENDING_PREDICTOR_INCONSISTENT_INPUT"
    )
    SEXUAL_REOFFENDING_PREDICTOR_NO_SANCTIONS = "SEXUAL_REOFFENDING_PREDICTOR_NO_SANCTIONS"
    TOTAL_NUMBER_OF_SEXUAL_SANCTIONS_OUT_OF_RANGE = "TOTAL_NUMBER_OF_SEXUAL_SANCTIONS_OUT_OF_RANGE"
    AGE_AT_FIRST_SANCTION_AFTER_AGE_AT_CURRENT_CONVICTION = (
        "AGE_AT_FIRST_SANCTION_AFTER_AGE_AT_CURRENT_CONVICTION"
    )
    DATE_OF_CURRENT_CONVICTION_WITHIN_THREE_MONTHS_OF_ASSESSMENT_DATE = (
        "DATE_OF_CURRENT_CONVICTION_WITHIN_THREE_MONTHS_OF_ASSESSMENT_DATE"
    )
    TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE = "TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE"
    VIOLENT_SANCTION_OUT_OF_RANGE = "VIOLENT_SANCTION_OUT_OF_RANGE"
    AGE_AT_FIRST_SANCTION_OUT_OF_RANGE = "AGE_AT_FIRST_SANCTION_OUT_OF_RANGE"
    OFFENCE_CODE_INCORRECT_FORMAT = "OFFENCE_CODE_INCORRECT_FORMAT"
    OFFENCE_CODE_MAPPING_NOT_FOUND = "OFFENCE_CODE_MAPPING_NOT_FOUND"
    COMPONENT_VALIDATION_ERROR = "COMPONENT_VALIDATION_ERROR"
    UNEXPECTED_ERROR = "UNEXPECTED_ERROR"
    # Legacy (OGRS3, OGP, OVP) types, ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4.
    TOTAL_NUMBER_OF_SANCTIONS_LESS_THAN_ONE = "TOTAL_NUMBER_OF_SANCTIONS_LESS_THAN_ONE"
    AGE_AT_CURRENT_CONVICTION_LESS_THAN_TEN = "AGE_AT_CURRENT_CONVICTION_LESS_THAN_TEN"
    NEED_DETAILS_OF_EXACT_OFFENCE = "NEED_DETAILS_OF_EXACT_OFFENCE"
    # Our contract (not the anchor's): request-level problems the anchor answers with HTTP 400.
    INVALID_INPUT = "INVALID_INPUT"
    INVALID_REQUEST = "INVALID_REQUEST"


MESSAGES: Final[dict[ErrorType, str]] = {
    ErrorType.DATE_OF_CURRENT_CONVICTION_BEFORE_DATE_OF_BIRTH: (
        "Date of current conviction cannot be before date of birth"
    ),
    ErrorType.DATE_OF_START_OF_FOLLOWUP_BEFORE_DATE_OF_BIRTH: (
        "Date of start of followup cannot be before date of birth"
    ),
    ErrorType.DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_BEFORE_DATE_OF_BIRTH: (
        "Date of most recent sexual offence cannot be before date of birth"
    ),
    ErrorType.DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE: (
        "Age at date at start of followup must be less than 110"
    ),
    ErrorType.DATE_OF_START_OF_FOLLOWUP_REQUIRED: (
        "Either Date at start of followup or date of current conviction must be provided"
    ),
    ErrorType.DATE_OF_MOST_RECENT_SEXUAL_OFFENCE_OUT_OF_RANGE: (
        "Age at date at start of most recent sexual offence must be less than 110"
    ),
    ErrorType.MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT: (
        "When motivationToTackleDrugMisuse is null, all drug usage questions must be false or null"
    ),
    ErrorType.MISSING_MANDATORY_INPUT: "Mandatory input field(s) missing",
    ErrorType.MISSING_DYNAMIC_INPUT: "Dynamic input field(s) missing",
    ErrorType.SEXUAL_REOFFENDING_PREDICTOR_INCONSISTENT_INPUT: (
        "hasEverCommittedSexualOffence cannot be null or false when sexual sanctions exist"
    ),
    ErrorType.SEXUAL_REOFFENDING_PREDICTOR_NO_SANCTIONS: (
        "If hasEverCommittedSexualOffence is true, at least one sexual sanction/offence must be "
        "more than 0"
    ),
    ErrorType.TOTAL_NUMBER_OF_SEXUAL_SANCTIONS_OUT_OF_RANGE: (
        "Sexual sanctions count must be greater than 0, but less than or equal to total number "
        "of sanctions"
    ),
    ErrorType.AGE_AT_FIRST_SANCTION_AFTER_AGE_AT_CURRENT_CONVICTION: (
        "Age at first sanction must be before age at current conviction"
    ),
    ErrorType.DATE_OF_CURRENT_CONVICTION_WITHIN_THREE_MONTHS_OF_ASSESSMENT_DATE: (
        "Date of current conviction must be less than 3 months after the assessment date"
    ),
    ErrorType.TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE: (
        "Total number of sanctions must be between 1 and 999 (inclusive)"
    ),
    ErrorType.VIOLENT_SANCTION_OUT_OF_RANGE: (
        "Violent sanctions count must be greater than 0, but less than or equal to total number "
        "of sanctions"
    ),
    ErrorType.AGE_AT_FIRST_SANCTION_OUT_OF_RANGE: "Age at current conviction must be less than 110",
    ErrorType.OFFENCE_CODE_INCORRECT_FORMAT: "Offence code must be a string of 5 digits",
    ErrorType.OFFENCE_CODE_MAPPING_NOT_FOUND: (
        "No offence code to actuarial weighting mapping found for offence code"
    ),
    ErrorType.COMPONENT_VALIDATION_ERROR: "Validation error(s) in component scores",
    ErrorType.UNEXPECTED_ERROR: (
        "Unexpected error thrown during calculation, see logs for further details: "
    ),
    ErrorType.TOTAL_NUMBER_OF_SANCTIONS_LESS_THAN_ONE: (
        "Total number of sanctions must be one or greater"
    ),
    ErrorType.AGE_AT_CURRENT_CONVICTION_LESS_THAN_TEN: (
        "Age at current conviction must be 10 or greater"
    ),
    ErrorType.NEED_DETAILS_OF_EXACT_OFFENCE: (
        "For this group of offences, the OGRS 3 offence category takes different values "
        "depending on the nature of the exact offence. Therefore, it is not possible to calculate "
        "an OGRS 3 score without details of the exact offence."
    ),
    ErrorType.INVALID_INPUT: "Input field(s) have the wrong JSON type or an unknown value",
    ErrorType.INVALID_REQUEST: "The request must be a JSON object",
}


@dataclass(frozen=True, slots=True)
class PredictorError:
    """One error: its catalogue type, the request fields concerned, and a readable message."""

    type: ErrorType
    fields: tuple[str, ...]
    message: str

    def to_json(self) -> dict[str, object]:
        return {"type": self.type.value, "fields": list(self.fields), "message": self.message}


class CalculationError(Exception):
    """Raised inside a calculation where the anchor throws; reported as UNEXPECTED_ERROR."""


class ErrorCollector:
    """Accumulates errors in order, merging repeated types into one object (our convention)."""

    __slots__ = ("_fields", "_messages")

    def __init__(self) -> None:
        self._fields: dict[ErrorType, list[str]] = {}
        """By type, in the order first added (dicts keep insertion order)."""
        self._messages: dict[ErrorType, str] = {}

    def add(
        self, kind: ErrorType, fields: tuple[str, ...] = (), message: str | None = None
    ) -> None:
        known = self._fields.get(kind)
        if known is None:
            self._fields[kind] = list(dict.fromkeys(fields))
            self._messages[kind] = MESSAGES[kind] if message is None else message
            return
        for name in fields:
            if name not in known:
                known.append(name)

    def extend(self, errors: tuple[PredictorError, ...]) -> None:
        for error in errors:
            self.add(error.type, error.fields, error.message)

    def __bool__(self) -> bool:
        return bool(self._fields)

    def errors(self) -> tuple[PredictorError, ...]:
        if not self._fields:
            return ()
        return tuple(
            PredictorError(kind, tuple(fields), self._messages[kind])
            for kind, fields in self._fields.items()
        )


def error(
    kind: ErrorType, fields: tuple[str, ...] = (), message: str | None = None
) -> PredictorError:
    return PredictorError(kind, fields, MESSAGES[kind] if message is None else message)


def unexpected(exc: BaseException) -> PredictorError:
    """The anchor's catch-all (in its producer services) for an exception in a calculation."""
    return error(ErrorType.UNEXPECTED_ERROR, (), MESSAGES[ErrorType.UNEXPECTED_ERROR] + str(exc))
