"""Safeguarding enquiries as the pure rules see them (no Django).

Each enquiry is requested from another agency (the police about domestic abuse, children's
services, adult services), at the start of supervision or because of a new concern, and is
answered once. The checks are the inspectorate's essential public-protection checks 1 and 2
(`docs/sources.md`: HM Inspectorate of Probation, case assessment rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseload.core.dates import past_date_problems
from caseload.core.errors import FieldProblem
from caseload.core.versions import day_in_words

POLICE_DA = "POLICE_DA"
CHILDRENS_SERVICES = "CHILDRENS_SERVICES"
ADULT_SERVICES = "ADULT_SERVICES"
ENQUIRY_KINDS = (POLICE_DA, CHILDRENS_SERVICES, ADULT_SERVICES)

#: Why an enquiry is made: at the start of supervision, or because a new concern was recorded.
START = "START"
NEW_CONCERN = "NEW_CONCERN"
ENQUIRY_REASONS = (START, NEW_CONCERN)

NO_INFORMATION = "NO_INFORMATION"
INFORMATION_SHARED = "INFORMATION_SHARED"
CONCERNS = "CONCERNS"
ENQUIRY_RESPONSES = (NO_INFORMATION, INFORMATION_SHARED, CONCERNS)

MAX_NOTES = 10_000


@dataclass(frozen=True)
class EnquiryFact:
    """An enquiry as the essentials rules read it."""

    kind: str  # one of ENQUIRY_KINDS
    requested_on: date
    responded_on: date | None  # None: no response recorded yet
    response: str  # "" until responded; else one of ENQUIRY_RESPONSES


@dataclass(frozen=True)
class EnquiryRequest:
    """An enquiry as entered when it is requested, before it is written."""

    kind: str | None
    reason: str | None
    requested_on: date | None


@dataclass(frozen=True)
class EnquiryResponse:
    """The answer to an enquiry as entered, with what is already known about the enquiry."""

    requested_on: date
    already_answered_on: date | None
    responded_on: date | None
    response: str | None
    notes: str


def _choice_problems(
    field: str, value: str | None, codes: tuple[str, ...], what: str
) -> list[FieldProblem]:
    if not value:
        return [FieldProblem(field, "required", f"Select {what}")]
    if value not in codes:
        return [FieldProblem(field, "unknown_code", f"Select {what} from the list")]
    return []


def _notes_problems(field: str, notes: str) -> list[FieldProblem]:
    if len(notes) > MAX_NOTES:
        message = f"Notes must be {MAX_NOTES:,} characters or fewer"
        return [FieldProblem(field, "max_length", message)]
    return []


def validate_enquiry(request: EnquiryRequest, *, today: date) -> list[FieldProblem]:
    """Every rule a requested enquiry must meet, in form order."""
    problems = _choice_problems("kind", request.kind, ENQUIRY_KINDS, "who the enquiry is to")
    problems += _choice_problems(
        "reason", request.reason, ENQUIRY_REASONS, "why the enquiry is made"
    )
    problems += past_date_problems(
        "requested_on",
        request.requested_on,
        now=today,
        required="Enter the date the enquiry was requested",
        label="The date requested",
    )
    return problems


def validate_enquiry_response(response: EnquiryResponse, *, today: date) -> list[FieldProblem]:
    """Every rule an enquiry's response must meet: one response per enquiry, dated on or after
    its request and not in the future."""
    if response.already_answered_on is not None:
        answered = day_in_words(response.already_answered_on)
        return [
            FieldProblem(
                "responded_on",
                "already_answered",
                f"A response to this enquiry was already recorded, on {answered}",
            )
        ]
    problems = past_date_problems(
        "responded_on",
        response.responded_on,
        now=today,
        required="Enter the date of the response",
        label="The date of the response",
    )
    responded_on = response.responded_on
    if not problems and responded_on is not None and responded_on < response.requested_on:
        requested = day_in_words(response.requested_on)
        problems.append(
            FieldProblem(
                "responded_on",
                "before_request",
                f"The date of the response must be on or after {requested}, "
                "when the enquiry was requested",
            )
        )
    problems += _choice_problems("response", response.response, ENQUIRY_RESPONSES, "the response")
    problems += _notes_problems("response_notes", response.notes)
    return problems
