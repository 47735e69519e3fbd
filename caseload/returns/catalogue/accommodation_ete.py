"""Accommodation and employment (HETE) outcomes: where people lived and whether they were in
work, training or education at set points after release or the start of a community sentence.

Every measure is read on one day per sentence (the measurement day) from the dated
circumstances and addresses in force on that day, so a return as at a day gives the same
figures whenever it is run. A sentence is counted when its measurement day falls in the period;
each release counts once, as the published statistics count them. People are counted by the
team that held their case at the end of the "as at" day.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.expressions import Combinable

from caseload.people import constants as c
from caseload.people.models import Address, Circumstance, Sentence
from caseload.returns.domain.suppression import suppress_rate
from caseload.returns.registry import Column, Return, Row, register
from caseload.returns.scope import ReturnScope

Kind = Literal["ACCOMMODATION", "EMPLOYMENT"]
A = c.AccommodationStatus
E = c.EmploymentStatus

#: Housed: settled or temporary accommodation (approved premises among it), not no fixed abode.
HOUSED = (A.SETTLED.value, A.APPROVED_PREMISES.value, A.TEMPORARY.value)
SETTLED = (A.SETTLED.value,)
IN_ETE = (
    E.EMPLOYED_FULL_TIME.value,
    E.EMPLOYED_PART_TIME.value,
    E.SELF_EMPLOYED.value,
    E.EDUCATION_TRAINING.value,
)
#: In custody on the measurement day: out of scope, as the published statistics treat it.
OUT_OF_SCOPE = (A.CUSTODY.value,)
#: An address in force says the person was housed, though not whether settled.
HOUSING_ADDRESSES = (c.AddressKind.MAIN.value, c.AddressKind.APPROVED_PREMISES.value)
COMMUNITY = (c.SentenceType.COMMUNITY_ORDER.value, c.SentenceType.SUSPENDED_SENTENCE_ORDER.value)

EMPLOYMENT_SOURCE = (
    "Ministry of Justice, 'Community Performance Annual, update to March 2022' (GOV.UK): "
    "'Employment at 6 Weeks Post Release from Custody', '... 6 Months Post Release From Custody', "
    "'... 6 Months Post Community Disposal', excluding unknown status; [I] whether training and "
    "education count, and the exact rule, are not public"
)
SOURCE = (
    "Ministry of Justice, 'Offender accommodation outcomes: statistical guidance' "
    "(GOV.UK, 31 July 2025)"
)


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    #: "release": each custodial sentence's release date; "community": a community or
    #: suspended sentence order's date; "held": each person held, on the "as at" day itself.
    after: Literal["release", "community", "held"]
    days: int
    kind: Kind
    met: tuple[str, ...]
    definition: str
    source: str

    @property
    def addresses_count(self) -> bool:
        """Whether an address in force, with no status recorded, answers the measure."""
        return self.met == HOUSED


MEASURES = (
    Measure(
        "MI014",
        "Housed on the day of release (MI014)",
        "release",
        0,
        "ACCOMMODATION",
        HOUSED,
        "Releases in the period where the person was in settled or temporary accommodation "
        "(approved premises included), not of no fixed abode, on the day of release.",
        SOURCE,
    ),
    Measure(
        "MI015a",
        "Settled accommodation 3 months after release (MI015a)",
        "release",
        91,
        "ACCOMMODATION",
        SETTLED,
        "Releases whose day 3 months on fell in the period, the sentence still in force, "
        "where the person was in settled accommodation that day.",
        f"{SOURCE}; [I] 3 months counted as 91 days (13 weeks)",
    ),
    Measure(
        "MI015b",
        "Settled accommodation 3 months after a community sentence began (MI015b)",
        "community",
        91,
        "ACCOMMODATION",
        SETTLED,
        "Community and suspended sentence orders whose day 3 months after the sentence fell in "
        "the period, still in force, where the person was in settled accommodation that day.",
        f"{SOURCE}; [I] 3 months counted as 91 days (13 weeks)",
    ),
    Measure(
        "ETE_6_WEEKS_RELEASE",
        "In employment, training or education 6 weeks after release",
        "release",
        42,
        "EMPLOYMENT",
        IN_ETE,
        "Releases whose day 6 weeks on fell in the period, the sentence still in force, where "
        "the person was employed, self-employed or in education or training that day.",
        EMPLOYMENT_SOURCE,
    ),
    Measure(
        "ETE_6_MONTHS_RELEASE",
        "In employment, training or education 6 months after release",
        "release",
        182,
        "EMPLOYMENT",
        IN_ETE,
        "As at 6 weeks, on the day 6 months after release.",
        f"{EMPLOYMENT_SOURCE}; 6 months counted as 182 days (26 weeks)",
    ),
    Measure(
        "ETE_6_MONTHS_COMMUNITY",
        "In employment, training or education 6 months after a community sentence began",
        "community",
        182,
        "EMPLOYMENT",
        IN_ETE,
        "Community and suspended sentence orders whose day 6 months after the sentence fell in "
        "the period, still in force, where the person was in work, education or training that "
        "day.",
        f"{EMPLOYMENT_SOURCE}; 6 months counted as 182 days (26 weeks)",
    ),
    Measure(
        "SETTLED_ON_THE_DAY",
        "In settled accommodation on the 'as at' day",
        "held",
        0,
        "ACCOMMODATION",
        SETTLED,
        "Everyone held at the end of the 'as at' day who was in settled accommodation that day: "
        "where the caseload stands now, beside the measures at fixed points.",
        "Our measure",
    ),
    Measure(
        "ETE_ON_THE_DAY",
        "In employment, training or education on the 'as at' day",
        "held",
        0,
        "EMPLOYMENT",
        IN_ETE,
        "Everyone held at the end of the 'as at' day who was in work, education or training "
        "that day.",
        "Our measure",
    ),
)

STATUS_NOTE = (
    "Eligible excludes anyone in custody that day and anyone with no status recorded in force "
    "that day (for being housed, a main or approved-premises address in force counts as a "
    "status), as the published statistics exclude unknown status."
)


def anchor_field(measure: Measure) -> str:
    return "release_date" if measure.after == "release" else "sentence_date"


def anchor_window(measure: Measure, period_from: date, as_at: date) -> tuple[date, date]:
    """The anchor days whose measurement day falls in the period (both ends included)."""
    shift = timedelta(days=measure.days)
    return period_from - shift, as_at - shift


class PlusDays(Func):
    """A date so many days on, in the database's own date arithmetic: Django's date plus a
    `timedelta` runs a Python function for every row on SQLite."""

    output_field = DateField()

    def __init__(self, day: Combinable, days: int) -> None:
        self.days = int(days)
        super().__init__(day)

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # PostgreSQL: a date plus an integer is a date.
        template = f"(%(expressions)s + {self.days})"
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = f"date(%(expressions)s, '+{self.days} days')"
        return super().as_sql(compiler, connection, template=template, **extra)


def _plus_days(day: Combinable, days: int) -> Combinable:
    return PlusDays(day, days) if days else day


def _measured_on(measure: Measure) -> Combinable:
    return _plus_days(OuterRef(anchor_field(measure)), measure.days)


def _in_force(model: type[Circumstance] | type[Address], measure: Measure) -> QuerySet[Any]:
    """The model's rows in force for the sentence's person on its measurement day."""
    day = _measured_on(measure)
    return model.objects.filter(person=OuterRef("event__person_id"), start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=day)
    )


def _conditions(measure: Measure) -> tuple[Q, Q]:
    """(eligible, met) for one sentence, as conditions over the sentence's row."""
    status = _in_force(Circumstance, measure).filter(kind=measure.kind)
    known = Q(Exists(status.exclude(status__in=OUT_OF_SCOPE)))
    met = Q(Exists(status.filter(status__in=measure.met)))
    if measure.addresses_count:
        addressed = ~Q(Exists(status)) & Q(
            Exists(_in_force(Address, measure).filter(kind__in=HOUSING_ADDRESSES))
        )
        known |= addressed
        met |= addressed
    day = _plus_days(F(anchor_field(measure)), measure.days)
    still_in_force = Q(termination_date__isnull=True) | Q(termination_date__gt=day)
    eligible = known & still_in_force
    return eligible, eligible & met


def _held_conditions(scope: ReturnScope, measure: Measure) -> tuple[Q, Q]:
    """(eligible, met) for one person held, on the "as at" day, over the held allocation."""
    status = Circumstance.objects.active_on(scope.as_at).filter(
        person=OuterRef("person_id"), kind=measure.kind
    )
    eligible = Q(Exists(status.exclude(status__in=OUT_OF_SCOPE)))
    return eligible, Q(Exists(status.filter(status__in=measure.met)))


def _held_counts(scope: ReturnScope, measures: list[Measure]) -> list[dict[str, tuple[int, int]]]:
    """Every "held" measure's (eligible, met) by team, in one grouped query."""
    counts: dict[str, Count] = {}
    for i, measure in enumerate(measures):
        eligible, met = _held_conditions(scope, measure)
        counts[f"eligible_{i}"] = Count("person_id", distinct=True, filter=eligible)
        counts[f"met_{i}"] = Count("person_id", distinct=True, filter=met)
    grouped = list(scope.held.order_by().values("team__name").annotate(**counts))
    return [
        {row["team__name"]: (row[f"eligible_{i}"], row[f"met_{i}"]) for row in grouped}
        for i in range(len(measures))
    ]


def _sentence_counts(
    scope: ReturnScope, measures: list[Measure]
) -> list[dict[str, tuple[int, int]]]:
    """Every measure read on a sentence's measurement day, (eligible, met) by team, in one
    grouped query over the held cases' sentences: each measure's window and sentence type are
    part of its conditional count, so the sentences are read once for all of them."""
    counts: dict[str, Count] = {}
    for i, measure in enumerate(measures):
        earliest, latest = anchor_window(measure, scope.period_from, scope.as_at)
        anchor = anchor_field(measure)
        counted = Q(**{f"{anchor}__gte": earliest, f"{anchor}__lte": latest})
        if measure.after == "community":
            counted &= Q(sentence_type__in=COMMUNITY)
        eligible, met = _conditions(measure)
        counts[f"eligible_{i}"] = Count("pk", filter=counted & eligible)
        counts[f"met_{i}"] = Count("pk", filter=counted & met)
    grouped = list(
        Sentence.objects.filter(event__person__allocations__in=scope.held)
        .order_by()
        .values(team=F("event__person__allocations__team__name"))
        .annotate(**counts)
    )
    return [
        {row["team"]: (row[f"eligible_{i}"], row[f"met_{i}"]) for row in grouped}
        for i in range(len(measures))
    ]


def rows_from_counts(
    teams: list[str], counts: dict[str, dict[str, tuple[int, int]]]
) -> Iterator[Row]:
    """The rows, suppressed, from each measure's (eligible, met) by team (shared with the
    hand-written query)."""
    for team in sorted(teams):
        for measure in MEASURES:
            eligible, met = counts.get(measure.key, {}).get(team, (0, 0))
            rate = suppress_rate(eligible, met)
            yield team, measure.title, rate.eligible, rate.met, rate.percent


def measure_counts(scope: ReturnScope) -> dict[str, dict[str, tuple[int, int]]]:
    """Per measure, per team: (eligible, met), before suppression. Two queries: the measures
    read on the "as at" day over the held cases, and the rest over their sentences."""
    held = [m for m in MEASURES if m.after == "held"]
    on_sentences = [m for m in MEASURES if m.after != "held"]
    found = zip(held, _held_counts(scope, held), strict=True)
    found_on_sentences = zip(on_sentences, _sentence_counts(scope, on_sentences), strict=True)
    return {measure.key: counts for measure, counts in (*found, *found_on_sentences)}


def rows(scope: ReturnScope) -> Iterator[Row]:
    teams = list(scope.held.order_by().values_list("team__name", flat=True).distinct())
    yield from rows_from_counts(teams, measure_counts(scope))


RETURN = register(
    Return(
        name="accommodation-ete",
        title="Accommodation, employment, training and education outcomes",
        description=(
            "By team: whether people were housed on the day of release and in settled "
            "accommodation 3 months after release or a community sentence (MI014, MI015a, "
            "MI015b), and in employment, training or education 6 weeks and 6 months on, read "
            "from the circumstances and addresses recorded for each of those days in the "
            "period, and where everyone held stood on the 'as at' day. Fewer than 5 people "
            "are shown as <5."
        ),
        reads=(
            "organisation.Allocation",
            "people.Sentence",
            "people.Circumstance",
            "people.Address",
        ),
        time="period",
        columns=(
            Column("team", "Team"),
            Column("measure", "Measure"),
            Column("eligible", "Eligible people", "number"),
            Column("met", "Met", "number"),
            Column("percent", "Met (%)", "percent"),
        ),
        rows=rows,
        measures=tuple((m.title, f"{m.definition} {STATUS_NOTE}", m.source) for m in MEASURES)
        + (
            (
                "Suppression",
                "Fewer than 5 eligible: eligible, met and the percentage are all <5. 1 to 4 "
                "who met the measure are <5; 1 to 4 who did not hide the met count and the "
                "percentage as [c], since eligible minus met would count them.",
                "Our rule, the same as the equality return's",
            ),
        ),
    )
)
