"""breach-recall: warnings, breach referrals, court outcomes and recalls by team in the period,
each fact counted by its own date."""

from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.contacts.models import Contact
from caseload.enforcement.domain import BREACH_OUTCOMES
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration
from caseload.returns.catalogue import breach_recall as br
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.scope import scope_for
from caseload.testing.factories import AllocationFactory, PersonFactory, SentenceFactory

AS_AT = date(2026, 11, 30)
PERIOD_FROM = date(2026, 6, 1)


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _case(staff, sentence_type="CO"):
    person = PersonFactory()
    sentence = SentenceFactory(
        event__person=person, sentence_type=sentence_type, sentence_date=date(2026, 1, 5)
    )
    AllocationFactory(person=person, staff=staff, start_date=date(2026, 1, 5))
    return person, sentence


def _failure(person, day, *, action="NFA", outcome="UAAB", contact_type="COAP", hour=10):
    return Contact.objects.create(
        person=person,
        contact_type=contact_type,
        happened_at=_at(day, hour),
        outcome=outcome,
        enforcement_action=action,
    )


def _measures(user, as_at=AS_AT, period_from=PERIOD_FROM):
    scope = scope_for(user.user, ReturnFilters(as_at, period_from), today=date(2026, 12, 1))
    found: dict[str, dict[str, object]] = {}
    for team, measure, value in br.RETURN.rows(scope):
        found.setdefault(team, {})[measure] = value
    return found


def _only_team(user, **kwargs):
    (measures,) = _measures(user, **kwargs).values()
    return measures


@pytest.mark.django_db
def test_a_team_with_nothing_recorded_has_its_counts_at_nought_and_no_medians(
    practitioner, analyst
):
    _case(practitioner)
    assert _only_team(analyst) == {
        br.FAILURES: 0,
        br.WARNINGS: 0,
        br.PACKS: 0,
        br.BREACHES_ENDED: 0,
        br.RECALLS: 0,
        br.STANDARD_RECALLS: 0,
        br.FIXED_TERM_RECALLS: 0,
        br.PART_A_SENT: 0,
    }


@pytest.mark.django_db
def test_a_persons_failures_on_one_day_count_once_and_only_unacceptable_ones_count(
    practitioner, analyst
):
    person, _ = _case(practitioner)
    _failure(person, date(2026, 9, 1), hour=9)
    _failure(person, date(2026, 9, 1), outcome="AFTC", hour=14)
    _failure(person, date(2026, 9, 8), outcome="AFTA")
    _failure(person, date(2026, 9, 9), outcome="AAME", action="")
    _failure(person, date(2026, 9, 10), outcome="ATTC", action="")
    _failure(person, date(2026, 5, 29))
    assert _only_team(analyst)[br.FAILURES] == 2


@pytest.mark.django_db
def test_a_warning_counts_on_the_day_it_was_decided_in_working_days_from_the_failure(
    practitioner, analyst
):
    person, _ = _case(practitioner)
    _failure(person, date(2026, 9, 1), action="EA02")
    pending = _failure(person, date(2026, 8, 28), action="EA03")
    FailureDecision.objects.create(
        person=person,
        contact=pending,
        previous_action="EA12",
        action="EA03",
        decided_on=date(2026, 9, 1),
    )
    measures = _only_team(analyst)
    assert measures[br.WARNINGS] == 2
    # Friday 28 August to Tuesday 1 September 2026: Monday 31 August is a bank holiday.
    assert measures[br.WARNING_DAYS] == Decimal("0.5")


@pytest.mark.django_db
def test_a_warning_decided_after_the_as_at_day_is_not_counted(practitioner, analyst):
    person, _ = _case(practitioner)
    pending = _failure(person, date(2026, 11, 26), action="EA02")
    FailureDecision.objects.create(
        person=person,
        contact=pending,
        previous_action="EA12",
        action="EA02",
        decided_on=date(2026, 12, 1),
    )
    assert _only_team(analyst)[br.WARNINGS] == 0
    assert _only_team(analyst)[br.FAILURES] == 1


@pytest.mark.django_db
def test_breach_packs_are_timed_from_the_further_failure_and_outcomes_give_the_proven_rate(
    practitioner, analyst
):
    person, sentence = _case(practitioner)
    for started_on, sent_on, outcome, outcome_on in (
        (date(2026, 9, 1), date(2026, 9, 3), "ABCF", date(2026, 10, 1)),
        (date(2026, 9, 7), date(2026, 9, 17), "ABNP", date(2026, 10, 5)),
        (date(2026, 9, 14), date(2026, 9, 21), "ABWD", date(2026, 10, 9)),
        (date(2026, 10, 12), date(2026, 12, 1), "", None),
    ):
        Breach.objects.create(
            person=person,
            sentence=sentence,
            started_by=_failure(person, started_on, action="IBR"),
            started_on=started_on,
            pack_sent_on=sent_on,
            outcome=outcome,
            outcome_on=outcome_on,
        )
    measures = _only_team(analyst)
    assert measures[br.PACKS] == 3
    assert measures[br.PACK_DAYS] == Decimal("5.0")
    assert measures[br.BREACHES_ENDED] == 3
    assert measures[br.breach_ended_measure("ABCF")] == 1
    assert measures["Breaches ended: not proven"] == 1
    assert measures["Breaches ended: withdrawn"] == 1
    assert measures[br.PROVEN_RATE] == Decimal("50.0")


@pytest.mark.django_db
def test_recalls_by_type_with_the_emergency_share_and_the_hours_to_part_a(
    practitioner, manager, analyst
):
    person, sentence = _case(practitioner, "LIC")
    decided = _at(date(2026, 10, 1), 9)
    for recommended, emergency, part_a in (
        ("FIXED_TERM", False, decided + timedelta(hours=20)),
        ("FIXED_TERM", True, decided + timedelta(hours=30)),
        ("STANDARD", False, None),
        ("STANDARD", True, _at(AS_AT + timedelta(days=1))),
    ):
        RecallConsideration.objects.create(
            person=person,
            sentence=sentence,
            considered_on=date(2026, 9, 30),
            why="RISK_INCREASED",
            recommended_type=recommended,
            emergency=emergency,
            decision="RECALL",
            decided_at=decided,
            decided_by=manager.user,
            part_a_sent_at=part_a,
        )
    RecallConsideration.objects.create(
        person=person,
        sentence=sentence,
        considered_on=date(2026, 9, 30),
        why="RISK_INCREASED",
        recommended_type="STANDARD",
        decision="NO_RECALL",
        decided_at=decided,
    )
    measures = _only_team(analyst)
    assert measures[br.RECALLS] == 4
    assert (measures[br.STANDARD_RECALLS], measures[br.FIXED_TERM_RECALLS]) == (2, 2)
    assert measures[br.FIXED_TERM_SHARE] == Decimal("50.0")
    assert measures[br.EMERGENCY_SHARE] == Decimal("50.0")
    assert measures[br.PART_A_SENT] == 2
    assert measures[br.PART_A_HOURS] == Decimal("25.0")


@pytest.mark.django_db
def test_a_limited_access_case_is_counted_under_its_team(practitioner, manager, analyst):
    person, _ = _case(practitioner)
    _failure(person, date(2026, 9, 1), action="EA02")
    LimitedAccess.objects.create(
        person=person,
        kind=LimitedAccessKind.RESTRICTION,
        user=manager.user,
        start_date=date(2026, 1, 1),
    )
    assert _measures(analyst) == {
        practitioner.team.name: _only_team(analyst),
    }
    assert _only_team(analyst)[br.WARNINGS] == 1


@pytest.mark.django_db
def test_the_summary_takes_every_team_together(practitioner, analyst):
    person, _ = _case(practitioner)
    _failure(person, date(2026, 9, 1), action="EA02")
    scope = scope_for(analyst.user, ReturnFilters(AS_AT, PERIOD_FROM), today=date(2026, 12, 1))
    summary = dict(br.RETURN.summary(scope).rows)
    assert summary[br.WARNINGS] == 1
    assert summary[br.WARNING_DAYS] == Decimal("0.0")


def _queries_for_rows(user) -> int:
    scope = scope_for(user.user, ReturnFilters(AS_AT, PERIOD_FROM), today=date(2026, 12, 1))
    with CaptureQueriesContext(connection) as queries:
        list(br.RETURN.rows(scope))
    return len(queries)


@pytest.mark.django_db
def test_the_rows_take_the_same_queries_however_many_cases_and_facts(
    practitioner, manager, analyst
):
    person, _ = _case(practitioner)
    _failure(person, date(2026, 9, 1), action="EA02")
    one = _queries_for_rows(analyst)
    for staff in (practitioner, manager, manager):
        person, _ = _case(staff)
        _failure(person, date(2026, 9, 1), action="EA02")
        _failure(person, date(2026, 9, 2))
    assert _queries_for_rows(analyst) == one


@given(
    warning_days=st.lists(st.integers(0, 60), max_size=20),
    outcomes=st.lists(st.sampled_from(sorted(BREACH_OUTCOMES)), max_size=20),
    recalls=st.lists(
        st.tuples(
            st.sampled_from(["STANDARD", "FIXED_TERM", "NO_RECALL"]),
            st.booleans(),
            st.none() | st.floats(0, 500),
        ),
        max_size=20,
    ),
)
def test_every_rate_is_a_percentage_to_one_place_and_the_counts_add_up(
    warning_days, outcomes, recalls
):
    facts = br.TeamFacts(warning_days=warning_days, outcomes=Counter(outcomes), recalls=recalls)
    measures = dict(br.measures(facts))
    for name, value in measures.items():
        if "%" in name:
            assert Decimal(0) <= value <= Decimal(100)
            assert value == value.quantize(Decimal("0.1"))
    assert measures[br.BREACHES_ENDED] == sum(
        v for k, v in measures.items() if k.startswith("Breaches ended: ")
    )
    assert measures[br.RECALLS] == (
        measures[br.STANDARD_RECALLS]
        + measures[br.FIXED_TERM_RECALLS]
        + measures.get(br.UNRECOMMENDED_RECALLS, 0)
    )
    assert (br.WARNING_DAYS in measures) == bool(warning_days)
