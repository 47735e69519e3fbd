"""Reading essentials for the surfaces: overdue decided on the day, priority order across
cases, links to what clears each, and a fixed number of queries for any number of cases."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.essentials.domain.essential import State
from caseload.essentials.models import EssentialDue
from caseload.essentials.reading import essentials_for_case, essentials_for_cases
from caseload.essentials.tests.helpers import with_essentials
from caseload.people.models import Person
from caseload.risk.actions import register_flag
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db


def test_a_due_essential_is_overdue_only_once_its_due_date_has_passed(case, practitioner):
    with_essentials(case, practitioner.user)
    row = EssentialDue.objects.filter(person=case, state="due").first()
    on_the_day = {v.kind: v.state for v in essentials_for_case(case, today=row.due_on)}
    the_day_after = essentials_for_case(case, today=row.due_on + timedelta(days=1))
    assert on_the_day[row.kind] is State.DUE
    assert {v.kind: v.state for v in the_day_after}[row.kind] is State.OVERDUE


def test_each_essential_says_where_its_rule_comes_from_and_links_to_what_clears_it(
    case, practitioner, manager
):
    today = timezone.localdate()
    registration = register_flag(
        case.crn, acting_user=manager.user, register="ADVP", registered_on=today
    )
    with_essentials(case, practitioner.user)
    views = {(v.kind, v.subject): v for v in essentials_for_case(case, today=today)}
    review = views[("registration_review", f"registration {registration.pk}")]
    assert review.clears_with_url == (f"/cases/{case.crn}/registrations/{registration.pk}/review/")
    assert review.title == "Registration review" and review.certainty == "S"
    plan = views[("initial_sentence_plan", "")]
    assert plan.clears_with_url == f"/cases/{case.crn}/sentence/plans/new/"
    rosh = views[("rosh_assessment", "")]
    assert rosh.certainty == "U" and "OASys review cycle was not found" in rosh.uncertain_note


def test_across_cases_overdue_comes_first_then_the_highest_rosh(practitioner, manager):
    today = timezone.localdate()
    low, high = case_held_by(practitioner), case_held_by(practitioner)
    for person, register in ((low, "RLRH"), (high, "RVHR")):
        register_flag(
            person.crn,
            acting_user=manager.user,
            register=register,
            registered_on=today - timedelta(days=100),
        )
        with_essentials(person, practitioner.user)
    views = essentials_for_cases(Person.objects.all(), today=today)
    states = [v.state for v in views]
    assert states == sorted(states, key=lambda s: s is not State.OVERDUE)
    overdue = [v for v in views if v.state is State.OVERDUE]
    assert overdue[0].crn == high.crn and overdue[-1].crn == low.crn
    assert {v.rosh for v in views} == {"LOW", "VERY_HIGH"}


def test_reading_many_cases_costs_the_same_queries_as_reading_one(practitioner):
    today = timezone.localdate()
    people = [case_held_by(practitioner) for _ in range(6)]
    for person in people:
        with_essentials(person, practitioner.user)

    def queries(ids):
        with CaptureQueriesContext(connection) as captured:
            essentials_for_cases(Person.objects.filter(pk__in=ids), today=today)
        return len(captured)

    assert queries([people[0].pk]) == queries([p.pk for p in people]) == 4
