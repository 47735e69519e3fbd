"""The inspectorate's keeping-people-safe questions, answered for every case held on the day.

Each answer is read from the essentials cache (`essentials.EssentialDue`: for each case and kind
of essential, its state, due date and the day the fact that satisfied it happened), never
re-derived: the essentials' rules decide whether a check is needed and by when. The cache holds
what the record says now, so for a past "as at" day each answer compares those due and done
dates with the day:

- "No": something of that kind was due on or before the day and not done by then: it is still
  due, or it was done after the day (for the home visit, after its due date: the question is
  whether it was on time);
- "Yes": otherwise, when one was done on or before the day;
- "Not needed": nothing of that kind was due by the day, or the essentials found it not required.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Value, When

from caseload.essentials.domain.essential import State
from caseload.essentials.models import EssentialDue
from caseload.organisation.models import Allocation
from caseload.returns.catalogue._named_cases import (
    CASE_COLUMNS,
    CASE_FIELDS,
    HOLDER_COLUMNS,
    HOLDER_FIELDS,
    case_cells,
    holder_cells,
    listed_held,
)
from caseload.returns.registry import Chart, Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope

YES = "Yes"
NO = "No"
NOT_NEEDED = "Not needed"


@dataclass(frozen=True)
class Question:
    key: str
    #: The essential kind that answers it (`caseload.essentials.domain.rules.RULES`).
    kind: str
    words: str
    #: Done by the due date, not only by the day.
    on_time: bool = False


QUESTIONS = (
    Question("da_enquiry", "police_da_enquiry", "Police domestic abuse enquiry done"),
    Question("safeguarding_enquiry", "safeguarding_enquiry", "Safeguarding enquiry done"),
    Question("rosh_current", "rosh_assessment", "RoSH assessment current"),
    Question(
        "risk_management_plan",
        "risk_management_plan",
        "Risk management plan (RoSH medium or above)",
    ),
    Question("home_visit", "home_visit", "Home visit on time", on_time=True),
    Question("registrations_reviewed", "registration_review", "Registrations reviewed"),
    Question("oversight", "management_oversight", "Management oversight recorded"),
)


def _answer(scope: ReturnScope, question: Question) -> Case:
    day = scope.as_at
    needed = EssentialDue.objects.filter(person_id=OuterRef("person_id"), kind=question.kind)
    needed = needed.exclude(state=State.NOT_REQUIRED)
    # A row still due was not done by the day if it was due by then (its `done_on`, if any, is
    # the time before); a row done was not done by the day if it was done after it (or, for a
    # question of timeliness, after its due date).
    late = Q(done_on__isnull=True) | Q(done_on__gt=F("due_on") if question.on_time else day)
    short = needed.filter(Q(state=State.DUE) | (Q(state=State.DONE) & late), due_on__lte=day)
    done = needed.filter(done_on__lte=day)
    return Case(
        When(Exists(short), then=Value(NO)),
        When(Exists(done), then=Value(YES)),
        default=Value(NOT_NEEDED),
    )


def _answered(scope: ReturnScope, held: QuerySet[Allocation]) -> QuerySet[Allocation]:
    return held.annotate(**{q.key: _answer(scope, q) for q in QUESTIONS})


def rows(scope: ReturnScope) -> Iterator[Row]:
    found = (
        _answered(scope, listed_held(scope))
        .order_by("person__last_name", "person__first_name", "person__crn")
        .values_list(*CASE_FIELDS, *(q.key for q in QUESTIONS), *HOLDER_FIELDS)
    )
    for row in found.iterator(chunk_size=2000):
        answers = row[3 : 3 + len(QUESTIONS)]
        yield (*case_cells(*row[:3]), *answers, *holder_cells(*row[3 + len(QUESTIONS) :]))


def share(yes: int, needed: int) -> Decimal | None:
    """The share answered "Yes" of those needed, 0-100 to one place; None when none needed it."""
    if not needed:
        return None
    return (Decimal(100 * yes) / needed).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def summary(scope: ReturnScope) -> Table:
    counts = _answered(scope, scope.held).aggregate(
        **{
            name: Count("person_id", filter=rule)
            for q in QUESTIONS
            for name, rule in (
                (f"{q.key}_yes", Q(**{q.key: YES})),
                (f"{q.key}_needed", ~Q(**{q.key: NOT_NEEDED})),
            )
        }
    )
    return Table(
        columns=(
            Column("question", "Question"),
            Column("needed", "Cases where it was needed", "number"),
            Column("yes", "Answered yes", "number"),
            Column("share_yes", "Share answered yes", "percent"),
        ),
        rows=tuple(
            (
                q.words,
                counts[f"{q.key}_needed"],
                counts[f"{q.key}_yes"],
                share(counts[f"{q.key}_yes"], counts[f"{q.key}_needed"]),
            )
            for q in QUESTIONS
        ),
    )


RETURN = register(
    Return(
        name="inspection-self-check",
        title="Inspection self-check: keeping people safe",
        description=(
            "Every case held at the end of the day, with the inspectorate's keeping-people-safe "
            "questions answered Yes, No or Not needed from the essential work due on it. The "
            "summary gives, for each question, the share answered yes of the cases that needed "
            "it, counting every case held, including those with limited access. Due and done "
            "dates are as the record holds them now, compared with the day."
        ),
        reads=("organisation.Allocation", "essentials.EssentialDue"),
        columns=(
            *CASE_COLUMNS,
            *(Column(q.key, q.words) for q in QUESTIONS),
            *HOLDER_COLUMNS,
        ),
        rows=rows,
        names_people=True,
        summary=summary,
        chart=Chart(label="question", value="share_yes", title="Share answered yes, by question"),
        measures=tuple(
            (
                q.words,
                f"Read from the '{q.kind.replace('_', ' ')}' essential: 'No' when one was due "
                "on or before the day and not done "
                + ("by its due date" if q.on_time else "by the day")
                + "; 'Yes' when one was done by the day and none is short; otherwise 'Not "
                "needed'. The share is 'Yes' over 'Yes' and 'No'.",
                "HM Inspectorate of Probation, dynamic inspection of public protection: "
                "case assessment rules (CARaG v1.1, October 2025); docs/essentials.md for "
                "when each is due",
            )
            for q in QUESTIONS
        ),
    )
)
