"""inspection-self-check: each question answered Yes, No or Not needed from the essentials."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.derived.refresh import refresh
from caseload.essentials.domain.essential import State
from caseload.essentials.models import EssentialDue
from caseload.returns.catalogue.inspection_self_check import (
    NO,
    NOT_NEEDED,
    QUESTIONS,
    RETURN,
    YES,
    share,
)
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.scope import scope_for
from caseload.testing.factories import EnquiryFactory, case_held_by

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = TODAY - timedelta(days=20)


def _rows(user, day=DAY):
    scope = scope_for(user, ReturnFilters(as_at=day), TODAY)
    names = [c.name for c in RETURN.columns]
    return [dict(zip(names, row, strict=True)) for row in RETURN.rows(scope)]


def _answer(user, question, day=DAY):
    [row] = _rows(user, day)
    return row[question]


def _summary(user, day=DAY):
    table = RETURN.summary(scope_for(user, ReturnFilters(as_at=day), TODAY))
    return {row[0]: tuple(row[1:]) for row in table.rows}


def _essential(person, kind, state, due_on, done_on=None, subject=""):
    return EssentialDue.objects.create(
        person=person,
        kind=kind,
        subject=subject,
        state=state,
        due_on=due_on,
        done_on=done_on,
        reason="as the essentials derived it",
        facts_as_at=TODAY,
    )


def test_a_case_with_no_essential_work_needs_nothing(practitioner, analyst):
    case = case_held_by(practitioner, first_name="Amy", last_name="Baker")

    [row] = _rows(analyst.user)

    assert (row["crn"], row["name"]) == (case.crn, "Baker, Amy")
    assert {row[q.key] for q in QUESTIONS} == {NOT_NEEDED}
    assert (row["practitioner"], row["team"]) == (
        practitioner.user.get_full_name(),
        practitioner.team.name,
    )


def test_a_check_due_by_the_day_and_not_done_is_no_and_one_due_later_is_not_needed(
    practitioner, analyst
):
    case = case_held_by(practitioner)
    _essential(case, "police_da_enquiry", State.DUE, DAY)

    assert _answer(analyst.user, "da_enquiry") == NO
    assert _answer(analyst.user, "da_enquiry", DAY - timedelta(days=1)) == NOT_NEEDED


def test_a_check_done_by_the_day_is_yes_and_one_done_after_it_is_no(practitioner, analyst):
    case = case_held_by(practitioner)
    _essential(case, "safeguarding_enquiry", State.DONE, DAY - timedelta(days=9), DAY)

    assert _answer(analyst.user, "safeguarding_enquiry") == YES
    assert _answer(analyst.user, "safeguarding_enquiry", DAY - timedelta(days=1)) == NO


def test_a_recurring_check_now_overdue_is_no_though_the_time_before_was_done(practitioner, analyst):
    case = case_held_by(practitioner)
    last = DAY - timedelta(days=100)
    _essential(case, "management_oversight", State.DUE, DAY - timedelta(days=5), last)

    assert _answer(analyst.user, "oversight") == NO
    assert _answer(analyst.user, "oversight", DAY - timedelta(days=6)) == YES


def test_a_home_visit_done_after_its_due_date_is_not_on_time(practitioner, analyst):
    case = case_held_by(practitioner)
    due = DAY - timedelta(days=10)
    _essential(case, "home_visit", State.DONE, due, due + timedelta(days=1))
    _essential(case, "police_da_enquiry", State.DONE, due, due + timedelta(days=1))

    assert _answer(analyst.user, "home_visit") == NO
    assert _answer(analyst.user, "da_enquiry") == YES  # late, but done


def test_what_the_essentials_found_not_required_is_not_needed(practitioner, analyst):
    case = case_held_by(practitioner)
    _essential(case, "risk_management_plan", State.NOT_REQUIRED, None)

    assert _answer(analyst.user, "risk_management_plan") == NOT_NEEDED


def test_one_registration_short_of_its_review_makes_the_answer_no(practitioner, analyst):
    case = case_held_by(practitioner)
    reviewed = DAY - timedelta(days=30)
    _essential(case, "registration_review", State.DUE, DAY + timedelta(60), reviewed, "r 1")
    assert _answer(analyst.user, "registrations_reviewed") == YES

    _essential(case, "registration_review", State.DUE, DAY - timedelta(days=2), None, "r 2")
    assert _answer(analyst.user, "registrations_reviewed") == NO


def test_the_answers_follow_the_recorded_facts_through_the_essentials(practitioner, analyst):
    case = case_held_by(practitioner)
    refresh([case.pk], cause="test")
    assert _answer(analyst.user, "da_enquiry", TODAY) == NO

    EnquiryFactory(
        person=case,
        requested_on=TODAY - timedelta(days=3),
        responded_on=TODAY - timedelta(days=1),
        response="NO_INFORMATION",
    )
    refresh([case.pk], cause="test")
    assert _answer(analyst.user, "da_enquiry", TODAY) == YES


def test_the_summary_gives_the_share_yes_of_those_needed_counting_limited_access_cases(
    practitioner, analyst, manager
):
    seen = case_held_by(practitioner)
    hidden = case_held_by(practitioner)
    third = case_held_by(practitioner)
    _essential(seen, "home_visit", State.DONE, DAY, DAY - timedelta(days=3))
    _essential(hidden, "home_visit", State.DUE, DAY - timedelta(days=3))
    _essential(third, "home_visit", State.DONE, DAY, DAY - timedelta(days=1))
    LimitedAccess.objects.create(
        person=hidden,
        kind=LimitedAccessKind.RESTRICTION,
        user=manager.user,
        start_date=DAY - timedelta(days=30),
    )

    assert {r["crn"] for r in _rows(analyst.user)} == {seen.crn, third.crn}
    summary = _summary(analyst.user)
    assert summary["Home visit on time"] == (3, 2, Decimal("66.7"))
    assert summary["Management oversight recorded"] == (0, 0, None)


@given(yes=st.integers(0, 10_000), more=st.integers(0, 10_000))
def test_the_share_is_a_percentage_to_one_place(yes, more):
    needed = yes + more
    result = share(yes, needed)
    if needed == 0:
        assert result is None
    else:
        assert Decimal(0) <= result <= Decimal(100)
        assert result.as_tuple().exponent == -1
        assert abs(result - Decimal(100 * yes) / needed) <= Decimal("0.05")
