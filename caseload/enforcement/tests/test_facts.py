"""enforcement_facts: a batch's breaches, recalls and later decisions in three queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from caseload.enforcement.facts import enforcement_facts
from caseload.testing.enforcement import enforcement_records
from caseload.testing.factories import case_held_by


def test_it_reads_any_batch_in_three_queries(practitioner):
    people = [case_held_by(practitioner) for _ in range(3)]
    for person in people:
        enforcement_records(person)
    with CaptureQueriesContext(connection) as one:
        enforcement_facts([people[0].pk])
    with CaptureQueriesContext(connection) as three:
        found = enforcement_facts([p.pk for p in people])
    assert len(one) == len(three) == 3
    assert {len(f.breaches) for f in found.values()} == {1}
    assert {f.recalls[0].why for f in found.values()} == {"RISK_INCREASED"}


def test_a_person_with_no_enforcement_has_no_key(practitioner, case):
    assert enforcement_facts([case.pk]) == {}
