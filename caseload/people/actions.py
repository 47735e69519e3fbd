"""Writes about people and their circumstances, each through the one case-write wrapper."""

from datetime import date

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid
from caseload.people.domain import CircumstanceChange, validate_circumstance
from caseload.people.models import Circumstance


@case_action("RECORD_CIRCUMSTANCE")
def record_circumstance_change(
    case: CaseWrite,
    *,
    kind: str | None,
    status: str | None,
    start_date: date | None,
    verified: bool = False,
    notes: str = "",
) -> Circumstance:
    """Record a new accommodation or ETE status; the current one of that kind ends that day."""
    current = case.person.circumstances.filter(kind=kind or "", end_date__isnull=True)
    change = CircumstanceChange(
        kind, status, start_date, max((c.start_date for c in current), default=None)
    )
    problems = validate_circumstance(change, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    assert kind is not None and start_date is not None
    for old in current:
        old.end_date = start_date
        old.save(update_fields=["end_date"])
    circumstance = Circumstance.objects.create(
        person=case.person,
        kind=kind,
        status=status,
        start_date=start_date,
        verified=verified,
        notes=notes,
        recorded_by=case.acting_user,
    )
    case.audit.update(kind=kind, status=status)
    case.cause = f"{kind.lower()} changed"
    return circumstance
