from datetime import date

import pytest

from caseload.plans.domain import OversightFact, PlanFacts, SentencePlanFact
from caseload.plans.facts import plan_facts
from caseload.testing.factories import (
    ManagementOversightFactory,
    PersonFactory,
    RiskManagementPlanFactory,
    SentencePlanFactory,
)

pytestmark = pytest.mark.django_db


def test_each_persons_plans_and_oversight_are_read_oldest_first(manager):
    person = PersonFactory()
    SentencePlanFactory(person=person, completed_on=date(2026, 10, 1), contact_every_days=7)
    SentencePlanFactory(person=person, completed_on=date(2026, 6, 1), contact_every_days=14)
    RiskManagementPlanFactory(person=person, completed_on=date(2026, 6, 3))
    manager.user.first_name, manager.user.last_name = "Sam", "Patel"
    manager.user.save()
    ManagementOversightFactory(person=person, recorded_on=date(2026, 11, 2), staff=manager)

    assert plan_facts([person.pk]) == {
        person.pk: PlanFacts(
            sentence_plans=(
                SentencePlanFact(date(2026, 6, 1), 14),
                SentencePlanFact(date(2026, 10, 1), 7),
            ),
            risk_management_plans=(date(2026, 6, 3),),
            oversight=(OversightFact(date(2026, 11, 2), "Sam Patel"),),
        )
    }


def test_a_manager_without_a_full_name_is_named_by_username(manager):
    manager.user.first_name = manager.user.last_name = ""
    manager.user.save()
    oversight = ManagementOversightFactory(staff=manager)
    found = plan_facts([oversight.person_id])
    assert found[oversight.person_id].oversight[0].by_name == "mona"


def test_a_person_without_plans_has_no_entry():
    person = PersonFactory()
    assert plan_facts([person.pk]) == {}


def test_any_batch_is_read_in_three_queries(django_assert_num_queries):
    people = PersonFactory.create_batch(4)
    for person in people:
        SentencePlanFactory(person=person)
        RiskManagementPlanFactory(person=person)
        ManagementOversightFactory(person=person)
    with django_assert_num_queries(3):
        found = plan_facts([p.pk for p in people])
    assert len(found) == 4
