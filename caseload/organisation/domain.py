"""The rules for allocating a case (no Django)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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


#: Grades and roles as in `organisation.constants` (a test keeps them in step).
GRADES = frozenset({"PO", "PSO", "SPO", "PQIP", "OTHER"})
ROLES = frozenset({"practitioner", "manager", "head", "analyst", "rep", "admin"})
MOST_CONTRACTED_HOURS = Decimal("48")
_USERNAME = re.compile(r"^[\w.@+-]+$")


def _text(field: str, value: str, label: str, limit: int) -> list[FieldProblem]:
    if not value.strip():
        return [FieldProblem(field, "required", f"Enter the {label}")]
    if len(value) > limit:
        message = f"The {label} must be {limit} characters or fewer"
        return [FieldProblem(field, "max_length", message)]
    return []


def validate_organisation_unit(code: str, name: str, *, longest_code: int) -> list[FieldProblem]:
    """A region, delivery unit or team: a code (its key) and a name."""
    return _text("code", code, "code", longest_code) + _text("name", name, "name", 100)


@dataclass(frozen=True)
class NewStaff:
    username: str
    officer_code: str
    first_name: str
    last_name: str
    grade: str
    role: str
    contracted_hours: Decimal


def validate_staff(staff: NewStaff) -> list[FieldProblem]:
    problems = _text("username", staff.username, "username", 150)
    if not problems and not _USERNAME.match(staff.username):
        message = "A username is letters, digits and @ . + - _ only"
        problems.append(FieldProblem("username", "username_format", message))
    problems += _text("officer_code", staff.officer_code, "staff code", 12)
    problems += _text("first_name", staff.first_name, "first name", 150)
    problems += _text("last_name", staff.last_name, "last name", 150)
    if staff.grade not in GRADES:
        problems.append(FieldProblem("grade", "unknown_code", "Select a grade from the list"))
    if staff.role not in ROLES:
        problems.append(FieldProblem("role", "unknown_code", "Select a role from the list"))
    hours = staff.contracted_hours
    if not Decimal("0") <= hours <= MOST_CONTRACTED_HOURS or hours != round(hours, 2):
        message = "Contracted hours must be between 0 and 48, to at most 2 decimal places"
        problems.append(FieldProblem("contracted_hours", "out_of_range", message))
    return problems
