"""Plans and oversight in the API: read them, and record a sentence plan, a risk management
plan or (for managers) management oversight. Notes are null for a caller who may not see
sensitive notes."""

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from caseload.access.capabilities import Capability
from caseload.access.cases import case_viewer, get_case_for_user
from caseload.access.rules import case_operation, case_task_operation, case_write_operation
from caseload.contacts.domain import MOST_ACTUAL_MINUTES
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.people.api_params import Crn
from caseload.plans import actions
from caseload.plans.domain import CONTACT_FREQUENCIES, MAX_NOTES
from caseload.plans.panels import (
    PlanRow,
    oversight_rows,
    risk_management_plan_rows,
    sentence_plan_rows,
)

PREFIX = "/cases"
router = Router(tags=["plans and oversight"])

_WRITE = {**error_responses(400, 401, 403, 404, 422)}
Frequency = Literal[tuple(CONTACT_FREQUENCIES)]  # type: ignore[valid-type]


class SentencePlanIn(Schema):
    completed_on: date = Field(..., description="Not in the future")
    contact_every_days: Frequency = Field(  # type: ignore[valid-type]
        ...,
        description="The agreed contact frequency in days: "
        + "; ".join(f"{days} {words.lower()}" for days, words in CONTACT_FREQUENCIES.items()),
    )
    notes: str = text("", max_length=MAX_NOTES)
    actual_minutes: int | None = Field(
        None,
        ge=1,
        le=MOST_ACTUAL_MINUTES,
        description="Optional: the minutes the plan actually took; the evidence the workload "
        "agreement is tested on",
    )


class RiskManagementPlanIn(Schema):
    completed_on: date = Field(..., description="Not in the future")
    notes: str = text("", max_length=MAX_NOTES)
    actual_minutes: int | None = Field(
        None,
        ge=1,
        le=MOST_ACTUAL_MINUTES,
        description="Optional: the minutes the plan actually took; the evidence the workload "
        "agreement is tested on",
    )


class ManagementOversightIn(Schema):
    recorded_on: date = Field(..., description="Not in the future")
    notes: str = text(..., max_length=MAX_NOTES, description="What was reviewed and decided")


def _row(row: PlanRow, date_name: str) -> dict[str, Any]:
    found: dict[str, Any] = {date_name: row.on, "by": row.by, "notes": row.notes}
    if row.contact_every_days is not None:
        found["contact_every_days"] = row.contact_every_days
        found["contact_frequency"] = row.contact_frequency
    return found


def _plans(request: HttpRequest, crn: Crn, *, audit: bool = True) -> dict[str, Any]:
    person = get_case_for_user(request.user, crn, audit=audit)
    viewer = case_viewer(request.user, person)
    return {
        "crn": person.crn,
        "sentence_plans": [_row(p, "completed_on") for p in sentence_plan_rows(person, viewer)],
        "risk_management_plans": [
            _row(p, "completed_on") for p in risk_management_plan_rows(person, viewer)
        ],
        "management_oversight": [_row(o, "recorded_on") for o in oversight_rows(person, viewer)],
    }


@router.get(
    "/{crn}/plans",
    response={200: dict[str, Any], **error_responses(401, 403, 404, 422)},
    summary="The case's sentence plans, risk management plans and management oversight, "
    "latest first",
)
@case_operation
def get_plans(request: HttpRequest, crn: Crn) -> dict[str, Any]:
    return _plans(request, crn)


@router.post(
    "/{crn}/sentence-plans",
    response={201: dict[str, Any], **_WRITE},
    summary="Record a sentence plan and the contact frequency agreed in it",
)
@case_write_operation
def record_sentence_plan(
    request: HttpRequest, crn: Crn, payload: SentencePlanIn
) -> Status[dict[str, Any]]:
    actions.record_sentence_plan(crn, acting_user=request.user, **payload.dict())
    return Status(201, _plans(request, crn, audit=False))


@router.post(
    "/{crn}/risk-management-plans",
    response={201: dict[str, Any], **_WRITE},
    summary="Record a risk management plan",
)
@case_write_operation
def record_risk_management_plan(
    request: HttpRequest, crn: Crn, payload: RiskManagementPlanIn
) -> Status[dict[str, Any]]:
    actions.record_risk_management_plan(crn, acting_user=request.user, **payload.dict())
    return Status(201, _plans(request, crn, audit=False))


@router.post(
    "/{crn}/management-oversight",
    response={201: dict[str, Any], **_WRITE},
    summary="Record management oversight (managers and heads of unit): what was reviewed "
    "and decided",
)
@case_task_operation(Capability.OVERSEE_CASES)
def record_management_oversight(
    request: HttpRequest, crn: Crn, payload: ManagementOversightIn
) -> Status[dict[str, Any]]:
    actions.record_management_oversight(crn, acting_user=request.user, **payload.dict())
    return Status(201, _plans(request, crn, audit=False))
