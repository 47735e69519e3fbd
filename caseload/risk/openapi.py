"""The OpenAPI description of `POST /api/v1/predictors/{name}`: request and output shapes.

The body is read by the predictors' own parser (`caseload.risk.predictors.request`), which stays
authoritative; these schemas describe what it reads, built from the same typed request, so a new
request field is documented without being listed here. Integers are bounded generously: a
value the model refuses (e.g. a negative count) is still answered with 200 and an error naming it.
"""

from datetime import date
from enum import StrEnum
from types import NoneType, UnionType
from typing import Any, Final, get_args, get_origin, get_type_hints

from caseload.risk.predictors import PREDICTOR_NAMES, ErrorType, PredictorRequest
from caseload.risk.predictors.enums import Band, ScoreType
from caseload.risk.predictors.request import ATTRIBUTE

#: Percentages (`ogrs3TwoYear`) lie in 0..100; counts and ages are far below 1000.
_INTEGER_BOUNDS: Final = {"ogrs3TwoYear": (0, 100)}
_DEFAULT_INTEGER_BOUNDS: Final = (0, 999)
_ISO_DATE: Final = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _enum(kind: type[StrEnum]) -> dict[str, Any]:
    return {"type": "string", "enum": [member.value for member in kind]}


def _value_schema(json_name: str, kind: Any) -> dict[str, Any]:
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        low, high = _INTEGER_BOUNDS.get(json_name, _DEFAULT_INTEGER_BOUNDS)
        return {"type": "integer", "minimum": low, "maximum": high}
    if kind is str:
        return {"type": "string", "maxLength": 20}
    if kind is date:
        return dict(_ISO_DATE)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return _enum(kind)
    if get_origin(kind) is tuple:
        (member, _) = get_args(kind)
        return {"type": "array", "items": _enum(member), "maxItems": len(member)}
    raise TypeError(f"no schema for the predictor field {json_name} ({kind!r})")


def _nullable(kind: Any) -> Any:
    """`X | None` → X."""
    if isinstance(kind, UnionType):
        (kind,) = (arg for arg in get_args(kind) if arg is not NoneType)
    return kind


def predictor_request_schema() -> dict[str, Any]:
    """Every field the predictors read, by its JSON name; null is the same as absent."""
    hints = get_type_hints(PredictorRequest)
    properties = {
        name: {"anyOf": [_value_schema(name, _nullable(hints[attribute])), {"type": "null"}]}
        for name, attribute in ATTRIBUTE.items()
    }
    return {
        "type": "object",
        "description": "Predictor inputs by their camelCase request names; fields a predictor "
        "does not read and unknown fields are ignored.",
        "properties": properties,
        "additionalProperties": True,
    }


def _maybe(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


PREDICTOR_OUTPUT_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "description": "OGRS3: oneYear, twoYear, band. OGP and OVP: points, oneYear, twoYear, band. "
    "The others: type, score (percent, 2 d.p.), band. Null where no score can be given; "
    "errors when any apply.",
    "properties": {
        "oneYear": _maybe({"type": "integer", "minimum": 0, "maximum": 100}),
        "twoYear": _maybe({"type": "integer", "minimum": 0, "maximum": 100}),
        "points": _maybe({"type": "integer"}),
        "type": _maybe(_enum(ScoreType)),
        "score": _maybe({"type": "number", "minimum": 0, "maximum": 100}),
        "band": _maybe(_enum(Band)),
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": _enum(ErrorType),
                    "fields": {"type": "array", "items": {"type": "string"}},
                    "message": {"type": "string"},
                },
                "required": ["type", "fields", "message"],
            },
        },
    },
}

PREDICTOR_NAME_SCHEMA: Final[dict[str, Any]] = {"type": "string", "enum": list(PREDICTOR_NAMES)}
