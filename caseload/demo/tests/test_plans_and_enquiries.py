"""The demo's enquiries, plans and oversight: the same for the same CRN, every fact within the
rules the pages apply, and real gaps on the demo practitioner's caseload."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from caseload.demo.plans_and_enquiries import Gaps, case_records, demo_gaps
from caseload.demo.plans_seed import _problems
from caseload.demo.seed import seed_delivery_unit
from caseload.organisation.models import Staff
from caseload.people.models import Person
from caseload.plans.models import ManagementOversight, SentencePlan
from caseload.safeguarding.models import Enquiry

TODAY = date(2026, 12, 1)
crns = st.integers(0, 999_999).map(lambda n: f"X{n:06d}")


def test_the_same_crn_gives_the_same_records():
    one = case_records(
        "X123456", start=TODAY - timedelta(days=200), rosh=2, today=TODAY, gaps=Gaps()
    )
    two = case_records(
        "X123456", start=TODAY - timedelta(days=200), rosh=2, today=TODAY, gaps=Gaps()
    )
    assert one == two and one.enquiries and one.sentence_plans and one.risk_management_plans


@given(crn=crns, days_ago=st.integers(-30, 900), rosh=st.integers(0, 3))
def test_every_generated_fact_passes_the_rules_the_pages_apply(crn, days_ago, rosh):  # type: ignore[no-untyped-def]
    records = case_records(
        crn, start=TODAY - timedelta(days=days_ago), rosh=rosh, today=TODAY, gaps=Gaps()
    )
    assert _problems(records, TODAY) == []
    assert bool(records.risk_management_plans) <= (rosh >= 1)


def test_a_case_with_gaps_lacks_exactly_that_work():
    start = TODAY - timedelta(days=300)
    unanswered = case_records("X1", start=start, rosh=3, today=TODAY, gaps=Gaps(da_unanswered=True))
    police = [e for e in unanswered.enquiries if e["kind"] == "POLICE_DA"]
    assert police and "responded_on" not in police[0]
    bare = case_records(
        "X1",
        start=start,
        rosh=3,
        today=TODAY,
        gaps=Gaps(no_enquiries=True, no_sentence_plan=True, no_risk_management_plan=True),
    )
    assert not (bare.enquiries or bare.sentence_plans or bare.risk_management_plans)
    stale = case_records(
        "X1", start=start, rosh=0, today=TODAY, gaps=Gaps(no_recent_oversight=True)
    )
    assert all(on < TODAY - timedelta(days=90) for on, _ in stale.oversight)


def test_the_gaps_fall_on_different_cases():
    import random

    gaps = demo_gaps(random.Random("plans-1"), [f"X{n:06d}" for n in range(45)])
    assert len(gaps) == 6
    assert sum(g.da_unanswered for g in gaps.values()) == 2


@pytest.mark.django_db
def test_the_demo_practitioner_has_real_gaps_and_most_cases_have_the_work_done():
    seed_delivery_unit(people=300, seed=11, password="a demo password", demo_users=True)
    practitioner = Staff.objects.get(user__username="practitioner")
    today = timezone.localdate()
    mine = Person.objects.allocated_to(practitioner.pk, today)
    assert Enquiry.objects.filter(person__in=mine, responded_on__isnull=True).count() >= 2
    assert mine.exclude(enquiries__isnull=False).count() >= 1
    assert mine.exclude(sentence_plans__isnull=False).count() >= 1
    recent = ManagementOversight.objects.filter(recorded_on__gte=today - timedelta(days=90))
    # A caseload of 10 in a unit this small: the last two cases of the gaps go without oversight.
    assert mine.exclude(pk__in=recent.values("person_id")).count() >= 2
    everyone = Person.objects.count()
    assert SentencePlan.objects.values("person_id").distinct().count() > everyone * 0.8
    assert Enquiry.objects.filter(response="").count() < Enquiry.objects.count() / 4


def test_a_new_concern_since_the_start_has_its_own_enquiry_answered():
    start = TODAY - timedelta(days=300)
    concern = TODAY - timedelta(days=100)
    records = case_records(
        "X2",
        start=start,
        rosh=1,
        today=TODAY,
        gaps=Gaps(),
        concerns=(("POLICE_DA", concern),),
    )
    further = [e for e in records.enquiries if e["reason"] == "NEW_CONCERN"]
    assert [e["kind"] for e in further] == ["POLICE_DA"]
    assert concern <= further[0]["requested_on"] and further[0]["responded_on"]  # type: ignore[operator]


def test_the_risk_management_plan_follows_the_rosh_registration():
    start = TODAY - timedelta(days=300)
    since = TODAY - timedelta(days=60)
    records = case_records("X3", start=start, rosh=2, today=TODAY, gaps=Gaps(), rosh_since=since)
    assert all(r["completed_on"] >= since for r in records.risk_management_plans)  # type: ignore[operator]


def test_oversight_follows_each_recent_event():
    start = TODAY - timedelta(days=300)
    failure = TODAY - timedelta(days=20)
    records = case_records("X4", start=start, rosh=0, today=TODAY, gaps=Gaps(), events=(failure,))
    assert any(failure < on <= failure + timedelta(days=4) for on, _ in records.oversight)
