"""People by protected characteristic against what happened on their sentence in the period.

Equality data is special category data (UK GDPR Art. 9; Data Protection Act 2018 Sch. 1 para 8
allows it for equality monitoring): this return counts people only, never lists them, and
shows no count of 1 to 4 nor one that could be worked out from the others
(`caseload.returns.domain.suppression`).

Each person held at the end of the "as at" day is counted once in each characteristic, by the
answer recorded on their record (the person's own answers: "Prefer not to say" and "Not
recorded" are values too), their age on the "as at" day and whether a disability or condition
was recorded for them that day. The outcomes are what happened from the start of the period to
the end of the "as at" day.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES
from caseload.contacts.models import Contact
from caseload.enforcement.domain import RECALL
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.people import constants as c
from caseload.people.models import Disability, Person, Sentence
from caseload.returns.domain.suppression import CountTable, shown_percent, suppress
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Cell, Column, Return, Row, register
from caseload.returns.scope import ReturnScope

#: Delius records a sentence's termination reason as text; the demo and imports write this one
#: for a sentence that ran its course [I: the full Delius list of reasons is not public].
COMPLETED = "Completed"

NATIONAL_STANDARD_TYPES = tuple(code for code, t in CONTACT_TYPES.items() if t.national_standard)
COMPLIED_OUTCOMES = tuple(code for code, o in OUTCOMES.items() if o.complied is True)
FAILED_OUTCOMES = tuple(code for code, o in OUTCOMES.items() if o.complied is False)

OUTCOME_NAMES = ("complied", "breached", "recalled", "completed")
ALL_PEOPLE = "All people"


@dataclass(frozen=True)
class Characteristic:
    key: str
    title: str
    values: tuple[tuple[str, str], ...]


def _choices(choices: Sequence[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    return tuple((code, str(label)) for code, label in choices)


#: Ages in whole years on the "as at" day: (code, words, youngest age in the band).
AGE_BANDS = (
    ("UNDER_18", "Under 18", 0),
    ("18_24", "18 to 24", 18),
    ("25_34", "25 to 34", 25),
    ("35_44", "35 to 44", 35),
    ("45_54", "45 to 54", 45),
    ("55_64", "55 to 64", 55),
    ("65_PLUS", "65 and over", 65),
)
RECORDED = (("YES", "At least one recorded"), ("NO", "None recorded"))

CHARACTERISTICS = (
    Characteristic("sex", "Sex", _choices(c.Sex.choices)),
    Characteristic("gender_identity", "Gender identity", _choices(c.GenderIdentity.choices)),
    Characteristic("age_band", "Age", tuple((code, words) for code, words, _ in AGE_BANDS)),
    Characteristic("ethnicity", "Ethnic group", _choices(c.Ethnicity.choices)),
    Characteristic("religion", "Religion or belief", _choices(c.Religion.choices)),
    Characteristic(
        "sexual_orientation", "Sexual orientation", _choices(c.SexualOrientation.choices)
    ),
    Characteristic("disability", "Considers themselves disabled", _choices(c.Disability.choices)),
    Characteristic("recorded_disability", "Disability or condition recorded", RECORDED),
)

#: Per characteristic, per value code: (people, complied, breached, recalled, completed).
RawCounts = Mapping[str, Mapping[str, tuple[int, ...]]]


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier; 28 February for a 29 February (someone born on 29
    February is a year older on 1 March in a year without one)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_band_limits(as_at: date) -> list[tuple[str, date]]:
    """(band, latest date of birth in it) from the youngest band up: born after the limit of
    the next band up means younger than its youngest age."""
    return [
        (AGE_BANDS[i][0], years_before(as_at, AGE_BANDS[i + 1][2]))
        for i in range(len(AGE_BANDS) - 1)
    ]


def rows_from_counts(raw: RawCounts) -> list[Row]:
    """The rows, suppressed, from the raw counts of each characteristic's values (shared with
    the hand-written query, so both are suppressed alike)."""
    width = 1 + len(OUTCOME_NAMES)
    groups: list[list[tuple[str, str, tuple[int, ...]]]] = []
    for characteristic in CHARACTERISTICS:
        counts = raw.get(characteristic.key, {})
        known = dict(characteristic.values)
        values = list(characteristic.values) + [(v, v) for v in sorted(counts) if v not in known]
        groups.append(
            [
                (characteristic.title, words, counts.get(code, (0,) * width))
                for code, words in values
            ]
        )
    total = tuple(sum(col) for col in zip(*(n for _, _, n in groups[0]), strict=True))
    shown = suppress(
        CountTable(total=total, groups=tuple(tuple(n for _, _, n in g) for g in groups))
    )
    labelled = [(ALL_PEOPLE, ALL_PEOPLE, total, shown.total)]
    for group, shown_group in zip(groups, shown.groups, strict=True):
        labelled += [(t, w, n, s) for (t, w, n), s in zip(group, shown_group, strict=True)]
    found: list[Row] = []
    for title, words, counts, cells in labelled:
        row: list[Cell] = [title, words, cells[0]]
        for i in range(1, width):
            row += [cells[i], shown_percent(cells[i], counts[i], counts[0])]
        found.append(tuple(row))
    return found


def _outcomes(scope: ReturnScope) -> dict[str, Q]:
    since = end_of_day(scope.period_from - timedelta(days=1))
    until = end_of_day(scope.as_at)
    in_period = {"happened_at__gte": since, "happened_at__lt": until}
    appointments = Contact.objects.filter(
        person=OuterRef("pk"), contact_type__in=NATIONAL_STANDARD_TYPES, **in_period
    )
    breaches = Breach.objects.filter(
        person=OuterRef("pk"), pack_sent_on__gte=scope.period_from, pack_sent_on__lte=scope.as_at
    )
    recalls = RecallConsideration.objects.filter(
        person=OuterRef("pk"), decision=RECALL, decided_at__gte=since, decided_at__lt=until
    )
    completions = Sentence.objects.filter(
        event__person=OuterRef("pk"),
        termination_reason=COMPLETED,
        termination_date__gte=scope.period_from,
        termination_date__lte=scope.as_at,
    )
    return {
        "complied": Q(Exists(appointments.filter(outcome__in=COMPLIED_OUTCOMES)))
        & ~Q(Exists(appointments.filter(outcome__in=FAILED_OUTCOMES))),
        "breached": Q(Exists(breaches)),
        "recalled": Q(Exists(recalls)),
        "completed": Q(Exists(completions)),
    }


def _annotated(scope: ReturnScope) -> QuerySet[Person]:
    day = scope.as_at
    disabilities = Disability.objects.active_on(day).filter(person=OuterRef("pk"))
    age = Case(
        *(When(date_of_birth__gt=limit, then=Value(band)) for band, limit in age_band_limits(day)),
        default=Value(AGE_BANDS[-1][0]),
        output_field=CharField(),
    )
    recorded = Case(
        When(Exists(disabilities), then=Value("YES")),
        default=Value("NO"),
        output_field=CharField(),
    )
    return scope.counted.order_by().annotate(age_band=age, recorded_disability=recorded)


def raw_counts(scope: ReturnScope) -> dict[str, dict[str, tuple[int, ...]]]:
    """One grouped query over every characteristic at once, each outcome a conditional count;
    each characteristic's counts are then added up from the groups (a few thousand at most)."""
    outcomes = _outcomes(scope)
    keys = [characteristic.key for characteristic in CHARACTERISTICS]
    grouped = (
        _annotated(scope)
        .values(*keys)
        .annotate(
            people=Count("pk"),
            **{name: Count("pk", filter=outcomes[name]) for name in OUTCOME_NAMES},
        )
    )
    width = 1 + len(OUTCOME_NAMES)
    sums: dict[str, dict[str, list[int]]] = {key: {} for key in keys}
    for row in grouped.values_list(*keys, "people", *OUTCOME_NAMES).iterator(chunk_size=2000):
        counts = row[len(keys) :]
        for key, value in zip(keys, row, strict=False):
            found = sums[key].setdefault(value, [0] * width)
            for i, n in enumerate(counts):
                found[i] += n
    raw = {key: {value: tuple(n) for value, n in found.items()} for key, found in sums.items()}
    return raw


def rows(scope: ReturnScope) -> Iterator[Row]:
    yield from rows_from_counts(raw_counts(scope))


def _outcome_columns() -> tuple[Column, ...]:
    titles = {
        "complied": "Complied",
        "breached": "Breached",
        "recalled": "Recalled",
        "completed": "Completed",
    }
    columns: list[Column] = []
    for name in OUTCOME_NAMES:
        columns += [
            Column(name, titles[name], "number"),
            Column(f"{name}_percent", f"{titles[name]} (%)", "percent"),
        ]
    return tuple(columns)


RETURN = register(
    Return(
        name="equality",
        title="Equality: outcomes by protected characteristic",
        description=(
            "People held on the 'as at' day, counted by sex, gender identity, age, ethnic "
            "group, religion, sexual orientation and disability, against whether in the period "
            "they complied, were breached, were recalled or completed their sentence. Counts "
            "only: fewer than 5 people are shown as <5, and [c] hides a count that would "
            "reveal one."
        ),
        reads=(
            "organisation.Allocation",
            "people.Person",
            "people.Disability",
            "people.Sentence",
            "contacts.Contact",
            "enforcement.Breach",
            "enforcement.RecallConsideration",
        ),
        time="period",
        columns=(
            Column("characteristic", "Characteristic"),
            Column("value", "Group"),
            Column("people", "People", "number"),
            *_outcome_columns(),
        ),
        rows=rows,
        measures=(
            (
                "People",
                "Each person whose case was held at the end of the 'as at' day, once in every "
                "characteristic: the answer on their record, their age in whole years that day, "
                "and whether a disability or condition was recorded in force that day.",
                "Equality Act 2010 s.4 (the protected characteristics); our grouping of ages",
            ),
            (
                "Complied",
                "Had at least one national-standard appointment in the period whose outcome "
                "counts as complied (attended and complied, or an acceptable absence) and no "
                "failure to comply (an outcome recorded as not complied).",
                "Delius outcome flags (hmpps-manage-people-on-probation-ui compliance); "
                "'complied with every appointment' is our reading [I]",
            ),
            (
                "Breached",
                "A breach begun in the period: the breach pack sent to court on a day in it.",
                "Sentencing Code Sch. 10 (breach of a community order); [I] the day used",
            ),
            (
                "Recalled",
                "A manager decided to recall them on a day in the period.",
                "make-recall-decision-api (the decision to recall)",
            ),
            (
                "Completed",
                "A sentence ended on a day in the period with the reason 'Completed'.",
                "Delius termination reasons [I: their full list is not public]",
            ),
            (
                "Suppression",
                "A count of 1 to 4 is shown as <5 and zero as 0; further cells are withheld as "
                "[c] until no hidden count can be worked out from the 'All people' row and the "
                "other groups; a percentage is hidden with its count.",
                "Our rule: no published ONS or GSS threshold was found to cite",
            ),
        ),
    )
)
