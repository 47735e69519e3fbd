from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from caseload.access.rules import case_write_operation
from caseload.contacts.actions import record_contact

PREFIX = "/cases"
router = Router(tags=["contacts"])


class ContactIn(Schema):
    contact_type: str = Field(
        ..., min_length=1, max_length=4, description="Contact type code, e.g. COAP"
    )
    happened_at: datetime = Field(..., description="When it happened (ISO 8601); not in the future")
    outcome: str | None = Field(
        None, max_length=4, description="Outcome code; required for appointments"
    )
    enforcement_action: str | None = Field(None, max_length=4)
    notes: str = Field("", max_length=10_000)
    sensitive: bool = False
    rar_activity: bool = False


class ContactOut(Schema):
    id: int
    crn: str
    contact_type: str
    happened_at: datetime
    outcome: str | None
    enforcement_action: str | None


@router.post("/{crn}/contacts", response={201: ContactOut}, summary="Record a contact")
@case_write_operation
def create_contact(request: HttpRequest, crn: str, payload: ContactIn) -> Status:
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
