"""`POST /api/v1/tier`: the tier calculator over HTTP, answering exactly as `caseload tier`.

The body is one free-form input object, in the shape of `caseload tier`'s input lines. It is
parsed here, not by pydantic, for two reasons: numbers must be exact decimals (RSR 99.99 would
become a binary double that scores differently against hmpps-tier's RSR thresholds), and invalid
fields must be named by our own validation. 200 carries the result; 422 carries
`{"errors": [...]}`.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from caseload.access.rules import signed_in_operation
from caseload.core.api_errors import error_responses
from caseload.tiering.domain import calculate_tier_text
from caseload.tiering.openapi import TIER_ERRORS_SCHEMA, TIER_INPUT_SCHEMA, TIER_RESULT_SCHEMA

PREFIX = "/tier"
router = Router(tags=["tier"])

_INPUT_EXAMPLE = {
    "model": "v3",
    "has_active_event": True,
    "rosh": "MEDIUM",
    "mappa_category": None,
    "arp": {"score": 25.0, "type": "DYNAMIC"},
    "csrp": {"score": 0.0, "type": "STATIC"},
    "dc_srp": None,
}

_OPENAPI = {
    "requestBody": {
        "required": True,
        "description": "One tier calculator input object; `model` is v2, v3, "
        "v3_provisional_only, v2_womens_factor_points or need_severity.",
        "content": {"application/json": {"schema": TIER_INPUT_SCHEMA, "example": _INPUT_EXAMPLE}},
    },
    "responses": {
        200: {"content": {"application/json": {"schema": TIER_RESULT_SCHEMA}}},
        422: {
            "description": "The body is not one JSON object, or fields are invalid: "
            "the calculator's own errors, each naming its field",
            "content": {"application/json": {"schema": TIER_ERRORS_SCHEMA}},
        },
    },
}


@router.post(
    "",
    response={200: dict[str, Any], 422: dict[str, Any], **error_responses(401, 403)},
    summary="Calculate a tier",
    description="Returns tier, protect, change, protect_points, change_points and "
    "provisional (null where the model has none), or 422 with errors naming each field.",
    openapi_extra=_OPENAPI,
)
@signed_in_operation
def calculate(request: HttpRequest) -> Status[dict[str, object]]:
    result = calculate_tier_text(request.body)
    return Status(422 if "errors" in result else 200, result)
