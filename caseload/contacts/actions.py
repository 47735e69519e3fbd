"""Writes about contacts. Each action checks access, validates, writes, audits and refreshes
derived values in one transaction."""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.cases import get_case_for_user
from caseload.contacts.domain import ContactInput, validate_contact
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.refresh import refresh_derived


def record_contact(
    crn: str,
    *,
    acting_user: Any,
    contact_type: str | None,
    happened_at: datetime | None,
    outcome: str | None = None,
    enforcement_action: str | None = None,
    notes: str = "",
    sensitive: bool = False,
    rar_activity: bool = False,
) -> Contact:
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        data = ContactInput(
            contact_type, happened_at, outcome or None, enforcement_action or None, notes
        )
        errors = validate_contact(data, now=timezone.now())
        if errors:
            raise ActionInvalid(FieldProblem(e.field, e.rule, e.message) for e in errors)
        contact = Contact.objects.create(
            person=person,
            contact_type=contact_type,
            happened_at=happened_at,
            outcome=outcome or "",
            enforcement_action=enforcement_action or "",
            notes=notes,
            sensitive=sensitive,
            rar_activity=rar_activity,
            staff=getattr(acting_user, "staff", None),
            recorded_by=acting_user,
        )
        record_audit(
            acting_user,
            "RECORD_CONTACT",
            crn=person.crn,
            detail={"contact_id": contact.pk, "type": contact_type, "outcome": outcome or ""},
        )
        refresh_derived(person, cause="contact recorded")
    return contact
