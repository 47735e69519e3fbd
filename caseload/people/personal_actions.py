"""Writes to a person's personal details, each through the one case-write wrapper: addresses,
phone and email, personal contacts, disabilities with their adjustments, language needs.

Records that are changed after they are written (an address ended, the phone and email
replaced, a contact or disability ended) are `Versioned`: each action takes the version the
user saw and refuses a stale edit before it writes anything.
"""

from datetime import date
from typing import Any

from django.db import models

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.dates import in_force
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.people import domain
from caseload.people.constants import (
    AddressKind,
    DisabilityKind,
    PersonalContactKind,
)
from caseload.people.models import Address, Adjustment, Disability, PersonalContact, PhoneAndEmail

_ADDRESS_KINDS = dict(AddressKind.choices)
_CONTACT_KINDS = dict(PersonalContactKind.choices)
_DISABILITY_KINDS = dict(DisabilityKind.choices)


def _period(row: Any) -> str:
    text = f"from {day_in_words(row.start_date)}"
    return text + (f" to {day_in_words(row.end_date)}" if row.end_date else "")


def describe_address(row: Any) -> str:
    """An address (or a version of it from its history) in plain words."""
    lines = ", ".join(x for x in (row.line_1, row.line_2, row.town, row.postcode) if x)
    verified = " (verified)" if row.verified else ""
    return f"{_ADDRESS_KINDS.get(row.kind, row.kind)}: {lines}, {_period(row)}{verified}"


def describe_phone_and_email(row: Any) -> str:
    given = [f"{label} {value}" for label, value in _phone_and_email_fields(row) if value]
    return "; ".join(given) or "No phone number or email address"


def _phone_and_email_fields(row: Any) -> list[tuple[str, str]]:
    return [("mobile", row.mobile), ("other phone", row.phone), ("email", row.email)]


def describe_personal_contact(row: Any) -> str:
    kind = _CONTACT_KINDS.get(row.kind, row.kind)
    ended = f", no longer a contact from {day_in_words(row.end_date)}" if row.end_date else ""
    return f"{kind}: {row.name} ({row.relationship}){ended}"


def describe_disability(row: Any) -> str:
    return f"{_DISABILITY_KINDS.get(row.kind, row.kind)}, {_period(row)}"


def _current_main(case: CaseWrite) -> Address | None:
    return (
        case.person.addresses.filter(kind=AddressKind.MAIN, end_date__isnull=True)
        .order_by("-start_date", "-id")
        .first()
    )


@case_action("RECORD_ADDRESS")
def record_address(
    case: CaseWrite,
    *,
    kind: str | None,
    line_1: str,
    town: str,
    postcode: str,
    start_date: date | None,
    line_2: str = "",
    end_date: date | None = None,
    verified: bool = False,
    notes: str = "",
    replacing: Seen | None = None,
) -> Address:
    """Add an address. A new main address ends the current main one the day it begins, so for
    a main address `replacing` is the current main address the user saw (None: none)."""
    current = _current_main(case) if kind == AddressKind.MAIN else None
    if kind == AddressKind.MAIN:
        refuse_stale_edit(
            "main address", replacing, current, model=Address, describe=describe_address
        )
    entered = domain.AddressInput(
        kind,
        line_1,
        line_2,
        town,
        postcode,
        start_date,
        end_date,
        current_main_since=current.start_date if current else None,
    )
    problems = domain.validate_address(entered, today=case.today)
    if len(notes) > domain.MAX_NOTES:
        problems.append(
            FieldProblem("notes", "max_length", "Notes must be 10,000 characters or fewer")
        )
    if problems:
        raise ActionInvalid(problems)
    if current is not None:
        current.end_date = start_date
        current.save(update_fields=["end_date"])
    address = Address.objects.create(
        person=case.person,
        kind=kind,
        line_1=line_1.strip(),
        line_2=line_2.strip(),
        town=town.strip(),
        postcode=domain.normalise_postcode(postcode),
        start_date=start_date,
        end_date=end_date,
        verified=verified,
        notes=notes,
        recorded_by=case.acting_user,
    )
    case.audit.update(address_id=address.pk, kind=kind)
    case.cause = "address recorded"
    return address


def _to_change(
    case: CaseWrite,
    rows: "models.QuerySet[Any]",
    record_id: int,
    expected_version: int | None,
    *,
    name: str,
    describe: Any,
) -> Any:
    """The case's record with this id, if it is the version the user saw (else `StaleEdit`)
    and still current (else `ActionInvalid` naming it)."""
    row = rows.filter(pk=record_id).first()
    if row is not None:
        seen = None if expected_version is None else Seen(record_id, expected_version)
        refuse_stale_edit(name, seen, row, model=type(row), describe=describe)
    if row is None or not in_force(row.start_date, row.end_date, case.today):
        raise ActionInvalid(
            [FieldProblem(name.replace(" ", "_"), "not_current", f"That {name} has ended")]
        )
    return row


@case_action("END_ADDRESS")
def end_address(
    case: CaseWrite, address_id: int, *, expected_version: int | None, end_date: date | None
) -> Address:
    """The person no longer lives at a current address (moved, or in custody)."""
    address = _to_change(
        case,
        case.person.addresses,
        address_id,
        expected_version,
        name="address",
        describe=describe_address,
    )
    problems = domain.end_date_problems(address.start_date, end_date, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    address.end_date = end_date
    address.save(update_fields=["end_date"])
    case.audit.update(address_id=address.pk)
    case.cause = "address ended"
    return address


@case_action("CHANGE_PHONE_AND_EMAIL")
def change_phone_and_email(
    case: CaseWrite,
    *,
    mobile: str = "",
    phone: str = "",
    email: str = "",
    replacing: Seen | None,
) -> PhoneAndEmail:
    """Replace the phone numbers and email address; `replacing` is what the user saw."""
    current = PhoneAndEmail.objects.filter(person=case.person).first()
    refuse_stale_edit(
        "phone and email",
        replacing,
        current,
        model=PhoneAndEmail,
        describe=describe_phone_and_email,
    )
    problems = domain.validate_phone_and_email(domain.PhoneAndEmail(mobile, phone, email))
    if problems:
        raise ActionInvalid(problems)
    details = current or PhoneAndEmail(person=case.person)
    details.mobile = domain.normalise_phone(mobile) or ""
    details.phone = domain.normalise_phone(phone) or ""
    details.email = email.strip()
    details.save()
    case.audit.update(given=[label for label, value in _phone_and_email_fields(details) if value])
    case.cause = "phone and email changed"
    return details


@case_action("ADD_PERSONAL_CONTACT")
def add_personal_contact(
    case: CaseWrite,
    *,
    kind: str | None,
    name: str,
    relationship: str,
    phone: str = "",
    address: str = "",
    notes: str = "",
) -> PersonalContact:
    entered = domain.PersonalContactInput(kind, name, relationship, phone, address, notes)
    problems = domain.validate_personal_contact(entered)
    if problems:
        raise ActionInvalid(problems)
    contact = PersonalContact.objects.create(
        person=case.person,
        kind=kind,
        name=name.strip(),
        relationship=relationship.strip(),
        phone=domain.normalise_phone(phone) or "",
        address=address.strip(),
        notes=notes,
        start_date=case.today,
    )
    case.audit.update(personal_contact_id=contact.pk, kind=kind)
    case.cause = "personal contact added"
    return contact


@case_action("END_PERSONAL_CONTACT")
def end_personal_contact(
    case: CaseWrite, contact_id: int, *, expected_version: int | None
) -> PersonalContact:
    """No longer one of the person's contacts, from today; kept with its history."""
    contact = _to_change(
        case,
        case.person.personal_contacts,
        contact_id,
        expected_version,
        name="personal contact",
        describe=describe_personal_contact,
    )
    contact.end_date = case.today
    contact.save(update_fields=["end_date"])
    case.audit.update(personal_contact_id=contact.pk)
    case.cause = "personal contact removed"
    return contact


@case_action("RECORD_DISABILITY")
def record_disability(
    case: CaseWrite,
    *,
    kind: str | None,
    start_date: date | None,
    adjustments: list[str] | tuple[str, ...] = (),
    notes: str = "",
) -> Disability:
    """A disability or condition, with the adjustments the service makes for it."""
    needs = tuple(dict.fromkeys(adjustments))
    problems = domain.validate_disability(
        domain.DisabilityInput(kind, start_date, needs, notes), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    disability = Disability.objects.create(
        person=case.person,
        kind=kind,
        start_date=start_date,
        notes=notes,
        recorded_by=case.acting_user,
    )
    for need in needs:
        Adjustment.objects.create(disability=disability, need=need)
    case.audit.update(disability_id=disability.pk, kind=kind, adjustments=list(needs))
    case.cause = "disability recorded"
    return disability


@case_action("END_DISABILITY")
def end_disability(
    case: CaseWrite, disability_id: int, *, expected_version: int | None, end_date: date | None
) -> Disability:
    disability = _to_change(
        case,
        case.person.disabilities,
        disability_id,
        expected_version,
        name="disability",
        describe=describe_disability,
    )
    problems = domain.end_date_problems(disability.start_date, end_date, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    disability.end_date = end_date
    disability.save(update_fields=["end_date"])
    case.audit.update(disability_id=disability.pk)
    case.cause = "disability ended"
    return disability


@case_action("CHANGE_LANGUAGE_NEEDS")
def change_language_needs(
    case: CaseWrite, *, preferred_language: str, interpreter_required: bool
) -> Any:
    problems = domain.validate_language(preferred_language)
    if problems:
        raise ActionInvalid(problems)
    person = case.person
    person.preferred_language = preferred_language.strip()
    person.interpreter_required = interpreter_required
    person.save(update_fields=["preferred_language", "interpreter_required"])
    case.audit.update(interpreter_required=interpreter_required)
    case.cause = "language needs changed"
    return person
