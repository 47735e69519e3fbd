"""The demo's routine upkeep: registration reviews, RoSH summaries, home visits and finished
sentences, so that the demo practitioner sees a believable amount of overdue work."""

from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from caseload.demo.management.commands.demo import DEMO_PEOPLE, DEMO_SEED
from caseload.demo.seed import seed_delivery_unit
from caseload.demo.upkeep import LONDON, Lapses, case_upkeep
from caseload.derived.refresh import refresh
from caseload.essentials.domain.essential import State
from caseload.essentials.reading import essentials_for_cases
from caseload.organisation.models import Staff
from caseload.people.models import Person
from caseload.risk.constants import ROSH_CODES
from caseload.risk.domain import (
    ROSH_AUDIENCES,
    ROSH_LEVEL_OF_REGISTER,
    RoshSummaryInput,
    highest_rosh,
    validate_review,
    validate_rosh_summary,
)
from caseload.workload.practitioners import workloads

TODAY = date(2026, 12, 1)
NOW = datetime.combine(TODAY, time(12), tzinfo=LONDON)
crns = st.integers(0, 999_999).map(lambda n: f"X{n:06d}")


def _sentence(started_days_ago: int, months: int = 24) -> dict[str, object]:
    return {
        "sentence_type": "CO",
        "sentence_date": TODAY - timedelta(days=started_days_ago),
        "release_date": None,
        "licence_expiry_date": None,
        "length": months,
        "length_unit": "MONTHS",
    }


def _registration(code: str, days_ago: int) -> dict[str, object]:
    return {
        "register": code,
        "registered_on": TODAY - timedelta(days=days_ago),
        "category": "",
        "level": "",
    }


@given(
    crn=crns,
    started=st.integers(7, 540),
    rosh=st.sampled_from(ROSH_CODES),
    registered=st.integers(1, 400),
    months=st.sampled_from((12, 18, 24)),
)
def test_every_planned_fact_passes_the_rules_and_leaves_the_rosh_registration_as_it_is(  # type: ignore[no-untyped-def]
    crn, started, rosh, registered, months
):
    registrations = [_registration(rosh, registered), _registration("ADVP", registered // 2)]
    upkeep = case_upkeep(
        1,
        crn,
        sentence=_sentence(started, months),
        registrations=registrations,
        contacts=[],
        now=NOW,
        lapses=Lapses(),
    )
    for _, day, _ in upkeep.reviews:
        assert validate_review(day, today=TODAY) == []
    for s in upkeep.rosh_summaries:
        levels = {a: str(s[a]) for a in ROSH_AUDIENCES}
        summary = RoshSummaryInput(s["assessed_on"], str(s["source"]), levels)  # type: ignore[arg-type]
        assert validate_rosh_summary(summary, today=TODAY) == []
        # The same highest level as the registration: recording it changes no registration.
        assert highest_rosh(levels.values()) == ROSH_LEVEL_OF_REGISTER[rosh]
    if upkeep.rosh_summaries:
        assert upkeep.rosh_summaries[0]["assessed_on"] == registrations[0]["registered_on"]
    assert all(v["happened_at"] < NOW for v in upkeep.home_visits)


def test_a_case_kept_up_to_date_has_its_reviews_and_a_current_rosh_assessment():
    upkeep = case_upkeep(
        1,
        "X000001",
        sentence=_sentence(500),
        registrations=[_registration("RMRH", 390), _registration("ADVP", 200)],
        contacts=[],
        now=NOW,
        lapses=Lapses(),
    )
    advp = [day for register, day, _ in upkeep.reviews if register == "ADVP"]
    assert len(advp) == 2 and TODAY - advp[-1] < timedelta(days=92)
    assert TODAY - max(s["assessed_on"] for s in upkeep.rosh_summaries) < timedelta(days=365)  # type: ignore[operator]
    assert len(upkeep.home_visits) == 1 and upkeep.termination is None


def test_a_lapse_leaves_exactly_that_work_undone():
    kept = {
        "sentence": _sentence(500),
        "registrations": [_registration("RMRH", 390), _registration("ADVP", 200)],
        "contacts": [],
        "now": NOW,
    }
    done = case_upkeep(1, "X000002", **kept, lapses=Lapses())  # type: ignore[arg-type]
    missed = case_upkeep(
        1,
        "X000002",
        **kept,  # type: ignore[arg-type]
        lapses=Lapses(review_missed=True, rosh_out_of_date=True, no_home_visit=True),
    )
    assert len(missed.reviews) == len(done.reviews) - 1
    assert len(missed.rosh_summaries) == len(done.rosh_summaries) - 1
    assert not missed.home_visits


def test_a_sentence_past_its_end_is_completed_unless_left_open():
    finished = {
        "sentence": _sentence(450, months=12),
        "registrations": [],
        "contacts": [],
        "now": NOW,
    }
    ended = case_upkeep(1, "X000003", **finished, lapses=Lapses())  # type: ignore[arg-type]
    assert ended.termination == (TODAY - timedelta(days=450 - 365), "Completed")
    left = case_upkeep(1, "X000003", **finished, lapses=Lapses(sentence_left_open=True))  # type: ignore[arg-type]
    assert left.termination is None


@pytest.mark.django_db
def test_the_demo_practitioner_sees_believable_overdue_work_and_a_week_that_does_not_fit():
    """The demo as `caseload demo` seeds it: a handful of overdue essentials over several
    kinds, not one for every registration; and on her real contracted hours this week's work
    does not all fit, so the list for her manager is produced (issue 12's done-when)."""
    seed_delivery_unit(people=DEMO_PEOPLE, seed=DEMO_SEED, demo_users=True)
    practitioner = Staff.objects.get(user__username="practitioner")
    today = timezone.localdate()
    mine = Person.objects.allocated_to(practitioner.pk, today)
    refresh(list(mine.values_list("pk", flat=True)), cause="test", as_at=today)
    overdue = essentials_for_cases(mine, today=today, states=[State.OVERDUE])
    by_kind = Counter(e.kind for e in overdue)
    assert 8 <= len(overdue) <= 25, by_kind
    assert max(by_kind.values()) <= 6, by_kind
    assert len(by_kind) >= 5, by_kind

    (workload,) = workloads([practitioner], practitioner.user, today)
    week = workload.this_week
    assert practitioner.contracted_hours == 37
    assert week.above, "most of her week fits"
    assert week.below, "and some of it does not"
    assert week.does_not_fit_minutes == sum(line.task.minutes for line in week.below)
