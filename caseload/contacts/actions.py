"""Writes about contacts, each through the one case-write wrapper."""

from datetime import datetime

from caseload.access.case_write import CaseWrite, case_action
from caseload.contacts.domain import ContactInput, validate_contact, validate_unpaid_work_credit
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid
from caseload.enforcement.reading import decision_problems


@case_action("RECORD_CONTACT", cause="contact recorded")
def record_contact(
    case: CaseWrite,
    *,
    contact_type: str | None,
    happened_at: datetime | None,
    outcome: str | None = None,
    enforcement_action: str | None = None,
    notes: str = "",
    sensitive: bool = False,
    rar_activity: bool = False,
    minutes_credited: int | None = None,
    actual_minutes: int | None = None,
) -> Contact:
    data = ContactInput(
        contact_type,
        happened_at,
        outcome or None,
        enforcement_action or None,
        notes,
        actual_minutes,
    )
    problems = validate_contact(data, now=case.now)
    problems += validate_unpaid_work_credit(contact_type, minutes_credited)
    if not problems:
        problems = decision_problems(
            case.person,
            decision=enforcement_action,
            failure_at=happened_at,
            reason=notes,
            today=case.today,
        )
    if problems:
        raise ActionInvalid(problems)
    contact = Contact.objects.create(
        person=case.person,
        contact_type=contact_type,
        happened_at=happened_at,
        outcome=outcome or "",
        enforcement_action=enforcement_action or "",
        notes=notes,
        sensitive=sensitive,
        rar_activity=rar_activity,
        minutes_credited=minutes_credited,
        actual_minutes=actual_minutes,
        staff=getattr(case.acting_user, "staff", None),
        recorded_by=case.acting_user,
    )
    case.audit.update(contact_id=contact.pk, type=contact_type, outcome=outcome or "")
    return contact
