"""`calculate`: one JSON request in, one JSON result out, for any predictor. Never raises.

The output shapes are the predictor issue's, our own contract, not the anchor's response:

* `ogrs3`: `{"oneYear", "twoYear", "band"}`
* `ogp`, `ovp`: `{"points", "oneYear", "twoYear", "band"}`
* the others: `{"type", "score", "band"}` (score: percent, 2 d.p.)

plus `"errors": [{"type", "fields", "message"}, ...]` when any error applies. Result fields are
null when no score can be given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from caseload.risk.predictors.arp import arp
from caseload.risk.predictors.csrp import csrp
from caseload.risk.predictors.dc_srp import dc_srp
from caseload.risk.predictors.enums import ScoreType
from caseload.risk.predictors.errors import ErrorType, PredictorError, error, unexpected
from caseload.risk.predictors.fields import PREDICTOR_FIELDS, PREDICTOR_NAMES
from caseload.risk.predictors.iic_srp import iic_srp
from caseload.risk.predictors.ogp import ogp
from caseload.risk.predictors.ogrs3 import ogrs3
from caseload.risk.predictors.ovp import ovp
from caseload.risk.predictors.request import PredictorRequest, Spec, parse_with, specs_for
from caseload.risk.predictors.results import (
    Ogrs3Result,
    PointsResult,
    PredictorResult,
)
from caseload.risk.predictors.svrp import svrp
from caseload.risk.predictors.vrp import vrp

PREDICTORS: Final[dict[str, Callable[[PredictorRequest], PredictorResult]]] = {
    "ogrs3": ogrs3,
    "ogp": ogp,
    "ovp": ovp,
    "arp": arp,
    "vrp": vrp,
    "svrp": svrp,
    "dc-srp": dc_srp,
    "iic-srp": iic_srp,
    "csrp": csrp,
}
assert tuple(PREDICTORS) == PREDICTOR_NAMES
_ALWAYS_STATIC = frozenset({"dc-srp", "iic-srp"})
READS: Final[dict[str, frozenset[str]]] = {
    name: frozenset(("version", *fields.all)) for name, fields in PREDICTOR_FIELDS.items()
}
"""The request fields each predictor reads (and so validates the JSON type of)."""
SPECS: Final[dict[str, dict[str, Spec]]] = {name: specs_for(READS[name]) for name in READS}
_MISSING = frozenset({ErrorType.MISSING_MANDATORY_INPUT, ErrorType.MISSING_DYNAMIC_INPUT})


def empty_output(name: str) -> dict[str, object]:
    """The predictor's output shape with every result field null."""
    if name == "ogrs3":
        return {"oneYear": None, "twoYear": None, "band": None}
    if name in ("ogp", "ovp"):
        return {"points": None, "oneYear": None, "twoYear": None, "band": None}
    return {
        "type": ScoreType.STATIC.value if name in _ALWAYS_STATIC else None,
        "score": None,
        "band": None,
    }


def to_output(name: str, result: PredictorResult) -> dict[str, object]:
    """The JSON shape of a typed result."""
    output: dict[str, object]
    if isinstance(result, Ogrs3Result):
        output = {
            "oneYear": result.one_year,
            "twoYear": result.two_year,
            "band": _value(result.band),
        }
    elif isinstance(result, PointsResult):
        output = {
            "points": result.points,
            "oneYear": result.one_year,
            "twoYear": result.two_year,
            "band": _value(result.band),
        }
    else:
        output = {
            "type": _value(result.score_type),
            "score": result.score,
            "band": _value(result.band),
        }
    if result.errors:
        output["errors"] = [e.to_json() for e in result.errors]
    return output


def _value(member: object) -> object:
    return getattr(member, "value", None)


def _with_errors(name: str, errors: list[PredictorError]) -> dict[str, object]:
    output = empty_output(name)
    output["errors"] = [e.to_json() for e in errors]
    return output


def _invalid_input(
    name: str, request: PredictorRequest, invalid: tuple[str, ...]
) -> dict[str, object]:
    """Our contract: INVALID_INPUT first, then the predictor's own findings; no score."""
    errors = [error(ErrorType.INVALID_INPUT, invalid)]
    for found in PREDICTORS[name](request).errors:
        if found.type in _MISSING:
            fields = tuple(f for f in found.fields if f not in invalid)
            if not fields:
                continue
            found = PredictorError(found.type, fields, found.message)
        errors.append(found)
    return _with_errors(name, errors)


def calculate(name: str, request: Mapping[str, object]) -> dict[str, object]:
    """Score predictor `name` for a decoded JSON request; never raises.

    An unknown name or a request that is not a JSON object gives `INVALID_REQUEST`.
    """
    try:
        if name not in PREDICTORS:
            message = f"Unknown predictor {name!r}; expected one of {', '.join(PREDICTOR_NAMES)}"
            return {"errors": [error(ErrorType.INVALID_REQUEST, (), message).to_json()]}
        if type(request) is not dict and not isinstance(request, Mapping):
            return _with_errors(name, [error(ErrorType.INVALID_REQUEST)])
        parsed, invalid = parse_with(request, SPECS[name])
        if invalid:
            return _invalid_input(name, parsed, invalid)
        return to_output(name, PREDICTORS[name](parsed))
    except Exception as exc:  # last line of defence: report, never raise
        safe_name = name if isinstance(name, str) and name in PREDICTORS else "arp"
        return _with_errors(safe_name, [unexpected(exc)])
