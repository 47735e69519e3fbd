"""Writes about people and their circumstances, each through the one case-write wrapper."""

from datetime import date
from typing import Any

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.people.constants import AccommodationStatus, CircumstanceKind, EmploymentStatus
from caseload.people.domain import CircumstanceChange, validate_circumstance
from caseload.people.models import Circumstance

_STATUS_LABELS = {**dict(AccommodationStatus.choices), **dict(EmploymentStatus.choices)}
_KIND_LABELS = dict(CircumstanceKind.choices)


def describe_circumstance(circumstance: Any) -> str:
    """A circumstance (or a version of it from its history) in plain words."""
    status = _STATUS_LABELS.get(circumstance.status, circumstance.status)
    text = f"{_KIND_LABELS[circumstance.kind]}: {status}, from "
    text += day_in_words(circumstance.start_date)
    if circumstance.end_date:
        text += f" until {day_in_words(circumstance.end_date)}"
    if circumstance.verified:
        text += " (verified)"
    if circumstance.notes:
        text += f". Notes: {circumstance.notes}"
    return text


@case_action("RECORD_CIRCUMSTANCE")
def record_circumstance_change(
    case: CaseWrite,
    *,
    kind: str | None,
    status: str | None,
    start_date: date | None,
    replacing: Seen | None,
    verified: bool = False,
    notes: str = "",
) -> Circumstance:
    """Record a new accommodation or ETE status; the current one of that kind ends that day.

    `replacing` is the current circumstance of that kind the user saw (None: they saw none);
    if another has been recorded since, or it has changed, the change is refused (`StaleEdit`).
    """
    current = list(
        case.person.circumstances.filter(kind=kind or "", end_date__isnull=True).order_by(
            "-start_date", "-id"
        )
    )
    if kind in _KIND_LABELS:
        refuse_stale_edit(
            f"current {_KIND_LABELS[kind].lower()}",
            replacing,
            current[0] if current else None,
            model=Circumstance,
            describe=describe_circumstance,
        )
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
