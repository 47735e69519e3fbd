"""Writes about the organisation: allocating a case to a practitioner."""

from datetime import date
from typing import Any

from django.db import transaction

from caseload.access.audit import record_audit
from caseload.access.cases import get_case_for_user
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.organisation.constants import Grade
from caseload.organisation.models import Allocation, Staff

CASE_HOLDING_GRADES = {Grade.PO, Grade.PSO, Grade.TRAINEE}


def allocate_case(
    crn: str, *, acting_user: Any, staff_id: int | None, start_date: date | None
) -> Allocation:
    """Allocate a case to a practitioner; the current allocation ends on the same day."""
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        staff = Staff.objects.select_related("team").filter(pk=staff_id).first()
        problems = []
        if staff is None or staff.grade not in CASE_HOLDING_GRADES or staff.team is None:
            problems.append(
                FieldProblem("staff", "not_case_holding", "Select a practitioner who holds cases")
            )
        if start_date is None:
            problems.append(
                FieldProblem("start_date", "required", "Enter the date the allocation starts")
            )
        current = person.allocations.current().first()
        if current and start_date and start_date < current.start_date:
            problems.append(
                FieldProblem(
                    "start_date",
                    "before_current",
                    f"The allocation must start on or after {current.start_date:%d %B %Y}",
                )
            )
        if problems:
            raise ActionInvalid(problems)
        assert staff is not None and staff.team is not None
        if current:
            current.end_date = start_date
            current.save(update_fields=["end_date"])
        allocation = Allocation.objects.create(
            person=person,
            staff=staff,
            team=staff.team,
            start_date=start_date,
            allocated_by=acting_user,
        )
        record_audit(
            acting_user, "ALLOCATE_CASE", crn=person.crn, detail={"staff": staff.officer_code}
        )
    return allocation
