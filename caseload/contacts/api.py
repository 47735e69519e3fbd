from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from pydantic import AwareDatetime

from caseload.access.rules import case_write_operation
from caseload.contacts.actions import record_contact
from caseload.contacts.domain import (
    ENFORCEMENT_ACTIONS,
    MOST_ACTUAL_MINUTES,
    OUTCOMES,
    RECORDED_BY_HAND,
)
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.people.api import Crn

PREFIX = "/cases"
router = Router(tags=["contacts"])

ContactTypeCode = Literal[tuple(RECORDED_BY_HAND)]  # type: ignore[valid-type]
OutcomeCode = Literal[tuple(OUTCOMES)]  # type: ignore[valid-type]
EnforcementActionCode = Literal[tuple(ENFORCEMENT_ACTIONS)]  # type: ignore[valid-type]


#: The optional minutes actually spent, as every operation that records a contact takes them.
ACTUAL_MINUTES = Field(
    None,
    ge=1,
    le=MOST_ACTUAL_MINUTES,
    description="Optional: the minutes the contact actually took, travel and writing it up "
    f"included (1 to {MOST_ACTUAL_MINUTES}); the evidence the workload agreement is tested on",
)


def _codes(table: dict[str, object]) -> str:
    return "; ".join(f"{code} {getattr(entry, 'label', '')}" for code, entry in table.items())


class ContactIn(Schema):
    contact_type: ContactTypeCode = Field(  # type: ignore[valid-type]
        ..., description=f"Contact type code: {_codes(RECORDED_BY_HAND)}"
    )
    happened_at: AwareDatetime = Field(
        ...,
        description="When it happened: ISO 8601 with a UTC offset; not in the future, "
        "not before 1900",
    )
    outcome: OutcomeCode | None = Field(  # type: ignore[valid-type]
        None, description=f"Outcome code, required for appointments: {_codes(OUTCOMES)}"
    )
    enforcement_action: EnforcementActionCode | None = Field(  # type: ignore[valid-type]
        None,
        description="The enforcement decision, required when the outcome is a failure to "
        f"comply: {_codes(ENFORCEMENT_ACTIONS)}",
    )
    notes: str = text("", max_length=10_000)
    sensitive: bool = False
    rar_activity: bool = False
    minutes_credited: int | None = Field(
        None,
        description="Unpaid work sessions only: the minutes of work credited (0 to 720)",
    )
    actual_minutes: int | None = ACTUAL_MINUTES


class ContactOut(Schema):
    id: int
    crn: str
    contact_type: str
    happened_at: datetime
    outcome: str | None
    enforcement_action: str | None


@router.post(
    "/{crn}/contacts",
    response={201: ContactOut, **error_responses(400, 401, 403, 404, 422)},
    summary="Record a contact",
)
@case_write_operation
def create_contact(request: HttpRequest, crn: Crn, payload: ContactIn) -> Status:
    contact = record_contact(crn, acting_user=request.user, **payload.dict())
    return Status(
        201,
        ContactOut(
            id=contact.pk,
            crn=contact.person.crn,
            contact_type=contact.contact_type,
            happened_at=contact.happened_at,
            outcome=contact.outcome or None,
            enforcement_action=contact.enforcement_action or None,
        ),
    )
