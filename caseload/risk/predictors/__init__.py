"""Actuarial risk predictors: pure Python, no Django.

Sources (public, MIT-licensed, Crown Copyright): the anchor ``ministryofjustice/
hmpps-arns-risk-actuarial-api`` at ``016919c`` (HEAD: ARP, VRP, SVRP, DC-SRP, IIC-SRP, CSRP,
validation, error types) and at ``52792f4`` (legacy: OGRS3, OGP, OVP, the last commit before they
were deleted), and ``ministryofjustice/hmpps-manage-offences-api`` at ``daf5d37`` (offence codes).
In the paths cited, ``src/main/kotlin/.../`` stands for ``src/main/kotlin/uk/gov/justice/digital/
hmpps/arnsriskactuarialapi/``. Each module names its files; ``docs/sources.md`` lists them all.

Public API
----------
``calculate(name, request) -> dict``
    Score one predictor from a decoded JSON request (camelCase field names, the anchor's;
    ``dateAtStartOfFollowup`` is the follow-up date for every predictor; optional
    ``actuarialCategory`` / ``ogrs3Category`` override the offence lookup). Returns the issue's
    output shape plus ``errors`` when any apply; never raises.
``PREDICTOR_NAMES``
    ``("ogrs3", "ogp", "ovp", "arp", "vrp", "svrp", "dc-srp", "iic-srp", "csrp")``.
``predictor_fields(name) -> PredictorFields``
    The request fields a predictor needs: ``static`` (required), ``dynamic`` (needed for the
    dynamic model), ``conditional`` (with ``conditions`` explaining when), ``optional``.
``parse_request(mapping) -> ParsedRequest``
    JSON object → typed ``PredictorRequest`` (frozen dataclass, snake_case attributes) plus the
    fields rejected as ``INVALID_INPUT``.
Typed predictors, one module each, ``PredictorRequest`` → frozen result dataclass
(``from caseload.risk.predictors import arp; arp.arp(request)``):
    ``ogrs3`` → ``Ogrs3Result``; ``ogp``, ``ovp`` → ``PointsResult``; ``arp``, ``vrp``, ``svrp`` →
    ``ScoreResult``; ``dc_srp``, ``iic_srp`` → ``SexualResult``; ``csrp`` → ``CombinedResult``.
    Every result has ``errors`` (``PredictorError``: type, fields, message) and ``terms``: a tuple
    of ``Term(name, value, weight)`` explaining the score (the anchor's feature names).

The behaviour is the anchor's (hmpps-arns-risk-actuarial-api at the pinned commits), including its
quirks; each module docstring cites the anchor files it follows.
"""

from caseload.risk.predictors.errors import ErrorType, PredictorError
from caseload.risk.predictors.fields import (
    PREDICTOR_FIELDS,
    PREDICTOR_NAMES,
    PredictorFields,
    predictor_fields,
)
from caseload.risk.predictors.request import ParsedRequest, PredictorRequest, parse_request
from caseload.risk.predictors.results import (
    CombinedResult,
    Ogrs3Result,
    PointsResult,
    PredictorResult,
    ScoreResult,
    SexualResult,
    Term,
)
from caseload.risk.predictors.service import calculate, to_output

__all__ = [
    "PREDICTOR_FIELDS",
    "PREDICTOR_NAMES",
    "CombinedResult",
    "ErrorType",
    "Ogrs3Result",
    "ParsedRequest",
    "PointsResult",
    "PredictorError",
    "PredictorFields",
    "PredictorRequest",
    "PredictorResult",
    "ScoreResult",
    "SexualResult",
    "Term",
    "calculate",
    "parse_request",
    "predictor_fields",
    "to_output",
]
