"""Registrations in force on the day, with their reviews: the risk register as a query.

The next review is the register's review period after the last review on or before the day, or
after the registration when there has been none (`caseload.risk.domain.review_due`, the rule the
essentials use); it is computed per row from the values read in the one query."""

from collections.abc import Iterable, Iterator
from datetime import date

from django.db.models import F, OuterRef, QuerySet, Subquery

from caseload.returns.catalogue._named_cases import (
    CASE_COLUMNS,
    HOLDER_COLUMNS,
    case_cells,
    holder_cells,
    listed_held,
)
from caseload.returns.registry import Chart, Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope
from caseload.risk.constants import REGISTERS
from caseload.risk.domain import MAPPA, RiskAtAGlance, review_due
from caseload.risk.models import Registration, RegistrationReview

OVERDUE = "Yes"
NOT_OVERDUE = "No"
NO_PERIOD = "No review period"


def register_label(code: str) -> str:
    return REGISTERS[code].label if code in REGISTERS else code


def level_words(register_code: str, category: str, level: str) -> str:
    """ "Category 1, level 2" for MAPPA (as the case record shows it); "" for other registers."""
    if register_code != MAPPA:
        return ""
    return RiskAtAGlance(None, None, category, level, ()).mappa


def review_cells(
    register_code: str, registered_on: date, last_review: date | None, day: date
) -> tuple[date | None, str]:
    """The next review due and whether it is overdue on `day` (due before it, as essentials
    count a due date as passed)."""
    due = review_due(registered_on, last_review, register_code)
    if due is None:
        return None, NO_PERIOD
    return due, OVERDUE if due < day else NOT_OVERDUE


def _registrations(scope: ReturnScope, held: QuerySet) -> QuerySet[Registration]:
    """The registrations in force on the day on the cases held, joined to the allocation that
    held each (one per case on a day), so its holder is read in the same join."""
    day = scope.as_at
    reviews = RegistrationReview.objects.filter(registration=OuterRef("pk"), reviewed_on__lte=day)
    return (
        Registration.objects.active_on(day)
        .filter(person__allocations__in=held)
        .annotate(last_review=Subquery(reviews.order_by("-reviewed_on").values("reviewed_on")[:1]))
    )


def rows(scope: ReturnScope) -> Iterator[Row]:
    day = scope.as_at
    found = (
        _registrations(scope, listed_held(scope))
        .annotate(
            holder_first=F("person__allocations__staff__user__first_name"),
            holder_last=F("person__allocations__staff__user__last_name"),
            holder_team=F("person__allocations__team__name"),
        )
        .order_by("person__last_name", "person__first_name", "person__crn", "register", "pk")
        .values_list(
            "person__crn",
            "person__last_name",
            "person__first_name",
            "register",
            "category",
            "level",
            "registered_on",
            "last_review",
            "holder_first",
            "holder_last",
            "holder_team",
        )
    )
    for crn, last, first, code, category, level, start, reviewed, *holder in found.iterator(
        chunk_size=2000
    ):
        yield (
            *case_cells(crn, last, first),
            register_label(code),
            level_words(code, category, level),
            start,
            reviewed,
            *review_cells(code, start, reviewed, day),
            *holder_cells(*holder),
        )


def count_by_register(
    registrations: Iterable[tuple[str, date, date | None]], day: date
) -> tuple[Row, ...]:
    """(register, registrations, overdue reviews), in the registers' order."""
    counts: dict[str, list[int]] = {}
    for code, start, reviewed in registrations:
        tally = counts.setdefault(code, [0, 0])
        tally[0] += 1
        tally[1] += review_cells(code, start, reviewed, day)[1] == OVERDUE
    order = list(REGISTERS)
    ranked = sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), c))
    return tuple((register_label(c), counts[c][0], counts[c][1]) for c in ranked)


def summary(scope: ReturnScope) -> Table:
    counted = _registrations(scope, scope.held).values_list(
        "register", "registered_on", "last_review"
    )
    return Table(
        columns=(
            Column("register", "Register"),
            Column("registrations", "Registrations", "number"),
            Column("overdue", "Reviews overdue", "number"),
        ),
        rows=count_by_register(counted.iterator(chunk_size=2000), scope.as_at),
    )


RETURN = register(
    Return(
        name="risk-register",
        title="Risk register",
        description=(
            "Every registration in force at the end of the day on the cases held, with its last "
            "review, when the next review is due and whether it is overdue. The summary counts "
            "every case held, including those with limited access."
        ),
        reads=(
            "organisation.Allocation",
            "risk.Registration",
            "risk.RegistrationReview",
        ),
        columns=(
            *CASE_COLUMNS,
            Column("register", "Register"),
            Column("level", "Category and level"),
            Column("registered_on", "Registered", "date"),
            Column("last_review", "Last reviewed", "date"),
            Column("next_review", "Next review due", "date"),
            Column("overdue", "Review overdue"),
            *HOLDER_COLUMNS,
        ),
        rows=rows,
        names_people=True,
        summary=summary,
        chart=Chart(label="register", value="overdue", title="Overdue reviews by register"),
        measures=(
            (
                "Registration in force",
                "A registration whose start is on or before the day and which was not ended by "
                "then (ended on a later day, or not at all).",
                "Delius registers (ministryofjustice/hmpps-manage-supervisions@408a47d6 "
                "registration reference data)",
            ),
            (
                "Next review due",
                "The register's review period after the last review on or before the day, or "
                "after the registration when there has been none. Registers with no known "
                "period show 'No review period'.",
                "Delius register reference data: review due = registration date + review period",
            ),
            (
                "Review overdue",
                "The next review was due before the day.",
                "Delius register reference data (as above)",
            ),
        ),
    )
)
