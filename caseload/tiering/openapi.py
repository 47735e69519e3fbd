"""The OpenAPI description of `POST /api/v1/tier`: the input object and the result.

The body is read by the calculator's own reader (`caseload.tiering.domain.reader`), which stays
authoritative (exact decimals, every problem named by its path); these schemas describe what it
reads for each `model`, so that generated requests are objects of the right shape.
"""

from enum import StrEnum
from typing import Any, Final

from caseload.tiering.domain import (
    DcSrpBand,
    MappaCategory,
    NeedSeverity,
    PredictorType,
    RoshLevel,
    V3Tier,
)
from caseload.tiering.domain.calculator import MODEL_NAMES
from caseload.tiering.domain.errors import ErrorType
from caseload.tiering.domain.protect import ProtectLevel


def _enum(kind: type[StrEnum]) -> dict[str, Any]:
    return {"type": "string", "enum": [member.value for member in kind]}


def _maybe(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


_PERCENT = {"type": "number", "minimum": 0, "maximum": 100}
_FLAG = _maybe({"type": "boolean"})
_CODE = {"type": "string", "maxLength": 10}
_PREDICTOR = _maybe(_object({"score": _maybe(_PERCENT), "type": _maybe(_enum(PredictorType))}))

TIER_INPUT_SCHEMA: Final[dict[str, Any]] = {
    **_object(
        {
            "model": {"type": "string", "enum": list(MODEL_NAMES)},
            # v3 and v3_provisional_only
            "has_active_event": _FLAG,
            "rosh": _maybe(_enum(RoshLevel)),
            "mappa_category": _maybe(_enum(MappaCategory)),
            "lifer_ipp": _FLAG,
            "latest_release_date": _maybe(
                _object(
                    {
                        part: _maybe({"type": "integer", "minimum": -200, "maximum": 200})
                        for part in ("years", "months", "days")
                    }
                )
            ),
            "domestic_abuse": _FLAG,
            "stalking": _FLAG,
            "child_protection": _FLAG,
            "ever_committed_sexual_offence": _FLAG,
            "arp": _PREDICTOR,
            "csrp": _PREDICTOR,
            "dc_srp": _maybe(
                _object({"score": _maybe(_PERCENT), "band": _maybe(_enum(DcSrpBand))})
            ),
            "step_results": _maybe({"type": "object", "maxProperties": 20}),
            # v2
            "gender": _maybe({"type": "string", "maxLength": 20}),
            "rsr": _maybe(_PERCENT),
            "ogrs": _maybe({"type": "integer", "minimum": 0, "maximum": 100}),
            "registrations": _maybe(
                {
                    "type": "array",
                    "maxItems": 50,
                    "items": _object(
                        {
                            "code": _CODE,
                            "level": _maybe(_CODE),
                            "category": _maybe(_CODE),
                            "date": _maybe({"type": "string", "format": "date"}),
                        },
                        required=("code",),
                    ),
                }
            ),
            "convictions": _maybe(
                {
                    "type": "array",
                    "maxItems": 50,
                    "items": _object(
                        {
                            "sentence_type": _maybe(_CODE),
                            "terminated": _FLAG,
                            "requirements": _maybe(
                                {
                                    "type": "array",
                                    "maxItems": 50,
                                    "items": _object(
                                        {"main_category": _CODE, "restrictive": _FLAG},
                                        required=("main_category",),
                                    ),
                                }
                            ),
                        }
                    ),
                }
            ),
            "assessment": _maybe({"type": "object"}),
            "previous_enforcement_activity": _FLAG,
            # v2_womens_factor_points and need_severity
            "female": _FLAG,
            "assessment_answers": _maybe({"type": "object"}),
            "section": _maybe({"type": "string", "maxLength": 50}),
            "answers": _maybe({"type": "object", "maxProperties": 50}),
            "sanIndicator": _FLAG,
        },
        required=("model",),
    ),
    "description": "One tier calculator input object; `model` chooses the fields read. "
    "Numbers are read as exact decimals; unknown fields are ignored.",
    "additionalProperties": True,
}

_POINTS = _maybe({"type": "integer", "minimum": 0})

TIER_RESULT_SCHEMA: Final[dict[str, Any]] = _object(
    {
        "tier": _maybe({"type": "string", "maxLength": 20}),
        "protect": _maybe(_enum(ProtectLevel)),
        "change": _maybe({"type": "integer", "minimum": 0, "maximum": 3}),
        "protect_points": _POINTS,
        "change_points": _POINTS,
        "provisional": _maybe({"type": "boolean"}),
        "womens_points": _POINTS,
        "score": _POINTS,
        "severity": _maybe(_enum(NeedSeverity)),
    }
)
TIER_RESULT_SCHEMA["description"] = (
    f"tier is v2's A-D, 0-3 and optional S (e.g. B2S) or v3's {', '.join(V3Tier)}; "
    "null where the model has no such field."
)

TIER_ERRORS_SCHEMA: Final[dict[str, Any]] = _object(
    {
        "errors": {
            "type": "array",
            "items": _object(
                {
                    "type": _enum(ErrorType),
                    "field": _maybe({"type": "string"}),
                    "fields": {"type": "array", "items": {"type": "string"}},
                    "message": {"type": "string"},
                },
                required=("type", "field", "fields", "message"),
            ),
        }
    },
    required=("errors",),
)
