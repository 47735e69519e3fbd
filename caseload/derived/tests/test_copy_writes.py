"""Large cache writes on PostgreSQL: COPY into a staging table and one upsert keep each stored
row's id, update it whole, create the new ones and append the history, as Django's bulk writes
do for a few rows."""

import pytest
from django.db import connection
from django.utils import timezone

from caseload.derived.copy_writes import COPY_FROM, use_copy
from caseload.derived.writes import CacheWrites, stored_rows
from caseload.testing.factories import PersonFactory
from caseload.tiering.models import CaseTier, TierChange

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's"),
]

FIELDS = ("v2_tier", "v3_tier", "reasons")


def _plan(people: list[int], tier: str) -> CacheWrites[CaseTier]:
    writes = CacheWrites(CaseTier, FIELDS, stamped={"calculated_at": timezone.now()})
    stored = {row.person_id: row for row in stored_rows(CaseTier, FIELDS, people)}
    for pid in people:
        values = {"v2_tier": tier, "v3_tier": "F", "reasons": {"v2": [{"fact": tier}]}}
        if writes.put(pid, stored.get(pid), values):
            writes.append.append(
                TierChange(person_id=pid, changed_at=timezone.now(), framework="v2", new_tier=tier)
            )
    return writes


def test_a_large_plan_is_written_by_copy_and_updates_rows_in_place():
    people = [PersonFactory().pk for _ in range(COPY_FROM + 5)]
    assert use_copy(len(people))
    first = _plan(people[:-5], "D2")
    first.apply()
    ids = dict(CaseTier.objects.values_list("person_id", "pk"))
    second = _plan(people, "C1")
    assert (len(second.update), len(second.create)) == (COPY_FROM, 5)
    second.apply()
    rows = {t.person_id: t for t in CaseTier.objects.all()}
    assert {pid: rows[pid].pk for pid in ids} == ids
    assert {(t.v2_tier, t.v3_tier) for t in rows.values()} == {("C1", "F")}
    assert rows[people[-1]].reasons == {"v2": [{"fact": "C1"}]}
    assert TierChange.objects.count() == 2 * COPY_FROM + 5
    assert _plan(people, "C1").changed == 0
