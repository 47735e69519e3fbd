"""The rules for allocating a case (no Django)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseload.core.errors import FieldProblem

#: Grades that hold cases: probation officers, PSOs and trainee probation officers (PQiP).
CASE_HOLDING_GRADES = frozenset({"PO", "PSO", "PQIP"})


@dataclass(frozen=True)
class NewAllocation:
    practitioner_grade: str | None
    practitioner_has_team: bool
    start_date: date | None
    #: The start of the allocation it replaces, if the case is allocated.
    current_since: date | None = None


def validate_allocation(new: NewAllocation) -> list[FieldProblem]:
    """A future start date is allowed: the allocation takes effect on that day."""
    problems = []
    if new.practitioner_grade not in CASE_HOLDING_GRADES or not new.practitioner_has_team:
        problems.append(
            FieldProblem("staff", "not_case_holding", "Select a practitioner who holds cases")
        )
    if new.start_date is None:
        problems.append(
            FieldProblem("start_date", "required", "Enter the date the allocation starts")
        )
    elif new.current_since is not None and new.start_date < new.current_since:
        problems.append(
            FieldProblem(
                "start_date",
                "before_current",
                f"The allocation must start on or after {new.current_since:%d %B %Y}",
            )
        )
    return problems
