"""Safeguarding enquiries in the API: the case's enquiries, a request recorded, and its one
response (with the `version` read: 409 if it changed since, nothing written). What another
agency shared (`response_notes`) is null for a caller who may not see sensitive notes."""

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status

from caseload.access.cases import case_viewer, get_case_for_user
from caseload.access.rules import case_operation, case_write_operation
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.people.api_params import Crn
from caseload.safeguarding import actions
from caseload.safeguarding.constants import EnquiryKind, EnquiryReason, EnquiryResponse
from caseload.safeguarding.domain import MAX_NOTES
from caseload.safeguarding.panels import enquiry_rows

PREFIX = "/cases"
router = Router(tags=["safeguarding enquiries"])

EnquiryId = Path(..., ge=1, le=2**63 - 1)
_WRITE = {**error_responses(400, 401, 403, 404, 409, 422)}

KindCode = Literal[tuple(EnquiryKind.values)]  # type: ignore[valid-type]
ReasonCode = Literal[tuple(EnquiryReason.values)]  # type: ignore[valid-type]
ResponseCode = Literal[tuple(EnquiryResponse.values)]  # type: ignore[valid-type]


def _codes(choices: Any) -> str:
    return "; ".join(f"{value} {label}" for value, label in choices.choices)


class EnquiryIn(Schema):
    kind: KindCode = Field(..., description=_codes(EnquiryKind))  # type: ignore[valid-type]
    reason: ReasonCode = Field(..., description=_codes(EnquiryReason))  # type: ignore[valid-type]
    requested_on: date = Field(..., description="Not in the future")


class EnquiryResponseIn(Schema):
    version: int = Field(
        ..., ge=1, le=2**31 - 1, description="The version you read; 409 if changed"
    )
    responded_on: date = Field(..., description="Not in the future, nor before the request")
    response: ResponseCode = Field(..., description=_codes(EnquiryResponse))  # type: ignore[valid-type]
    response_notes: str = text("", max_length=MAX_NOTES, description="What they shared")


def _enquiries(request: HttpRequest, crn: Crn, *, audit: bool = True) -> dict[str, Any]:
    person = get_case_for_user(request.user, crn, audit=audit)
    viewer = case_viewer(request.user, person)
    return {
        "crn": person.crn,
        "enquiries": [
            {
                "id": e.id,
                "version": e.version,
                "kind": e.kind,
                "kind_label": e.kind_label,
                "reason": e.reason_label,
                "requested_on": e.requested_on,
                "requested_by": e.requested_by,
                "responded_on": e.responded_on,
                "response": e.response or None,
                "response_label": e.response_label or None,
                "response_notes": e.notes,
            }
            for e in enquiry_rows(person, viewer)
        ],
    }


@router.get(
    "/{crn}/enquiries",
    response={200: dict[str, Any], **error_responses(401, 403, 404, 422)},
    summary="The case's safeguarding enquiries, latest first, with their responses",
)
@case_operation
def get_enquiries(request: HttpRequest, crn: Crn) -> dict[str, Any]:
    return _enquiries(request, crn)


@router.post(
    "/{crn}/enquiries",
    response={201: dict[str, Any], **_WRITE},
    summary="Record a police, children's services or adult services enquiry requested",
)
@case_write_operation
def request_enquiry(request: HttpRequest, crn: Crn, payload: EnquiryIn) -> Status[dict[str, Any]]:
    actions.request_enquiry(crn, acting_user=request.user, **payload.dict())
    return Status(201, _enquiries(request, crn, audit=False))


@router.post(
    "/{crn}/enquiries/{enquiry_id}/response",
    response={200: dict[str, Any], **_WRITE},
    summary="Record the one response to an enquiry",
)
@case_write_operation
def record_enquiry_response(
    request: HttpRequest, crn: Crn, payload: EnquiryResponseIn, enquiry_id: int = EnquiryId
) -> Status[dict[str, Any]]:
    fields = payload.dict(exclude={"version"})
    actions.record_enquiry_response(
        crn, enquiry_id, acting_user=request.user, expected_version=payload.version, **fields
    )
    return Status(200, _enquiries(request, crn, audit=False))
