"""`caseload recompute --workers N` on PostgreSQL: processes over ranges of person id, each
with its own connection and its own resumable run, agree with one process."""

import pytest
from django.db import connection

from caseload.core.models import BatchRun
from caseload.derived.recompute import parts, recompute_all
from caseload.derived.tests.test_refresh import history, snapshot
from caseload.essentials.models import EssentialDue
from caseload.people.models import Person
from caseload.risk.models import PredictorScore, PredictorScoreChange
from caseload.testing.factories import case_held_by
from caseload.tiering.models import CaseTier, TierChange

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="workers need PostgreSQL"),
]

PEOPLE = 13


def _forget_everything_derived() -> None:
    for model in (PredictorScore, PredictorScoreChange, CaseTier, TierChange, EssentialDue):
        model.objects.all().delete()


def test_the_parts_cover_everyone_once_in_ranges_of_person_id(practitioner):
    for _ in range(PEOPLE):
        case_held_by(practitioner)
    everyone = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    found = [pid for part in parts(3) for pid in part.people_after(None)]
    assert found == everyone
    assert [len(part.people_after(None)) for part in parts(3)] == [4, 4, 5]


def test_two_workers_derive_what_one_process_does(practitioner):
    for _ in range(PEOPLE):
        case_held_by(practitioner)
    alone = recompute_all(workers=1, batch_size=4)
    by_one, history_by_one = snapshot(), history()
    _forget_everything_derived()
    shared = recompute_all(workers=2, batch_size=4)
    assert shared.counts.people == alone.counts.people == PEOPLE
    assert shared.counts.changed == alone.counts.changed
    assert snapshot() == by_one
    assert history() == history_by_one
    finished = BatchRun.objects.filter(job__in=["recompute 1/2", "recompute 2/2"])
    assert sorted(finished.values_list("outcome", "done")) == [("completed", 6), ("completed", 7)]
