"""Writes to a person's safeguarding enquiries, each through the one case-write wrapper: an
enquiry requested, and its one response recorded."""

from datetime import date
from typing import Any

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.safeguarding import domain
from caseload.safeguarding.constants import EnquiryKind, EnquiryResponse
from caseload.safeguarding.models import Enquiry

_KINDS = dict(EnquiryKind.choices)
_RESPONSES = dict(EnquiryResponse.choices)


def describe_enquiry(row: Any) -> str:
    """An enquiry (or a version of it from its history) in plain words, without its notes."""
    text = f"{_KINDS.get(row.kind, row.kind)} requested on {day_in_words(row.requested_on)}"
    if row.responded_on is None:
        return f"{text}, no response recorded"
    response = _RESPONSES.get(row.response, row.response)
    return f"{text}, response on {day_in_words(row.responded_on)}: {response.lower()}"


@case_action("REQUEST_ENQUIRY", cause="enquiry requested")
def request_enquiry(
    case: CaseWrite, *, kind: str | None, reason: str | None, requested_on: date | None
) -> Enquiry:
    """An enquiry made of the police, children's services or adult services, by the acting
    user, at the start of supervision or because of a new concern."""
    problems = domain.validate_enquiry(
        domain.EnquiryRequest(kind, reason, requested_on), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    enquiry = Enquiry.objects.create(
        person=case.person,
        kind=kind,
        reason=reason,
        requested_on=requested_on,
        requested_by=case.acting_user,
    )
    case.audit.update(enquiry_id=enquiry.pk, kind=kind)
    return enquiry


@case_action("RECORD_ENQUIRY_RESPONSE", cause="enquiry response recorded")
def record_enquiry_response(
    case: CaseWrite,
    enquiry_id: int,
    *,
    expected_version: int | None,
    responded_on: date | None,
    response: str | None,
    response_notes: str = "",
) -> Enquiry:
    """The one response to an enquiry of this case, refused if the enquiry changed since the
    user saw it (someone else recorded the response meanwhile)."""
    enquiry = case.person.enquiries.filter(pk=enquiry_id).first()
    if enquiry is None:
        raise ActionInvalid(
            [FieldProblem("enquiry", "not_found", "There is no such enquiry on this case")]
        )
    seen = None if expected_version is None else Seen(enquiry_id, expected_version)
    refuse_stale_edit("enquiry", seen, enquiry, model=Enquiry, describe=describe_enquiry)
    entered = domain.EnquiryResponse(
        enquiry.requested_on, enquiry.responded_on, responded_on, response, response_notes
    )
    problems = domain.validate_enquiry_response(entered, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    enquiry.responded_on = responded_on
    enquiry.response = response or ""
    enquiry.response_notes = response_notes.strip()
    enquiry._change_reason = "Response recorded"  # type: ignore[attr-defined]
    enquiry.save(update_fields=["responded_on", "response", "response_notes"])
    case.audit.update(enquiry_id=enquiry.pk, kind=enquiry.kind, response=enquiry.response)
    return enquiry
