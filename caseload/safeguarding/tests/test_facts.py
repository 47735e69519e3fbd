from datetime import date

import pytest

from caseload.safeguarding.domain import EnquiryFact
from caseload.safeguarding.facts import enquiry_facts
from caseload.testing.factories import EnquiryFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_each_persons_enquiries_are_read_oldest_first():
    person = PersonFactory()
    EnquiryFactory(
        person=person,
        kind="CHILDRENS_SERVICES",
        requested_on=date(2026, 9, 2),
        responded_on=date(2026, 9, 9),
        response="CONCERNS",
    )
    EnquiryFactory(person=person, requested_on=date(2026, 9, 1))

    assert enquiry_facts([person.pk]) == {
        person.pk: (
            EnquiryFact("POLICE_DA", date(2026, 9, 1), None, ""),
            EnquiryFact("CHILDRENS_SERVICES", date(2026, 9, 2), date(2026, 9, 9), "CONCERNS"),
        )
    }


def test_a_person_without_enquiries_has_no_entry():
    person = PersonFactory()
    assert enquiry_facts([person.pk]) == {}


def test_any_batch_is_read_in_one_query(django_assert_num_queries):
    people = PersonFactory.create_batch(5)
    for person in people:
        EnquiryFactory.create_batch(2, person=person)
    with django_assert_num_queries(1):
        found = enquiry_facts([p.pk for p in people])
    assert {len(facts) for facts in found.values()} == {2}
