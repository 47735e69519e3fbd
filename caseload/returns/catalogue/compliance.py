"""The compliance panel as a case-level list: one row per sentence in force during the period,
with what happened on it in the period.

The definitions are the compliance section's (`caseload.compliance.domain`, after the compliance
panel of hmpps-manage-people-on-probation-ui): a contact counts for a sentence when it is linked
to the sentence's event, or linked to none and dated (UK day) within the sentence; only
national-standards appointments count; failures to comply are Delius's FTC count, distinct days,
counted afresh from the day after the sentence's last breach ended. Here they are worked out
for every sentence at once, as conditional counts over the contacts in one query, never one
panel per case.
"""

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import (
    CharField,
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual, LessThan
from django.utils import timezone

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES
from caseload.diary.domain import RequestedBy
from caseload.diary.models import Appointment, Reschedule
from caseload.enforcement.domain import RECALL, WARNING_ACTIONS
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.people.constants import SentenceType
from caseload.people.models import Sentence
from caseload.returns.catalogue._held import (
    held_staff,
    held_team,
    percent,
    practitioner_names,
    start_of_day,
)
from caseload.returns.reading import UK, end_of_day
from caseload.returns.registry import Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope

NATIONAL_STANDARD = frozenset(code for code, t in CONTACT_TYPES.items() if t.national_standard)
#: Outcomes recorded on an appointment (a rescheduled outcome included, as the panel has it).
RECORDED = frozenset(OUTCOMES)
COMPLIED = frozenset(c for c, o in OUTCOMES.items() if o.attended is True and o.complied is True)
NOT_COMPLIED = frozenset(c for c, o in OUTCOMES.items() if o.complied is False)
ACCEPTABLE = frozenset(c for c, o in OUTCOMES.items() if o.acceptable_absence)
UNACCEPTABLE_ABSENCE = frozenset(
    c for c, o in OUTCOMES.items() if o.attended is False and o.complied is False
)
#: Open-ended sentences and breaches never reached: a day no date comes after.
NEVER = date(9999, 12, 31)
BEFORE_ANY = date(1900, 1, 1)

CONTACTS = "event__person__contacts"

#: The figures, in column order, after the columns naming the case and the sentence.
FIGURES = (
    "appointments",
    "complied",
    "failures_to_comply",
    "acceptable_absences",
    "unacceptable_absences",
    "outcome_not_recorded",
    "rescheduled_by_person",
    "rescheduled_by_service",
    "warning_letters",
    "breaches_current",
    "breaches_prior",
    "recalls_decided",
)


def _count(queryset: QuerySet[Any]) -> Coalesce:
    """How many rows a correlated queryset has, as one scalar subquery."""
    counted = queryset.order_by().annotate(
        n=Func(F("pk"), function="COUNT", output_field=IntegerField())
    )
    return Coalesce(Subquery(counted.values("n")[:1]), 0)


def _contact_day() -> TruncDate:
    return TruncDate(f"{CONTACTS}__happened_at", tzinfo=UK)


def _contacts_counted(scope: ReturnScope) -> Q:
    """The contacts of the period that count for the outer sentence (the panel's rule).

    The cheap tests come first, so the UK day (a function call per contact on SQLite) is
    worked out only where it decides: a moment on or after midnight UTC of the sentence date is
    on or after that day in the UK too (UK time is never behind UTC). Both databases compare a
    moment with a date at that day's midnight UTC (Django's connections run in UTC)."""
    day = _contact_day()
    happened_at = F(f"{CONTACTS}__happened_at")
    linked = Q(**{f"{CONTACTS}__event_id": F("event_id")})
    dated_within = (
        Q(**{f"{CONTACTS}__event__isnull": True})
        & (
            Q(GreaterThanOrEqual(happened_at, F("sentence_date")))
            | Q(GreaterThanOrEqual(day, F("sentence_date")))
        )
        & (Q(termination_date__isnull=True) | Q(LessThan(day, F("termination_date"))))
    )
    in_period = Q(
        **{
            f"{CONTACTS}__contact_type__in": NATIONAL_STANDARD,
            f"{CONTACTS}__happened_at__gte": start_of_day(scope.period_from),
            f"{CONTACTS}__happened_at__lt": end_of_day(scope.as_at),
        }
    )
    return in_period & (linked | dated_within)


def _with_outcome(codes: frozenset[str]) -> Q:
    return Q(**{f"{CONTACTS}__outcome__in": codes})


def _last_breach_end(as_at: date) -> Coalesce:
    """The day the sentence's last breach ended by `as_at`: failures count from the day after."""
    ended = (
        Breach.objects.filter(sentence=OuterRef("pk"), outcome_on__lte=as_at)
        .exclude(outcome="")
        .order_by("-outcome_on")
    )
    return Coalesce(Subquery(ended.values("outcome_on")[:1]), Value(BEFORE_ANY))


def _within_sentence(queryset: QuerySet[Any], moment: str) -> QuerySet[Any]:
    """The diary's rows (which name no event) dated, as a UK day, within the outer sentence."""
    ends = Coalesce(OuterRef("termination_date"), Value(NEVER), output_field=DateField())
    return queryset.annotate(day=TruncDate(moment, tzinfo=UK)).filter(
        day__gte=OuterRef("sentence_date"), day__lt=ends
    )


def _diary_counts(scope: ReturnScope) -> dict[str, Coalesce]:
    start, midnight = start_of_day(scope.period_from), end_of_day(scope.as_at)
    awaiting = _within_sentence(
        Appointment.objects.filter(
            person_id=OuterRef("event__person_id"),
            cancelled_at__isnull=True,
            contact__isnull=True,
            starts_at__gte=start,
            starts_at__lt=min(midnight, timezone.now()),
        ),
        "starts_at",
    )
    moved = _within_sentence(
        Reschedule.objects.filter(
            appointment__person_id=OuterRef("event__person_id"),
            from_starts_at__gte=start,
            from_starts_at__lt=midnight,
            rescheduled_at__lt=midnight,
        ),
        "from_starts_at",
    )
    return {
        "outcome_not_recorded": _count(awaiting),
        "rescheduled_by_person": _count(moved.filter(requested_by=RequestedBy.PERSON)),
        "rescheduled_by_service": _count(moved.filter(requested_by=RequestedBy.SERVICE)),
    }


def _enforcement_counts(as_at: date) -> dict[str, Coalesce]:
    breaches = Breach.objects.filter(sentence=OuterRef("pk"), started_on__lte=as_at)
    ended = Q(outcome_on__lte=as_at) & ~Q(outcome="")
    recalls = RecallConsideration.objects.filter(
        sentence=OuterRef("pk"), decision=RECALL, decided_at__lt=end_of_day(as_at)
    )
    return {
        "breaches_current": _count(breaches.exclude(ended)),
        "breaches_prior": _count(breaches.filter(ended)),
        "recalls_decided": _count(recalls),
    }


class OncePerSentence(Func):
    """A value of the sentence alone (a correlated subquery), kept out of GROUP BY: it is the
    same on every contact row of the sentence, so the database works it out once per sentence
    rather than once per contact."""

    template = "%(expressions)s"

    def get_group_by_cols(self) -> list[Any]:
        return []


def _once(expression: Any, output_field: Any) -> OncePerSentence:
    return OncePerSentence(expression, output_field=output_field)


def sentences(scope: ReturnScope, people: QuerySet[Any]) -> QuerySet[Sentence]:
    """Every sentence of `people` in force on any day of the period, with its figures."""
    as_at = scope.as_at
    counted = _contacts_counted(scope)
    failure = (
        _with_outcome(NOT_COMPLIED)
        & counted
        & Q(GreaterThan(_contact_day(), _last_breach_end(as_at)))
    )
    once = {
        "team": _once(held_team(scope, "event__person_id"), CharField()),
        "staff": _once(held_staff(scope, "event__person_id"), IntegerField()),
        **{
            name: _once(count, IntegerField())
            for name, count in (_diary_counts(scope) | _enforcement_counts(as_at)).items()
        },
    }
    return (
        Sentence.objects.filter(
            Q(termination_date__isnull=True) | Q(termination_date__gt=scope.period_from),
            event__person__in=people,
            sentence_date__lte=as_at,
        )
        .values("pk", "event_id", "event__person_id")
        .annotate(
            appointments=Count(CONTACTS, filter=_with_outcome(RECORDED) & counted),
            complied=Count(CONTACTS, filter=_with_outcome(COMPLIED) & counted),
            failures_to_comply=Count(_contact_day(), filter=failure, distinct=True),
            acceptable_absences=Count(CONTACTS, filter=_with_outcome(ACCEPTABLE) & counted),
            unacceptable_absences=Count(
                CONTACTS, filter=_with_outcome(UNACCEPTABLE_ABSENCE) & counted
            ),
            warning_letters=Count(
                CONTACTS,
                filter=Q(**{f"{CONTACTS}__enforcement_action__in": WARNING_ACTIONS}) & counted,
            ),
        )
        .annotate(**once)
        .order_by("event__person__crn", "sentence_date", "pk")
    )


def rows(scope: ReturnScope) -> Iterator[Row]:
    names = practitioner_names(scope.held.values_list("staff_id", flat=True))
    listed = sentences(scope, scope.listed).values_list(
        "event__person__crn",
        "event__person__first_name",
        "event__person__last_name",
        "team",
        "staff",
        "sentence_type",
        "sentence_date",
        *FIGURES,
    )
    for crn, first, last, team, staff, sentence_type, sentence_date, *figures in listed.iterator(
        chunk_size=1000
    ):
        yield as_row(
            crn, f"{first} {last}", team, names[staff], sentence_type, sentence_date, figures
        )


def as_row(
    crn: str,
    name: str,
    team: str,
    practitioner: str,
    sentence_type: str,
    sentence_date: date | datetime | str,
    figures: list[int],
) -> Row:
    if isinstance(sentence_date, str):
        sentence_date = date.fromisoformat(sentence_date)
    return (
        crn,
        name,
        team,
        practitioner,
        str(SentenceType(sentence_type).label),
        sentence_date,
        *(int(figure) for figure in figures),
    )


def summary(scope: ReturnScope) -> Table:
    """Every sentence in scope, limited access included, counted without identity."""
    totals = [0] * len(FIGURES)
    count = without_failures = 0
    failures = FIGURES.index("failures_to_comply")
    for figures in sentences(scope, scope.counted).values_list(*FIGURES).iterator(2000):
        count += 1
        without_failures += figures[failures] == 0
        for n, figure in enumerate(figures):
            totals[n] += figure
    titles = {c.name: c.title for c in COLUMNS}
    found: list[tuple[str, int | Decimal | None]] = [
        ("Sentences", count),
        *((titles[name], total) for name, total in zip(FIGURES, totals, strict=True)),
        ("Sentences with no failures to comply (%)", percent(without_failures, count)),
    ]
    return Table(
        columns=(Column("measure", "Measure"), Column("value", "All sentences", "number")),
        rows=tuple((measure, value) for measure, value in found if value is not None),
    )


COLUMNS = (
    Column("crn", "CRN"),
    Column("name", "Name"),
    Column("team", "Team"),
    Column("practitioner", "Practitioner"),
    Column("sentence", "Sentence"),
    Column("sentence_date", "Sentence date", "date"),
    Column("appointments", "Appointments", "number"),
    Column("complied", "Attended and complied", "number"),
    Column("failures_to_comply", "Failures to comply", "number"),
    Column("acceptable_absences", "Acceptable absences", "number"),
    Column("unacceptable_absences", "Unacceptable absences", "number"),
    Column("outcome_not_recorded", "Outcome not recorded", "number"),
    Column("rescheduled_by_person", "Rescheduled at the person's request", "number"),
    Column("rescheduled_by_service", "Rescheduled by the service", "number"),
    Column("warning_letters", "Warning letters", "number"),
    Column("breaches_current", "Breaches under way", "number"),
    Column("breaches_prior", "Breaches ended", "number"),
    Column("recalls_decided", "Recalls decided", "number"),
)

RETURN = register(
    Return(
        name="compliance",
        title="Compliance by sentence",
        description=(
            "Each sentence in force during the period, with its appointments, compliance, "
            "absences, rescheduling and warning letters in the period, and its breaches and "
            "recalls as at the end of the 'as at' day. Lists only the cases you may see; the "
            "summary counts every case."
        ),
        reads=(
            "people.Person",
            "people.Sentence",
            "contacts.Contact",
            "diary.Appointment",
            "diary.Reschedule",
            "enforcement.Breach",
            "enforcement.RecallConsideration",
            "organisation.Allocation",
        ),
        columns=COLUMNS,
        rows=rows,
        time="period",
        names_people=True,
        summary=summary,
        measures=(
            (
                "Appointments",
                "National-standards appointments in the period with an outcome recorded "
                "(rescheduled outcomes included), linked to the sentence's event or, linked to "
                "none, on a day within the sentence.",
                "Compliance panel, hmpps-manage-people-on-probation-ui",
            ),
            (
                "Attended and complied",
                "Those appointments attended and complied with.",
                "Compliance panel, hmpps-manage-people-on-probation-ui",
            ),
            (
                "Failures to comply",
                "Distinct days in the period with a failure to comply on a national-standards "
                "appointment, counted from the day after the sentence's last breach ended.",
                "Delius FTC count (hmpps-probation-integration-services libs/appointments)",
            ),
            (
                "Acceptable and unacceptable absences",
                "Appointments not attended, with an acceptable absence outcome, or failed to "
                "attend or an unacceptable absence.",
                "Contact outcomes (hmpps-manage-people-on-probation-ui outcome codes)",
            ),
            (
                "Outcome not recorded",
                "Appointments in the diary in the period whose time has passed, not cancelled, "
                "with no outcome recorded.",
                "Compliance panel, hmpps-manage-people-on-probation-ui",
            ),
            (
                "Rescheduled",
                "Appointments of the period moved (by their time before the move), by who "
                "asked: the person on probation or the service.",
                "Compliance panel, hmpps-manage-people-on-probation-ui",
            ),
            (
                "Warning letters",
                "Failures in the period given a first or second warning letter.",
                "Sentencing Code Sch. 10 para 6",
            ),
            (
                "Breaches under way and ended",
                "The sentence's breaches started by the end of the 'as at' day: under way "
                "when no outcome was recorded by then, ended when one was.",
                "hmpps-manage-supervisions breach-end contact types",
            ),
            (
                "Sentences with no failures to comply",
                "In the summary: the share of sentences with no failure to comply in the "
                "period, every case counted, limited access included.",
                "Delius FTC count",
            ),
        ),
    )
)
