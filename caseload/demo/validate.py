"""The demo's generated facts pass the same pure validation as the actions (no Django).

The seed writes in bulk for speed, so it cannot go through the actions one fact at a time; it
runs every generated fact through the actions' own `validate_<fact>` rules first instead.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from caseload.contacts.domain import ContactInput, validate_contact
from caseload.core.errors import FieldProblem
from caseload.demo.generator import SyntheticPerson
from caseload.people.domain import CircumstanceChange, validate_circumstance
from caseload.risk.domain import NewRegistration, validate_assessment, validate_registration


def _contact(c: dict[str, Any], now: datetime) -> list[FieldProblem]:
    data = ContactInput(
        c["contact_type"],
        c["happened_at"],
        c["outcome"] or None,
        c["enforcement_action"] or None,
        c["notes"],
        c.get("actual_minutes"),
    )
    return validate_contact(data, now=now)


def problems_in(person: SyntheticPerson, *, now: datetime, today: date) -> list[str]:
    """Every rule a generated person's facts break, as "CRN field: message"."""
    problems: list[FieldProblem] = []
    for contact in person.contacts:
        problems += _contact(contact, now)
    for r in person.registrations:
        new = NewRegistration(r["register"], r["category"], r["level"], r["registered_on"])  # type: ignore[arg-type]
        problems += validate_registration(new, today=today)
    for c in person.circumstances:
        change = CircumstanceChange(c["kind"], c["status"], c["start_date"])  # type: ignore[arg-type]
        problems += validate_circumstance(change, today=today)
    if person.assessment is not None:
        problems += validate_assessment(
            person.assessment["completed_on"],  # type: ignore[arg-type]
            person.assessment["answers"],  # type: ignore[arg-type]
            today=today,
        )
    return [f"{person.crn} {p.field}: {p.message}" for p in problems]
