"""What the case-level risk returns (`risk-register`, `arms-sara`, `inspection-self-check`)
show of each case: who it is and who held it on the "as at" day.

A helper module: it registers nothing (the registry imports every module in `catalogue`)."""

from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery

from caseload.organisation.models import Allocation
from caseload.returns.registry import Column
from caseload.returns.scope import ReturnScope

CASE_COLUMNS = (Column("crn", "CRN"), Column("name", "Name"))
HOLDER_COLUMNS = (Column("practitioner", "Practitioner"), Column("team", "Team"))

#: The fields of an allocation that `case_cells` and `holder_cells` read.
CASE_FIELDS = ("person__crn", "person__last_name", "person__first_name")
HOLDER_FIELDS = ("staff__user__first_name", "staff__user__last_name", "team__name")


def listed_held(scope: ReturnScope) -> QuerySet[Allocation]:
    """The allocations held on the day for the cases the user may see: rows that name people."""
    return scope.listed_held


def holder_of(scope: ReturnScope, field: str, person: str = "person_id") -> Subquery:
    """One field of the allocation that held the outer row's person on the day (one allocation
    is in force on a day; the outer query is already narrowed to the held cases)."""
    held = Allocation.objects.active_on(scope.as_at).filter(person_id=OuterRef(person))
    return Subquery(held.order_by("-start_date", "-pk").values(field)[:1])


def case_cells(crn: str, last_name: str, first_name: str) -> tuple[str, str]:
    return crn, f"{last_name}, {first_name}"


def holder_cells(
    first_name: str | None, last_name: str | None, team: str | None
) -> tuple[str, str]:
    return f"{first_name or ''} {last_name or ''}".strip(), team or ""


def as_date(value: date | str | None) -> date | None:
    """A date read by hand-written SQL: SQLite gives a computed column as text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])
