"""Where each case was held at the end of the "as at" day, for the returns that group what they
count by team and practitioner (a helper: it registers no return).

Each is a correlated subquery over `scope.held`, so a return reads every row's team in the one
query that counts them; practitioners' names are looked up once, after it, by staff id.
"""

from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from caseload.organisation.models import Allocation, Staff
from caseload.returns.reading import UK
from caseload.returns.scope import ReturnScope


def _in_force(scope: ReturnScope, person: str) -> QuerySet[Allocation]:
    """The outer row's person's allocation in force at the end of the day. The outer query
    keeps to the people in `scope.held`, and a case has one allocation in force on a day, so
    this need not repeat the scope's filters (which would cost a subquery per row)."""
    return (
        Allocation.objects.active_on(scope.as_at).filter(person_id=OuterRef(person)).order_by("pk")
    )


def held_team(scope: ReturnScope, person: str = "person_id") -> Subquery:
    """The name of the team holding the outer row's person on the day."""
    return Subquery(_in_force(scope, person).values("team__name")[:1])


def held_staff(scope: ReturnScope, person: str = "person_id") -> Subquery:
    """The id of the practitioner holding the outer row's person on the day."""
    return Subquery(_in_force(scope, person).values("staff_id")[:1])


def practitioner_names(staff_ids: Iterable[int | None]) -> dict[int | None, str]:
    """Each practitioner's name as the pages write it, by staff id (one query)."""
    found: dict[int | None, str] = {
        staff.pk: str(staff)
        for staff in Staff.objects.filter(pk__in={i for i in staff_ids if i is not None})
        .select_related("user")
        .order_by()
    }
    found[None] = "Not allocated"
    return found


def start_of_day(day: date) -> datetime:
    """Midnight at the start of `day`, UK time: a moment recorded from then on is on or after it."""
    return datetime.combine(day, time.min, tzinfo=UK)


def one_place(value: float | Decimal) -> Decimal:
    """A figure as the returns show it: rounded half up to one decimal place."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole`, to one place; None when there is nothing to divide."""
    if whole == 0:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
