"""Errors of the tier calculator: what was wrong with an input, named by its field path.

The `type` values are the calculator contract's (the tiering issue; our convention):
`INVALID_INPUT`, `MISSING_MANDATORY_INPUT` and `UNSUPPORTED_COMBINATION`. `fields` holds dotted
paths such as `dc_srp.score` or `registrations[2].date`.
"""

from dataclasses import dataclass
from enum import StrEnum


class ErrorType(StrEnum):
    INVALID_INPUT = "INVALID_INPUT"
    MISSING_MANDATORY_INPUT = "MISSING_MANDATORY_INPUT"
    UNSUPPORTED_COMBINATION = "UNSUPPORTED_COMBINATION"


@dataclass(frozen=True)
class FieldError:
    type: ErrorType
    fields: tuple[str, ...]
    message: str

    def as_json(self) -> dict[str, object]:
        """`field` repeats the first path, for callers that show one field per error."""
        return {
            "type": self.type.value,
            "field": self.fields[0] if self.fields else None,
            "fields": list(self.fields),
            "message": self.message,
        }


class UnsupportedCombinationError(ValueError):
    """Inputs the anchor refuses to score, e.g. a MEDIUM DC-SRP below 0.60 (TierCalculator.kt)."""

    def __init__(self, fields: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.error = FieldError(ErrorType.UNSUPPORTED_COMBINATION, fields, message)
