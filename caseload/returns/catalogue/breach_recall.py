"""Breach and recall statistics by team: warnings and how soon they follow a failure, breach
referrals and how soon they follow the further failure, the court's outcomes and the proven
rate; recalls by type, the emergency share and how soon Part A follows the decision.

Read from the recorded facts: the contacts' outcomes and enforcement decisions (with the later
decision on a failure first recorded as pending, `enforcement.FailureDecision`), breaches
(`enforcement.Breach`: pack sent, outcome) and recall considerations
(`enforcement.RecallConsideration`). Each fact counts in the period by its own date; each case
under the team holding it at the end of the "as at" day. The times are medians, worked out
from the values one query reads (working days need the bank holidays, which SQL does not
know).
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from statistics import median

from django.db.models import OuterRef, Q, Subquery

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES
from caseload.contacts.models import Contact
from caseload.core.working_days import working_days_between
from caseload.enforcement.domain import (
    BREACH_OUTCOMES,
    FIXED_TERM,
    RECALL,
    STANDARD,
    WARNING_ACTIONS,
)
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration
from caseload.returns.catalogue._held import held_team, one_place, percent, start_of_day
from caseload.returns.reading import UK, end_of_day
from caseload.returns.registry import Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope

#: National-standards contact types: only they count for enforcement (case_model §9.1).
NATIONAL_STANDARD = frozenset(code for code, t in CONTACT_TYPES.items() if t.national_standard)
#: Outcomes that are a failure to comply: enforceable and not complied.
FAILURE_OUTCOMES = frozenset(
    code for code, o in OUTCOMES.items() if o.enforceable and o.complied is False
)
#: The breach-end outcomes the court finds proven (the Delius breach-end codes ABCC to ABSD).
PROVEN = frozenset({"ABCC", "ABCF", "ABNA", "ABPC", "ABPP", "ABSD"})
NOT_PROVEN = "ABNP"

FAILURES = "Failures to comply"
WARNINGS = "Warnings given"
WARNING_DAYS = "Median working days from the failure to the warning"
PACKS = "Breach packs sent to court"
PACK_DAYS = "Median working days from the further failure to the breach pack"
BREACHES_ENDED = "Breaches ended"
PROVEN_RATE = "Breaches proven (% of those the court decided)"
RECALLS = "Recalls decided"
STANDARD_RECALLS = "Standard recalls"
FIXED_TERM_RECALLS = "Fixed-term recalls"
UNRECOMMENDED_RECALLS = "Recalls decided where no recall was recommended"
FIXED_TERM_SHARE = "Fixed-term recalls (% of standard and fixed-term)"
EMERGENCY_SHARE = "Emergency recalls (%)"
PART_A_SENT = "Part A sent to the Public Protection Casework Section"
PART_A_HOURS = "Median hours from the decision to recall to Part A"


def breach_ended_measure(outcome: str) -> str:
    return f"Breaches ended: {BREACH_OUTCOMES.get(outcome, outcome).lower()}"


@dataclass
class TeamFacts:
    """What one team's cases recorded in the period, as plain values."""

    #: (person, UK day) of each failure: a person's failures on one day count once, as
    #: Delius's FTC count has them.
    failures: set[tuple[int, date]] = field(default_factory=set)
    warning_days: list[int] = field(default_factory=list)
    pack_days: list[int] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    #: (recommended type, emergency, hours to Part A or None while it is not sent).
    recalls: list[tuple[str, bool, float | None]] = field(default_factory=list)

    def add_warning(self, failed_at: datetime, decided_on: date | None) -> None:
        """A warning is given with the decision on the failure: recorded with its outcome, or
        decided later on a failure first recorded as pending."""
        failed_on = uk_day(failed_at)
        self.warning_days.append(working_days_between(failed_on, decided_on or failed_on))

    def add_pack(self, started_on: date, sent_on: date) -> None:
        self.pack_days.append(working_days_between(started_on, sent_on))

    def add_recall(
        self, recommended: str, emergency: bool, decided_at: datetime, sent_at: datetime | None
    ) -> None:
        hours = None if sent_at is None else (sent_at - decided_at).total_seconds() / 3600
        self.recalls.append((recommended, bool(emergency), hours))


def uk_day(moment: datetime) -> date:
    return moment.astimezone(UK).date()


def _median(values: Iterable[float]) -> Decimal | None:
    found = list(values)
    return one_place(median(found)) if found else None


def measures(facts: TeamFacts) -> Iterator[tuple[str, int | Decimal]]:
    """The team's measures in order. Counts are always given; a median or a rate only where
    there is something to take it of."""
    proven = sum(facts.outcomes[o] for o in PROVEN)
    types = Counter(recommended for recommended, _e, _h in facts.recalls)
    unrecommended = len(facts.recalls) - types[STANDARD] - types[FIXED_TERM]
    emergencies = sum(1 for _t, emergency, _h in facts.recalls if emergency)
    hours = [h for _t, _e, h in facts.recalls if h is not None]
    found: list[tuple[str, int | Decimal | None]] = [
        (FAILURES, len(facts.failures)),
        (WARNINGS, len(facts.warning_days)),
        (WARNING_DAYS, _median(facts.warning_days)),
        (PACKS, len(facts.pack_days)),
        (PACK_DAYS, _median(facts.pack_days)),
        (BREACHES_ENDED, sum(facts.outcomes.values())),
        *(
            (breach_ended_measure(outcome), facts.outcomes[outcome])
            for outcome in BREACH_OUTCOMES
            if facts.outcomes[outcome]
        ),
        (PROVEN_RATE, percent(proven, proven + facts.outcomes[NOT_PROVEN])),
        (RECALLS, len(facts.recalls)),
        (STANDARD_RECALLS, types[STANDARD]),
        (FIXED_TERM_RECALLS, types[FIXED_TERM]),
        (UNRECOMMENDED_RECALLS, unrecommended or None),
        (FIXED_TERM_SHARE, percent(types[FIXED_TERM], types[STANDARD] + types[FIXED_TERM])),
        (EMERGENCY_SHARE, percent(emergencies, len(facts.recalls))),
        (PART_A_SENT, len(hours)),
        (PART_A_HOURS, _median(hours)),
    ]
    return ((measure, value) for measure, value in found if value is not None)


def as_rows(by_team: dict[str, TeamFacts]) -> Iterator[Row]:
    for team in sorted(by_team):
        for measure, value in measures(by_team[team]):
            yield team, measure, value


def _in_period(scope: ReturnScope) -> dict[str, datetime]:
    return {"gte": start_of_day(scope.period_from), "lt": end_of_day(scope.as_at)}


def _failures(scope: ReturnScope) -> Iterator[tuple[str, int, datetime]]:
    moments = _in_period(scope)
    contacts = Contact.objects.filter(
        person_id__in=scope.held.values("person_id"),
        contact_type__in=NATIONAL_STANDARD,
        outcome__in=FAILURE_OUTCOMES,
        happened_at__gte=moments["gte"],
        happened_at__lt=moments["lt"],
    )
    return (
        contacts.annotate(team=held_team(scope))
        .order_by()
        .values_list("team", "person_id", "happened_at")
        .iterator(chunk_size=2000)
    )


def _warnings(scope: ReturnScope) -> Iterator[tuple[str, datetime, date | None]]:
    """Failures given a warning, with the day of the later decision that gave it, if any."""
    moments = _in_period(scope)
    later = FailureDecision.objects.filter(
        contact=OuterRef("pk"), action=OuterRef("enforcement_action")
    ).order_by("-decided_on", "-id")
    contacts = (
        Contact.objects.filter(
            person_id__in=scope.held.values("person_id"),
            contact_type__in=NATIONAL_STANDARD,
            outcome__in=FAILURE_OUTCOMES,
            enforcement_action__in=WARNING_ACTIONS,
            happened_at__lt=moments["lt"],
        )
        .annotate(decided=Subquery(later.values("decided_on")[:1]))
        .filter(
            Q(decided__gte=scope.period_from, decided__lte=scope.as_at)
            | Q(decided__isnull=True, happened_at__gte=moments["gte"])
        )
    )
    return (
        contacts.annotate(team=held_team(scope))
        .order_by()
        .values_list("team", "happened_at", "decided")
        .iterator(chunk_size=2000)
    )


def _breaches(scope: ReturnScope) -> Iterator[tuple[str, date, date | None, str, date | None]]:
    """Breaches whose pack was sent, or which ended, in the period."""
    period = (scope.period_from, scope.as_at)
    breaches = Breach.objects.filter(
        Q(pack_sent_on__range=period) | (~Q(outcome="") & Q(outcome_on__range=period)),
        person_id__in=scope.held.values("person_id"),
    )
    return (
        breaches.annotate(team=held_team(scope))
        .order_by()
        .values_list("team", "started_on", "pack_sent_on", "outcome", "outcome_on")
        .iterator(chunk_size=2000)
    )


def _recalls(scope: ReturnScope) -> Iterator[tuple[str, str, bool, datetime, datetime | None]]:
    moments = _in_period(scope)
    recalls = RecallConsideration.objects.filter(
        person_id__in=scope.held.values("person_id"),
        decision=RECALL,
        decided_at__gte=moments["gte"],
        decided_at__lt=moments["lt"],
    )
    return (
        recalls.annotate(team=held_team(scope))
        .order_by()
        .values_list("team", "recommended_type", "emergency", "decided_at", "part_a_sent_at")
        .iterator(chunk_size=2000)
    )


def _by_team(scope: ReturnScope) -> dict[str, TeamFacts]:
    by_team = {
        team: TeamFacts()
        for team in scope.held.order_by().values_list("team__name", flat=True).distinct()
    }
    for team, person, happened_at in _failures(scope):
        by_team[team].failures.add((person, uk_day(happened_at)))
    for team, happened_at, decided in _warnings(scope):
        by_team[team].add_warning(happened_at, decided)
    period = (scope.period_from, scope.as_at)
    for team, started_on, sent_on, outcome, outcome_on in _breaches(scope):
        if sent_on is not None and period[0] <= sent_on <= period[1]:
            by_team[team].add_pack(started_on, sent_on)
        if outcome and outcome_on is not None and period[0] <= outcome_on <= period[1]:
            by_team[team].outcomes[outcome] += 1
    midnight = end_of_day(scope.as_at)
    for team, recommended, emergency, decided_at, sent_at in _recalls(scope):
        sent = sent_at if sent_at is not None and sent_at < midnight else None
        by_team[team].add_recall(recommended, emergency, decided_at, sent)
    return by_team


def rows(scope: ReturnScope) -> Iterator[Row]:
    return as_rows(_by_team(scope))


def every_team(by_team: dict[str, TeamFacts]) -> TeamFacts:
    together = TeamFacts()
    for facts in by_team.values():
        together.failures |= facts.failures
        together.warning_days += facts.warning_days
        together.pack_days += facts.pack_days
        together.outcomes += facts.outcomes
        together.recalls += facts.recalls
    return together


def summary(scope: ReturnScope) -> Table:
    """Every team together."""
    return Table(
        columns=(Column("measure", "Measure"), Column("value", "Every team", "number")),
        rows=tuple(measures(every_team(_by_team(scope)))),
    )


RETURN = register(
    Return(
        name="breach-recall",
        title="Breaches and recalls",
        description=(
            "Warnings, breach referrals and court outcomes on community sentences, and recalls "
            "on licences, by team, in the period: how many, and how long each step took. Each "
            "case counts under the team holding it at the end of the 'as at' day."
        ),
        reads=(
            "contacts.Contact",
            "enforcement.FailureDecision",
            "enforcement.Breach",
            "enforcement.RecallConsideration",
            "organisation.Allocation",
        ),
        columns=(
            Column("team", "Team"),
            Column("measure", "Measure"),
            Column("value", "Value", "number"),
        ),
        rows=rows,
        time="period",
        summary=summary,
        measures=(
            (
                FAILURES,
                "Unacceptable failures to comply (failed to attend, unacceptable absence, "
                "attended but failed to comply, sent home for behaviour) on national-standards "
                "appointments in the period; a person's failures on one day count once.",
                "Delius FTC count (hmpps-probation-integration-services libs/appointments)",
            ),
            (
                WARNINGS,
                "Failures given a first or second warning letter, counted on the day of the "
                "decision: the failure's own day when the warning was recorded with the "
                "outcome, or the day of the later decision on a failure first recorded as "
                "pending.",
                "Sentencing Code Sch. 10 para 6 and Sch. 16 (the warning)",
            ),
            (
                WARNING_DAYS,
                "The median, over the warnings given in the period, of the working days "
                "(England and Wales bank holidays excluded) from the failure to the warning.",
                "Warning within 2 working days: MoJ design research and training material [U]",
            ),
            (
                PACKS,
                "Breaches whose pack was sent to court in the period: the breach referral.",
                "Sentencing Code Sch. 10 para 7 (a further failure within 12 months of a "
                "warning must be referred)",
            ),
            (
                PACK_DAYS,
                "The median, over the breach packs sent in the period, of the working days from "
                "the failure that started the breach to the day the pack was sent.",
                "Breach pack within 10 working days: MoJ design research 2021 [U]",
            ),
            (
                BREACHES_ENDED,
                "Breaches whose court outcome is dated in the period, in all and by outcome "
                "(the Delius breach-end codes in words).",
                "hmpps-manage-supervisions breach-end contact types (ABCC to ABWD)",
            ),
            (
                PROVEN_RATE,
                "Breaches ended in the period found proven (committed to custody, fine, no "
                "action, concluded, re-sentenced, supervision default order) as a share of "
                "those the court decided, proven or not proven; withdrawn breaches are counted "
                "above but left out of the rate.",
                "hmpps-manage-supervisions breach-end contact types",
            ),
            (
                RECALLS,
                "Recall considerations a manager decided to recall in the period (by the time "
                "of the decision), by the type recommended with them: standard or fixed-term.",
                "Criminal Justice Act 2003 ss.254-255C; make-recall-decision-api",
            ),
            (
                FIXED_TERM_SHARE,
                "Fixed-term recalls as a share of the standard and fixed-term recalls decided.",
                "Criminal Justice Act 2003 s.255B; Sentencing Act 2026 s.32",
            ),
            (
                EMERGENCY_SHARE,
                "Recalls decided in the period that were emergency recalls, as a share of all "
                "recalls decided.",
                "make-recall-decision-api (the emergency recall flag)",
            ),
            (
                PART_A_HOURS,
                "The median, over the recalls decided in the period whose Part A was sent by "
                "the end of the 'as at' day, of the hours from the decision to Part A.",
                "PSI 30/2014: Part A within 24 hours of the decision to recall [U]",
            ),
        ),
    )
)
