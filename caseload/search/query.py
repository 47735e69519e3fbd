"""The database side of the case search: a parsed query as a filter on cases the user may see.

Callers pass `visible_cases(user)` (or a narrower list taken from it): nothing here widens it.
Every comparison is case-insensitive on SQLite and PostgreSQL alike (Django's `icontains` and
`iexact`: LIKE on SQLite, UPPER(...) LIKE UPPER(...) on PostgreSQL).
"""

from django.db.models import Q, QuerySet

from caseload.people.models import Person
from caseload.search.domain import CaseQuery


def matching(query: CaseQuery) -> Q:
    """Every part of the query must match; a part of a name may be in the first, preferred or
    last name, so the order the names were typed in does not matter."""
    condition = Q()
    for name in query.names:
        condition &= (
            Q(first_name__icontains=name)
            | Q(last_name__icontains=name)
            | Q(preferred_name__icontains=name)
        )
    for part in query.crn_parts:
        condition &= Q(crn__icontains=part)
    if query.pnc is not None:
        spelt = Q()
        for spelling in query.pnc.spellings():
            spelt |= Q(pnc_number__iexact=spelling)
        condition &= spelt
    if query.born_on is not None:
        condition &= Q(date_of_birth=query.born_on)
    return condition


def search_cases(cases: QuerySet[Person], query: CaseQuery) -> QuerySet[Person]:
    return cases.filter(matching(query))
