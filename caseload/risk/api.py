"""`POST /api/v1/predictors/{name}`: score one actuarial predictor for one JSON request; and a
case's registrations: read one, end it, review it.

The predictor body is parsed here rather than by a schema, so that unknown fields are ignored
and wrong types reach the predictors' own validation (INVALID_INPUT) instead of being
rejected wholesale. The response is the same JSON object `caseload predict` prints per line.

Ending or reviewing a registration sends the `version` the caller read; if it has changed
since, the answer is 409 with both versions and nothing is written.
"""

import json
from datetime import date
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Router, Schema, Status
from pydantic import WithJsonSchema

from caseload.access.cases import get_case_for_user
from caseload.access.rules import case_operation, case_write_operation, signed_in_operation
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.core.schemas import NeedsConfirmation
from caseload.people.api import Crn
from caseload.risk.actions import (
    deregister_flag,
    record_tool_assessment,
    register_flag,
    review_registration,
)
from caseload.risk.constants import MAPPA_CATEGORIES, MAPPA_LEVELS, REGISTERS
from caseload.risk.domain import RISK_TOOLS
from caseload.risk.models import Registration
from caseload.risk.openapi import (
    PREDICTOR_NAME_SCHEMA,
    PREDICTOR_OUTPUT_SCHEMA,
    predictor_request_schema,
)
from caseload.risk.predictors import PREDICTOR_NAMES, calculate
from caseload.risk.predictors.errors import ErrorType, error
from caseload.risk.predictors.service import empty_output

PREFIX = ""  # the predictors at /predictors, registrations under /cases/{crn}
router = Router(tags=["predictors"])
#: Ids are database keys: bounded, so that no number reaches the database as an overflow.
RecordId = Path(..., ge=1, le=2**63 - 1)

_OUTPUT = {"content": {"application/json": {"schema": PREDICTOR_OUTPUT_SCHEMA}}}
_OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": predictor_request_schema()}},
    },
    "responses": {
        200: {"description": "The score, or errors the model defines", **_OUTPUT},
        400: {"description": "The body is not a JSON object (INVALID_REQUEST)", **_OUTPUT},
    },
}

#: Declared as an enum in the document; an unknown name is still answered 404 here.
PredictorName = Annotated[
    str, WithJsonSchema(PREDICTOR_NAME_SCHEMA), Path(description="The predictor")
]


@router.post(
    "/predictors/{name}",
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


class RegistrationOut(Schema):
    id: int
    version: int = Field(..., ge=1, description="Send it back to end or review the registration")
    register_code: str = Field(..., description="The register's Delius code")
    label: str
    category: str
    level: str
    registered_on: date
    deregistered_on: date | None
    end_reason: str = Field(..., description="Why it was ended; empty while it is active")
    last_reviewed_on: date | None
    notes: str


def _registration_out(registration: Registration) -> RegistrationOut:
    review = registration.reviews.order_by("-reviewed_on", "-id").first()
    return RegistrationOut(
        id=registration.pk,
        version=registration.version,
        register_code=registration.register,
        label=registration.get_register_display(),
        category=registration.category,
        level=registration.level,
        registered_on=registration.registered_on,
        deregistered_on=registration.deregistered_on,
        end_reason=registration.end_reason,
        last_reviewed_on=review.reviewed_on if review else None,
        notes=registration.notes,
    )


_VERSION = Field(
    ..., ge=1, le=2**31 - 1, description="The version you read; 409 if it has changed since"
)


RegisterCode = Literal[tuple(REGISTERS)]  # type: ignore[valid-type]


class NewRegistrationIn(Schema):
    register_code: RegisterCode = Field(  # type: ignore[valid-type]
        ..., description="; ".join(f"{code} {r.label}" for code, r in REGISTERS.items())
    )
    category: Literal[("", *MAPPA_CATEGORIES)] = Field(  # type: ignore[valid-type]
        "", description="MAPPA only: the category"
    )
    level: Literal[("", *MAPPA_LEVELS)] = Field(  # type: ignore[valid-type]
        "", description="MAPPA only: the level"
    )
    registered_on: date = Field(..., description="Not in the future")
    notes: str = text("", max_length=10_000)
    confirmed: bool = Field(
        False,
        description="A person has one registration of a register at a time (one RoSH level): "
        "true to end the current one it replaces; without it, 409 names what would end",
    )


class EndRegistrationIn(Schema):
    version: int = _VERSION
    deregistered_on: date = Field(..., description="Not in the future, nor before it began")
    reason: str = text(..., max_length=10_000, description="Why it is ending (required)")


class ReviewRegistrationIn(Schema):
    version: int = _VERSION
    reviewed_on: date = Field(..., description="Not in the future")
    notes: str = text("", max_length=10_000)


@router.post(
    "/cases/{crn}/registrations",
    response={
        201: RegistrationOut,
        409: NeedsConfirmation,
        **error_responses(400, 401, 403, 404, 422),
    },
    summary="Add a registration",
    tags=["registrations"],
)
@case_write_operation
def add_registration(
    request: HttpRequest, crn: Crn, payload: NewRegistrationIn
) -> Status[RegistrationOut]:
    """A registration that would end a current one (the same register, or another RoSH level)
    is refused with 409 and what it would end, unless `confirmed` is true."""
    fields = payload.dict()
    registration = register_flag(
        crn, acting_user=request.user, register=fields.pop("register_code"), **fields
    )
    return Status(201, _registration_out(registration))


@router.get(
    "/cases/{crn}/registrations/{registration_id}",
    response={200: RegistrationOut, **error_responses(401, 403, 404, 422)},
    summary="One registration, with its version",
    tags=["registrations"],
)
@case_operation
def get_registration(
    request: HttpRequest, crn: Crn, registration_id: int = RecordId
) -> RegistrationOut:
    person = get_case_for_user(request.user, crn)
    return _registration_out(get_object_or_404(person.registrations, pk=registration_id))


@router.post(
    "/cases/{crn}/registrations/{registration_id}/end",
    response={200: RegistrationOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="End a registration",
    tags=["registrations"],
)
@case_write_operation
def end_registration(
    request: HttpRequest, crn: Crn, payload: EndRegistrationIn, registration_id: int = RecordId
) -> RegistrationOut:
    registration = deregister_flag(
        crn,
        registration_id,
        acting_user=request.user,
        expected_version=payload.version,
        deregistered_on=payload.deregistered_on,
        reason=payload.reason,
    )
    return _registration_out(registration)


@router.post(
    "/cases/{crn}/registrations/{registration_id}/review",
    response={201: RegistrationOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="Review a registration",
    tags=["registrations"],
)
@case_write_operation
def review_registration_operation(
    request: HttpRequest, crn: Crn, payload: ReviewRegistrationIn, registration_id: int = RecordId
) -> Status[RegistrationOut]:
    review = review_registration(
        crn,
        registration_id,
        acting_user=request.user,
        expected_version=payload.version,
        reviewed_on=payload.reviewed_on,
        notes=payload.notes,
    )
    return Status(201, _registration_out(review.registration))


RiskTool = Literal[tuple(RISK_TOOLS)]  # type: ignore[valid-type]


class ToolAssessmentIn(Schema):
    tool: RiskTool = Field(  # type: ignore[valid-type]
        ..., description="; ".join(f"{code} {label}" for code, label in RISK_TOOLS.items())
    )
    completed_on: date = Field(..., description="Not in the future")


class ToolAssessmentOut(Schema):
    id: int
    tool: str
    label: str
    completed_on: date


@router.post(
    "/cases/{crn}/arms-sara",
    response={201: ToolAssessmentOut, **error_responses(400, 401, 403, 404, 422)},
    summary="Record an ARMS or SARA completed",
    tags=["registrations"],
)
@case_write_operation
def add_tool_assessment(
    request: HttpRequest, crn: Crn, payload: ToolAssessmentIn
) -> Status[ToolAssessmentOut]:
    """That an ARMS or a SARA was completed, and when; its judgements stay in the tool's own
    record. The ARMS and SARA return reads it as the case's current assessment."""
    assessment = record_tool_assessment(
        crn, acting_user=request.user, tool=payload.tool, completed_on=payload.completed_on
    )
    return Status(
        201,
        ToolAssessmentOut(
            id=assessment.pk,
            tool=assessment.tool,
            label=RISK_TOOLS[assessment.tool],
            completed_on=assessment.completed_on,
        ),
    )
