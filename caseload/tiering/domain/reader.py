"""Reading one JSON input object field by field, collecting every error with its path.

Conventions of the calculator format (ours, not the anchor's): a missing key is the same as
null, a missing boolean is false, enum values are case-sensitive, numbers are exact decimals,
unknown keys are ignored. Values are `object` because the input is untrusted: each reader
checks the JSON type itself and never raises.
"""

import math
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from caseload.tiering.domain.errors import ErrorType, FieldError

E = TypeVar("E", bound=StrEnum)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Problems:
    """The errors found so far in one input object."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def invalid(self, path: str, message: str) -> None:
        self.errors.append(FieldError(ErrorType.INVALID_INPUT, (path,), message))

    def missing(self, path: str) -> None:
        self.errors.append(FieldError(ErrorType.MISSING_MANDATORY_INPUT, (path,), "is required"))

    def add(self, error: FieldError) -> None:
        self.errors.append(error)


def as_decimal(value: object) -> Decimal | None:
    """A finite JSON number as an exact decimal; None for anything else (booleans included).

    Floats (from callers that parsed JSON without `parse_float=Decimal`) are read through
    their shortest repr, so 99.99 stays 99.99 rather than the binary double's exact value.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


#: Whole numbers beyond this size are refused before conversion, so that a hostile exponent
#: such as 1E+999999 cannot make the reader build a million-digit int.
_LARGEST_WHOLE_NUMBER = Decimal(10) ** 15


def as_whole_number(value: object) -> int | None:
    """A JSON number with no fractional part and a sane size as an int; None otherwise."""
    number = as_decimal(value)
    if number is None or abs(number) > _LARGEST_WHOLE_NUMBER:
        return None
    if number != number.to_integral_value():
        return None
    return int(number)


class ObjectReader:
    """Reads the fields of one JSON object found at `path` (empty for the top level)."""

    def __init__(self, data: Mapping[Any, object], path: str, problems: Problems) -> None:
        self.data = data
        self.path = path
        self.problems = problems

    def path_of(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def value(self, key: str) -> object:
        return self.data.get(key)

    def _absent(self, key: str, *, mandatory: bool) -> bool:
        """True when the field is missing or null, recording an error if it is mandatory."""
        if self.data.get(key) is not None:
            return False
        if mandatory:
            self.problems.missing(self.path_of(key))
        return True

    def boolean(self, key: str, *, mandatory: bool = False) -> bool:
        """A missing boolean is false, unless the model cannot do without it."""
        if self._absent(key, mandatory=mandatory):
            return False
        value = self.data.get(key)
        if not isinstance(value, bool):
            self.problems.invalid(self.path_of(key), "must be true or false")
            return False
        return value

    def string(self, key: str, *, mandatory: bool = False) -> str | None:
        if self._absent(key, mandatory=mandatory):
            return None
        value = self.data.get(key)
        if not isinstance(value, str):
            self.problems.invalid(self.path_of(key), "must be a string")
            return None
        return value

    def enum(self, key: str, choices: type[E], *, mandatory: bool = False) -> E | None:
        if self._absent(key, mandatory=mandatory):
            return None
        return enum_value(self.data.get(key), choices, self.path_of(key), self.problems)

    def decimal(
        self,
        key: str,
        *,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        mandatory: bool = False,
    ) -> Decimal | None:
        if self._absent(key, mandatory=mandatory):
            return None
        number = as_decimal(self.data.get(key))
        if number is None:
            self.problems.invalid(self.path_of(key), "must be a number")
            return None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            self.problems.invalid(self.path_of(key), _range_message("a number", minimum, maximum))
            return None
        return number

    def integer(
        self, key: str, *, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        if self._absent(key, mandatory=False):
            return None
        number = as_whole_number(self.data.get(key))
        if number is None:
            self.problems.invalid(self.path_of(key), "must be a whole number")
            return None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            self.problems.invalid(
                self.path_of(key), _range_message("a whole number", minimum, maximum)
            )
            return None
        return number

    def iso_date(self, key: str) -> date | None:
        text = self.string(key)
        if text is None:
            return None
        if _ISO_DATE.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        self.problems.invalid(self.path_of(key), "must be a date written YYYY-MM-DD")
        return None

    def mapping(self, key: str, *, mandatory: bool = False) -> Mapping[Any, object] | None:
        if self._absent(key, mandatory=mandatory):
            return None
        value = self.data.get(key)
        if not isinstance(value, Mapping):
            self.problems.invalid(self.path_of(key), "must be an object")
            return None
        return value

    def child(self, key: str, *, mandatory: bool = False) -> "ObjectReader | None":
        value = self.mapping(key, mandatory=mandatory)
        return None if value is None else ObjectReader(value, self.path_of(key), self.problems)

    def children(self, key: str, *, mandatory: bool = False) -> "list[ObjectReader] | None":
        """An array of objects; a non-object item is an error and is left out."""
        if self._absent(key, mandatory=mandatory):
            return None
        value = self.data.get(key)
        if not isinstance(value, list | tuple):
            self.problems.invalid(self.path_of(key), "must be an array")
            return None
        readers = []
        for index, item in enumerate(value):
            path = f"{self.path_of(key)}[{index}]"
            if isinstance(item, Mapping):
                readers.append(ObjectReader(item, path, self.problems))
            else:
                self.problems.invalid(path, "must be an object")
        return readers


def enum_value(value: object, choices: type[E], path: str, problems: Problems) -> E | None:
    """An exact, case-sensitive enum value, or an error naming the allowed values."""
    if isinstance(value, str):
        for choice in choices:
            if choice.value == value:
                return choice
    allowed = ", ".join(choice.value for choice in choices)
    problems.invalid(path, f"must be one of {allowed}")
    return None


def _range_message(kind: str, minimum: object, maximum: object) -> str:
    if minimum is not None and maximum is not None:
        return f"must be {kind} from {minimum} to {maximum}"
    if minimum is not None:
        return f"must be {kind} of at least {minimum}"
    return f"must be {kind} of at most {maximum}"
