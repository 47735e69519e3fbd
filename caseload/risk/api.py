"""`POST /api/v1/predictors/{name}`: score one actuarial predictor for one JSON request.

The body is parsed here rather than by a schema, so that unknown fields are ignored and wrong
types reach the predictors' own validation (INVALID_INPUT) instead of being
rejected wholesale. The response is the same JSON object `caseload predict` prints per line.
"""

import json
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Router, Status
from pydantic import WithJsonSchema

from caseload.access.rules import signed_in_operation
from caseload.core.api_errors import error_responses
from caseload.risk.openapi import (
    PREDICTOR_NAME_SCHEMA,
    PREDICTOR_OUTPUT_SCHEMA,
    predictor_request_schema,
)
from caseload.risk.predictors import PREDICTOR_NAMES, calculate
from caseload.risk.predictors.errors import ErrorType, error
from caseload.risk.predictors.service import empty_output

PREFIX = "/predictors"
router = Router(tags=["predictors"])

_OUTPUT = {"content": {"application/json": {"schema": PREDICTOR_OUTPUT_SCHEMA}}}
_OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": predictor_request_schema()}},
    },
    "responses": {
        "200": {"description": "The score, or errors the model defines", **_OUTPUT},
        "400": {"description": "The body is not a JSON object (INVALID_REQUEST)", **_OUTPUT},
    },
}

#: Declared as an enum in the document; an unknown name is still answered 404 here.
PredictorName = Annotated[
    str, WithJsonSchema(PREDICTOR_NAME_SCHEMA), Path(description="The predictor")
]


@router.post(
    "/{name}",
    response={200: dict[str, Any], 400: dict[str, Any], **error_responses(401, 403, 404)},
    openapi_extra=_OPENAPI,
    summary="Score one actuarial predictor",
)
@signed_in_operation
def predict(request: HttpRequest, name: PredictorName) -> Status[dict[str, Any]]:
    """Errors the reference defines come back with status 200 in `errors`; an unknown predictor
    is 404 and a body that is not a JSON object is 400."""
    if name not in PREDICTOR_NAMES:
        message = f"Unknown predictor {name!r}; expected one of {', '.join(PREDICTOR_NAMES)}"
        return Status(404, {"detail": message})
    try:
        payload = json.loads(request.body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        payload = None
    if not isinstance(payload, dict):
        body = empty_output(name)
        body["errors"] = [error(ErrorType.INVALID_REQUEST).to_json()]
        return Status(400, body)
    return Status(200, calculate(name, payload))
