"""The safeguarding enquiries on the Risk section: those awaiting a response first, then the
answered ones, latest first. What another agency shared is withheld from a viewer who may not
see sensitive notes."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)
from caseload.safeguarding.constants import EnquiryKind, EnquiryReason, EnquiryResponse


@dataclass(frozen=True)
class EnquiryRow:
    id: int
    kind: str
    kind_label: str
    reason_label: str
    requested_on: date
    requested_by: str
    responded_on: date | None
    response: str
    response_label: str
    #: None when withheld from the viewer (or none was recorded: then "").
    notes: str | None
    version: int


def _name(user: Any) -> str:
    return str(user.get_full_name() or user.username) if user else ""


def enquiry_rows(person: Person, viewer: CaseViewer) -> list[EnquiryRow]:
    kinds, reasons = dict(EnquiryKind.choices), dict(EnquiryReason.choices)
    responses = dict(EnquiryResponse.choices)
    rows = person.enquiries.select_related("requested_by").order_by("-requested_on", "-id")
    return [
        EnquiryRow(
            id=e.pk,
            kind=e.kind,
            kind_label=kinds.get(e.kind, e.kind),
            reason_label=reasons.get(e.reason, e.reason),
            requested_on=e.requested_on,
            requested_by=_name(e.requested_by),
            responded_on=e.responded_on,
            response=e.response,
            response_label=responses.get(e.response, ""),
            notes=e.response_notes if viewer.sees_sensitive else None,
            version=e.version,
        )
        for e in rows
    ]


def enquiries(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    rows = enquiry_rows(person, viewer)
    return {
        "enquiries_awaiting": [e for e in rows if e.responded_on is None],
        "enquiries_answered": [e for e in rows if e.responded_on is not None],
    }


register_panel(
    CasePanel("enquiries", 17, "safeguarding/enquiries_panel.html", enquiries, section="risk")
)
register_case_action(
    CaseAction("Record a safeguarding enquiry", "request_enquiry", sections=("risk",), order=13)
)
