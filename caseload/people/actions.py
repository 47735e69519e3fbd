"""Writes about people and their circumstances."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.cases import get_case_for_user
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.refresh import refresh_derived
from caseload.people.constants import AccommodationStatus, CircumstanceKind, EmploymentStatus
from caseload.people.models import Circumstance

STATUSES = {
    CircumstanceKind.ACCOMMODATION: set(AccommodationStatus.values),
    CircumstanceKind.EMPLOYMENT: set(EmploymentStatus.values),
}


def _circumstance_problems(
    kind: str | None, status: str | None, start_date: date | None
) -> list[FieldProblem]:
    problems = []
    if kind not in STATUSES:
        problems.append(FieldProblem("kind", "unknown_code", "Select accommodation or employment"))
    elif status not in STATUSES[CircumstanceKind(kind)]:
        problems.append(FieldProblem("status", "unknown_code", "Select a status from the list"))
    if start_date is None:
        problems.append(
            FieldProblem("start_date", "required", "Enter the date the change happened")
        )
    elif start_date > timezone.localdate():
        problems.append(
            FieldProblem(
                "start_date", "not_in_future", "Date of the change must be today or in the past"
            )
        )
    return problems


def record_circumstance_change(
    crn: str,
    *,
    acting_user: Any,
    kind: str | None,
    status: str | None,
    start_date: date | None,
    verified: bool = False,
    notes: str = "",
) -> Circumstance:
    """Record a new accommodation or ETE status; the previous one of that kind ends that day."""
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        problems = _circumstance_problems(kind, status, start_date)
        if problems:
            raise ActionInvalid(problems)
        assert start_date is not None and kind is not None and status is not None
        previous = person.circumstances.filter(kind=kind, end_date__isnull=True)
        for old in previous:
            if old.start_date > start_date:
                raise ActionInvalid(
                    [
                        FieldProblem(
                            "start_date",
                            "after_current",
                            f"Date of the change must be on or after {old.start_date:%d %B %Y}, "
                            "when the current status began",
                        )
                    ]
                )
            old.end_date = start_date
            old.save(update_fields=["end_date"])
        circumstance = Circumstance.objects.create(
            person=person,
            kind=kind,
            status=status,
            start_date=start_date,
            verified=verified,
            notes=notes,
            recorded_by=acting_user,
        )
        record_audit(
            acting_user,
            "RECORD_CIRCUMSTANCE",
            crn=person.crn,
            detail={"kind": kind, "status": status},
        )
        refresh_derived(person, cause=f"{kind.lower()} changed")
    return circumstance
