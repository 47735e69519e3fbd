"""Each essential kind done on time, done late and outstanding, by team and practitioner, with
the performance measures SL004 and SL006 named on their rows.

Read from the essentials cache (`essentials.EssentialDue`), which holds each case's essentials
as last derived: an essential counts when its due date falls in the period, and its done date
is compared with the due date and the "as at" day. A practitioner's "not applicable" in force at
the end of the "as at" day leaves an essential that is not done out of the count.
"""

from collections.abc import Iterator
from datetime import date

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When

from caseload.essentials.domain.essential import State
from caseload.essentials.domain.rules import RULES
from caseload.essentials.models import EssentialDue, EssentialOverride, OverrideKind
from caseload.people.models import Sentence
from caseload.returns.catalogue._held import percent, practitioner_names
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Chart, Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope

FIRST_APPOINTMENT = "first_appointment"
INITIAL_SENTENCE_PLAN = "initial_sentence_plan"
#: The sentences SL004 covers: community sentences (a community order or a suspended sentence
#: order). A first appointment on a licence or post-sentence supervision is counted apart.
SL004_SENTENCES = frozenset({"CO", "SSO"})
SL004 = "SL004"
SL006 = "SL006"
FIRST_ON_COMMUNITY = f"{RULES[FIRST_APPOINTMENT].title}: community sentence"
FIRST_ON_RELEASE = f"{RULES[FIRST_APPOINTMENT].title}: licence or post-sentence supervision"


def essential_in_words(kind: str, sentence_type: str | None) -> tuple[str, str]:
    """The essential's title (from the rules table) and its measure name, "" if it has none."""
    if kind == FIRST_APPOINTMENT:
        if sentence_type in SL004_SENTENCES:
            return FIRST_ON_COMMUNITY, SL004
        return FIRST_ON_RELEASE, ""
    if kind == INITIAL_SENTENCE_PLAN:
        return RULES[kind].title, SL006
    rule = RULES.get(kind)
    return (rule.title if rule else kind.replace("_", " ").capitalize()), ""


def _sentence_type_when_derived() -> Subquery:
    """The type of the sentence the engine read the essential from: the most recent sentence in
    force on the day the row was derived (`facts_as_at`), as `CaseFacts.current_sentence`."""
    sentences = Sentence.objects.filter(
        Q(termination_date__isnull=True) | Q(termination_date__gt=OuterRef("facts_as_at")),
        event__person=OuterRef("person_id"),
        sentence_date__lte=OuterRef("facts_as_at"),
    ).order_by("-sentence_date", "-event__number")
    return Subquery(sentences.values("sentence_type")[:1])


def _not_applicable_in_force(as_at: date) -> Exists:
    """A "not applicable" recorded by the end of the day and still in force then."""
    midnight = end_of_day(as_at)
    return Exists(
        EssentialOverride.objects.filter(
            Q(ended_at__isnull=True) | Q(ended_at__gte=midnight),
            person_id=OuterRef("person_id"),
            kind=OuterRef("kind"),
            subject=OuterRef("subject"),
            override=OverrideKind.NOT_APPLICABLE,
            at__lt=midnight,
            until__gte=as_at,
        )
    )


Group = tuple[str | None, int | None, str, str, int, int, int]


def _grouped(scope: ReturnScope) -> Iterator[Group]:
    """(team, staff id, kind, sentence type, on time, late, outstanding) per group."""
    as_at = scope.as_at
    done = Q(state=State.DONE.value, done_on__lte=as_at)
    essentials = (
        # Joined to the held allocation (one per case on the day) for its team and
        # practitioner, rather than a subquery per essential for each.
        EssentialDue.objects.filter(
            person__allocations__in=scope.held,
            due_on__gte=scope.period_from,
            due_on__lte=as_at,
        )
        .exclude(state=State.NOT_REQUIRED.value)
        .annotate(
            team=F("person__allocations__team__name"),
            staff=F("person__allocations__staff_id"),
            sentence_type=Case(
                When(kind=FIRST_APPOINTMENT, then=_sentence_type_when_derived()),
                default=Value(""),
            ),
        )
        .order_by()
        .values("team", "staff", "kind", "sentence_type")
        .annotate(
            on_time=Count("pk", filter=done & Q(done_on__lte=F("due_on"))),
            late=Count("pk", filter=done & Q(done_on__gt=F("due_on"))),
            outstanding=Count("pk", filter=~done & ~_not_applicable_in_force(as_at)),
        )
        .values_list("team", "staff", "kind", "sentence_type", "on_time", "late", "outstanding")
    )
    yield from essentials.iterator(chunk_size=2000)


Counts = dict[tuple[str, int | None, str, str], list[int]]


def tally(groups: Iterator[Group]) -> Counts:
    """The groups under their words: (team, staff id, essential, measure) -> [on time, late,
    outstanding]. A first appointment's sentence types fold into SL004's two rows."""
    counts: Counts = {}
    for team, staff, kind, sentence_type, on_time, late, outstanding in groups:
        essential, measure = essential_in_words(kind, sentence_type or None)
        found = counts.setdefault((team or "", staff, essential, measure), [0, 0, 0])
        found[0] += on_time
        found[1] += late
        found[2] += outstanding
    return counts


def as_rows(counts: Counts) -> Iterator[Row]:
    names = practitioner_names(staff for _team, staff, _e, _m in counts)
    for (team, staff, essential, measure), (on_time, late, outstanding) in sorted(
        counts.items(), key=lambda item: (item[0][0], names[item[0][1]], item[0][2])
    ):
        due = on_time + late + outstanding
        if due == 0:
            continue
        yield (
            team,
            names[staff],
            essential,
            measure,
            due,
            on_time,
            late,
            outstanding,
            percent(on_time, due),
        )


def rows(scope: ReturnScope) -> Iterator[Row]:
    return as_rows(tally(_grouped(scope)))


def summary(scope: ReturnScope) -> Table:
    """Each essential over every team: due, on time and the share on time."""
    totals: dict[tuple[str, str], list[int]] = {}
    for (_team, _staff, essential, measure), figures in tally(_grouped(scope)).items():
        found = totals.setdefault((essential, measure), [0, 0, 0])
        for n, figure in enumerate(figures):
            found[n] += figure
    ordered = sorted(totals.items(), key=lambda item: item[0])
    return Table(
        columns=(
            Column("essential", "Essential"),
            Column("measure", "Measure"),
            Column("due", "Due in the period", "number"),
            Column("on_time_percent", "Done on time (%)", "percent"),
        ),
        rows=tuple(
            (essential, measure, sum(figures), percent(figures[0], sum(figures)))
            for (essential, measure), figures in ordered
            if sum(figures)
        ),
    )


COLUMNS = (
    Column("team", "Team"),
    Column("practitioner", "Practitioner"),
    Column("essential", "Essential"),
    Column("measure", "Measure"),
    Column("due", "Due in the period", "number"),
    Column("on_time", "Done on time", "number"),
    Column("late", "Done late", "number"),
    Column("outstanding", "Outstanding", "number"),
    Column("on_time_percent", "Done on time (%)", "percent"),
)

RETURN = register(
    Return(
        name="essentials-compliance",
        title="Essential work done on time",
        description=(
            "Each kind of essential work due in the period, by team and practitioner: done on "
            "time, done late, or still outstanding at the end of the 'as at' day, with the "
            "performance measures SL004 (first appointment) and SL006 (initial sentence plan). "
            "Due and done dates are those of the case's essentials as last worked out; work "
            "marked not applicable then is left out."
        ),
        reads=(
            "essentials.EssentialDue",
            "essentials.EssentialOverride",
            "organisation.Allocation",
            "people.Sentence",
        ),
        columns=COLUMNS,
        rows=rows,
        time="period",
        summary=summary,
        chart=Chart(
            label="essential", value="on_time_percent", title="Essential work done on time"
        ),
        measures=(
            (
                "Done on time",
                "An essential due in the period whose work was done on or before its due date, "
                "and by the end of the 'as at' day.",
                "caseload essentials rules (docs/essentials.md)",
            ),
            (
                "Done late",
                "An essential due in the period whose work was done after its due date, and by "
                "the end of the 'as at' day.",
                "caseload essentials rules (docs/essentials.md)",
            ),
            (
                "Outstanding",
                "An essential due in the period and not done by the end of the 'as at' day, "
                "unless a practitioner's 'not applicable' was in force then (a snooze does not "
                "excuse it); work done counts as done whatever the override. Work not "
                "required, or not yet due, is not counted.",
                "caseload essentials rules (docs/essentials.md)",
            ),
            (
                SL004,
                "First appointment in person (office or home visit) arranged within 5 working "
                "days of the start of a community sentence (community order or suspended "
                "sentence order): the first-appointment essentials of those sentences done on "
                "time, as a share of those due.",
                "MoJ Community Performance service level SL004 (data.justice.gov.uk)",
            ),
            (
                SL006,
                "Initial sentence plan completed within 15 working days of the first attended "
                "appointment: the initial-sentence-plan essentials done on time, as a share of "
                "those due.",
                "MoJ Community Performance service level SL006 (data.justice.gov.uk)",
            ),
        ),
    )
)
