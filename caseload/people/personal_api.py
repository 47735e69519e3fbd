"""Personal details in the API: read the section, and each write the pages offer.

Every write answers with the whole section as it now is (with each record's version, for the
next edit). Ending an address, a contact or a disability takes the `version` read; a new main
address and new phone and email take `replacing`, the current one read (or null): 409 if it
has changed since, and nothing is written.
"""

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status

from caseload.access.cases import case_viewer, get_case_for_user
from caseload.access.rules import case_operation, case_write_operation
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.core.versions import Seen
from caseload.people import personal_actions as actions
from caseload.people.api_params import Crn
from caseload.people.constants import (
    AddressKind,
    AdjustmentNeed,
    DisabilityKind,
    PersonalContactKind,
)
from caseload.people.personal_serialise import serialise_personal_details
from caseload.people.record import case_record

router = Router(tags=["personal details"])

RecordId = Path(..., ge=1, le=2**63 - 1)
_VERSION = Field(..., ge=1, le=2**31 - 1, description="The version you read; 409 if changed")
_WRITE = {**error_responses(400, 401, 403, 404, 409, 422)}

AddressKindCode = Literal[tuple(AddressKind.values)]  # type: ignore[valid-type]
ContactKindCode = Literal[tuple(PersonalContactKind.values)]  # type: ignore[valid-type]
DisabilityKindCode = Literal[tuple(DisabilityKind.values)]  # type: ignore[valid-type]
NeedCode = Literal[tuple(AdjustmentNeed.values)]  # type: ignore[valid-type]


def _codes(choices: Any) -> str:
    return "; ".join(f"{value} {label}" for value, label in choices.choices)


class SeenIn(Schema):
    id: int = Field(..., ge=1, le=2**63 - 1)
    version: int = Field(..., ge=1, le=2**31 - 1)


class AddressIn(Schema):
    kind: AddressKindCode = Field(..., description=_codes(AddressKind))  # type: ignore[valid-type]
    line_1: str = text(..., max_length=100)
    line_2: str = text("", max_length=100)
    town: str = text(..., max_length=100)
    postcode: str = text(..., max_length=10, description="A UK postcode, e.g. SW1A 1AA")
    start_date: date = Field(..., description="Not in the future")
    end_date: date | None = Field(None, description="Only for an address left (PREVIOUS)")
    verified: bool = False
    notes: str = text("", max_length=10_000)
    replacing: SeenIn | None = Field(
        None,
        description="For a MAIN address: the current main address you read (id and version), "
        "or null if there was none; it ends the day the new one begins",
    )


class EndIn(Schema):
    version: int = _VERSION
    end_date: date = Field(..., description="Not in the future, and after the from date")


class PhoneAndEmailIn(Schema):
    mobile: str = text("", max_length=30, description="A UK mobile or a + international number")
    phone: str = text("", max_length=30)
    email: str = text("", max_length=254)
    replacing: SeenIn | None = Field(
        ..., description="The phone and email you read (id and version), or null if none"
    )


class PersonalContactIn(Schema):
    kind: ContactKindCode = Field(..., description=_codes(PersonalContactKind))  # type: ignore[valid-type]
    name: str = text(..., max_length=100)
    relationship: str = text(..., max_length=100, description="e.g. mother, partner, GP")
    phone: str = text("", max_length=30)
    address: str = text("", max_length=500)
    notes: str = text("", max_length=10_000)


class RemoveIn(Schema):
    version: int = _VERSION


class DisabilityIn(Schema):
    kind: DisabilityKindCode = Field(..., description=_codes(DisabilityKind))  # type: ignore[valid-type]
    start_date: date = Field(..., description="Not in the future")
    adjustments: list[NeedCode] = Field(  # type: ignore[valid-type]
        [], max_length=len(AdjustmentNeed.values), description=_codes(AdjustmentNeed)
    )
    notes: str = text("", max_length=10_000)


class LanguageIn(Schema):
    preferred_language: str = text(..., max_length=60)
    interpreter_required: bool


def _details(request: HttpRequest, crn: Crn, *, audit: bool = True) -> dict[str, Any]:
    person = get_case_for_user(request.user, crn, audit=audit)
    record = case_record(person, case_viewer(request.user, person), "personal")
    return serialise_personal_details(record)


def _seen(seen: SeenIn | None) -> Seen | None:
    return Seen(seen.id, seen.version) if seen else None


def _written(request: HttpRequest, crn: Crn, status: int = 200) -> Status[dict[str, Any]]:
    """The section after a write (the write itself is audited under its own name)."""
    return Status(status, _details(request, crn, audit=False))


@router.get(
    "/{crn}/personal-details",
    response={200: dict[str, Any], **error_responses(401, 403, 404, 422)},
    summary="Addresses, phone and email, language, personal contacts and disabilities",
)
@case_operation
def get_personal_details(request: HttpRequest, crn: Crn) -> dict[str, Any]:
    return _details(request, crn)


@router.post("/{crn}/addresses", response={201: dict[str, Any], **_WRITE}, summary="Add an address")
@case_write_operation
def add_address(request: HttpRequest, crn: Crn, payload: AddressIn) -> Status[dict[str, Any]]:
    fields = payload.dict(exclude={"replacing"})
    actions.record_address(
        crn, acting_user=request.user, replacing=_seen(payload.replacing), **fields
    )
    return _written(request, crn, 201)


@router.post(
    "/{crn}/addresses/{address_id}/end",
    response={200: dict[str, Any], **_WRITE},
    summary="End an address",
)
@case_write_operation
def end_address(
    request: HttpRequest, crn: Crn, payload: EndIn, address_id: int = RecordId
) -> Status[dict[str, Any]]:
    actions.end_address(
        crn,
        address_id,
        acting_user=request.user,
        expected_version=payload.version,
        end_date=payload.end_date,
    )
    return _written(request, crn)


@router.post(
    "/{crn}/phone-and-email",
    response={200: dict[str, Any], **_WRITE},
    summary="Change phone and email",
)
@case_write_operation
def change_phone_and_email(
    request: HttpRequest, crn: Crn, payload: PhoneAndEmailIn
) -> Status[dict[str, Any]]:
    actions.change_phone_and_email(
        crn,
        acting_user=request.user,
        mobile=payload.mobile,
        phone=payload.phone,
        email=payload.email,
        replacing=_seen(payload.replacing),
    )
    return _written(request, crn)


@router.post(
    "/{crn}/personal-contacts",
    response={201: dict[str, Any], **_WRITE},
    summary="Add a personal contact (next of kin, GP, family, emergency contact)",
)
@case_write_operation
def add_personal_contact(
    request: HttpRequest, crn: Crn, payload: PersonalContactIn
) -> Status[dict[str, Any]]:
    actions.add_personal_contact(crn, acting_user=request.user, **payload.dict())
    return _written(request, crn, 201)


@router.post(
    "/{crn}/personal-contacts/{contact_id}/remove",
    response={200: dict[str, Any], **_WRITE},
    summary="Remove a personal contact from today (kept in the history)",
)
@case_write_operation
def remove_personal_contact(
    request: HttpRequest, crn: Crn, payload: RemoveIn, contact_id: int = RecordId
) -> Status[dict[str, Any]]:
    actions.end_personal_contact(
        crn, contact_id, acting_user=request.user, expected_version=payload.version
    )
    return _written(request, crn)


@router.post(
    "/{crn}/disabilities",
    response={201: dict[str, Any], **_WRITE},
    summary="Add a disability with the adjustments it needs",
)
@case_write_operation
def add_disability(request: HttpRequest, crn: Crn, payload: DisabilityIn) -> Status[dict[str, Any]]:
    actions.record_disability(crn, acting_user=request.user, **payload.dict())
    return _written(request, crn, 201)


@router.post(
    "/{crn}/disabilities/{disability_id}/end",
    response={200: dict[str, Any], **_WRITE},
    summary="End a disability",
)
@case_write_operation
def end_disability(
    request: HttpRequest, crn: Crn, payload: EndIn, disability_id: int = RecordId
) -> Status[dict[str, Any]]:
    actions.end_disability(
        crn,
        disability_id,
        acting_user=request.user,
        expected_version=payload.version,
        end_date=payload.end_date,
    )
    return _written(request, crn)


@router.post(
    "/{crn}/language",
    response={200: dict[str, Any], **_WRITE},
    summary="Change preferred language and interpreter needs",
)
@case_write_operation
def change_language_needs(
    request: HttpRequest, crn: Crn, payload: LanguageIn
) -> Status[dict[str, Any]]:
    actions.change_language_needs(crn, acting_user=request.user, **payload.dict())
    return _written(request, crn)
