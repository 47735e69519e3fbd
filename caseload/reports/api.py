"""Reports in the API: the case's reports, a request recorded, and its completion (with the
`version` read: 409 if it changed since, nothing written)."""

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Router, Schema, Status

from caseload.access.cases import get_case_for_user
from caseload.access.rules import case_operation, case_write_operation
from caseload.core.api_errors import error_responses
from caseload.people.api_params import Crn
from caseload.reports import actions
from caseload.reports.constants import ReportKind
from caseload.reports.domain import MOST_ACTUAL_MINUTES
from caseload.reports.panels import report_rows

PREFIX = "/cases"
router = Router(tags=["reports"])

ReportId = Path(..., ge=1, le=2**63 - 1)
_WRITE = {**error_responses(400, 401, 403, 404, 409, 422)}

KindCode = Literal[tuple(ReportKind.values)]  # type: ignore[valid-type]


class ReportIn(Schema):
    kind: KindCode = Field(  # type: ignore[valid-type]
        ..., description="; ".join(f"{v} {label}" for v, label in ReportKind.choices)
    )
    requested_on: date = Field(..., description="Not in the future")
    due_on: date = Field(..., description="On or after the request, within a year of it")


class ReportCompletionIn(Schema):
    version: int = Field(
        ..., ge=1, le=2**31 - 1, description="The version you read; 409 if changed"
    )
    completed_on: date = Field(..., description="Not in the future, nor before the request")
    actual_minutes: int | None = Field(
        None,
        ge=1,
        le=MOST_ACTUAL_MINUTES,
        description="Optional: the minutes writing it actually took; the evidence the workload "
        "agreement is tested on",
    )


def _reports(request: HttpRequest, crn: Crn, *, audit: bool = True) -> dict[str, Any]:
    person = get_case_for_user(request.user, crn, audit=audit)
    return {
        "crn": person.crn,
        "reports": [
            {
                "id": r.id,
                "version": r.version,
                "kind": r.kind,
                "kind_label": r.kind_label,
                "requested_on": r.requested_on,
                "due_on": r.due_on,
                "completed_on": r.completed_on,
                "overdue": r.overdue,
            }
            for r in report_rows(person, timezone.localdate())
        ],
    }


@router.get(
    "/{crn}/reports",
    response={200: dict[str, Any], **error_responses(401, 403, 404, 422)},
    summary="The case's reports, soonest needed first",
)
@case_operation
def get_reports(request: HttpRequest, crn: Crn) -> dict[str, Any]:
    return _reports(request, crn)


@router.post(
    "/{crn}/reports",
    response={201: dict[str, Any], **_WRITE},
    summary="Record a pre-sentence or parole report requested",
)
@case_write_operation
def request_report(request: HttpRequest, crn: Crn, payload: ReportIn) -> Status[dict[str, Any]]:
    actions.request_report(crn, acting_user=request.user, **payload.dict())
    return Status(201, _reports(request, crn, audit=False))


@router.post(
    "/{crn}/reports/{report_id}/completion",
    response={200: dict[str, Any], **_WRITE},
    summary="Record a report as completed",
)
@case_write_operation
def complete_report(
    request: HttpRequest, crn: Crn, payload: ReportCompletionIn, report_id: int = ReportId
) -> Status[dict[str, Any]]:
    actions.complete_report(
        crn,
        report_id,
        acting_user=request.user,
        expected_version=payload.version,
        completed_on=payload.completed_on,
        actual_minutes=payload.actual_minutes,
    )
    return Status(200, _reports(request, crn, audit=False))
