"""The refresh pipeline: steps found in each part, run in order, in a fixed number of queries,
and staff-keyed steps marked by the person-level changes they follow."""

import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.derived import registry
from caseload.derived.refresh import refresh
from caseload.derived.registry import StaffBatch
from caseload.organisation.actions import allocate_case
from caseload.risk.actions import register_flag
from caseload.testing.factories import StaffFactory, case_held_by


def test_each_part_s_steps_are_found_and_run_after_what_they_read():
    assert registry.keys(registry.person_steps()) == ["predictors", "tiers", "essentials"]


def test_a_step_that_runs_after_an_unknown_step_is_refused():
    @dataclass
    class Orphan:
        key = "orphan"
        label = "orphans"
        after = ("nothing-by-that-name",)

    registry.register(Orphan)
    try:
        with pytest.raises(ValueError, match="unknown step 'nothing-by-that-name'"):
            registry.person_steps()
    finally:
        registry.unregister("orphan")


def _written_table(sql: str) -> str:
    """The cache or history table a write is for (a PostgreSQL staging table stands for its
    cache: a large plan goes by COPY into it, then one upsert)."""
    found = re.search(r'"(\w+)"', sql)
    return found.group(1).removeprefix("stage_") if found else sql


def _queries_to_refresh(people: list[int]) -> tuple[int, set[str]]:
    """How many reads, and which tables are written (a bulk write may be split into chunks by
    SQLite's limit on parameters per statement, or go by COPY on PostgreSQL, so writes are
    compared as a set of tables)."""
    with CaptureQueriesContext(connection) as queries:
        refresh(people, cause="test")
    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    writes = {_written_table(q["sql"]) for q in queries if not q["sql"].startswith("SELECT")}
    return len(reads), writes


def test_a_batch_costs_the_same_number_of_queries_whatever_its_size(practitioner):
    few = [case_held_by(practitioner).pk for _ in range(2)]
    many = [case_held_by(practitioner).pk for _ in range(40)]
    first_few, first_many = _queries_to_refresh(few), _queries_to_refresh(many)
    assert first_few == first_many
    # Each fact table and each cache read once for the whole batch (the facts: people with
    # their criminal history, sentences, requirements, registrations, reviews, circumstances,
    # assessments, contacts; essentials: its cache, sentences, diary, RoSH summaries,
    # addresses, allocations, enquiries, three of plans and three of enforcement).
    assert first_few[0] == 23
    # Again once the caches exist: the same reads, and nothing to write.
    assert _queries_to_refresh(few) == _queries_to_refresh(many) == (23, set())


@dataclass
class _Recorded:
    changed: int = 0
    changed_people: set[int] = field(default_factory=set)

    def apply(self) -> None:
        pass


class _LoadByPractitioner:
    """A staff-keyed step standing in for the workload step, recording whom it was run for."""

    key = "test-load"
    label = "practitioners' loads"
    after = ()
    follows = ("tiers",)
    seen: list[list[int]] = []

    def load(self, batch: StaffBatch) -> None:
        return None

    def plan(self, batch: StaffBatch, loaded: None) -> _Recorded:
        self.seen.append(batch.staff_ids)
        return _Recorded(changed=len(batch.staff_ids))


@pytest.fixture
def load_step():
    _LoadByPractitioner.seen = []
    registry.register(_LoadByPractitioner)
    yield _LoadByPractitioner
    registry.unregister(_LoadByPractitioner.key)


def test_a_tier_change_marks_the_practitioner_holding_the_case(practitioner, case, load_step):
    refresh([case.pk], cause="first")
    load_step.seen.clear()
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="MAPP",
        category="M2",
        level="M2",
        registered_on=timezone.localdate(),
    )
    assert load_step.seen == [[practitioner.pk]]


def test_nothing_that_changes_no_tier_marks_anyone(practitioner, case, load_step):
    refresh([case.pk], cause="first")
    load_step.seen.clear()
    refresh([case.pk], cause="again, nothing changed")
    assert load_step.seen == []


def test_reallocating_marks_the_practitioner_losing_the_case_as_well(
    practitioner, manager, case, load_step
):
    colleague = StaffFactory(team=practitioner.team)
    allocate_case(
        case.crn,
        acting_user=manager.user,
        staff_id=colleague.pk,
        start_date=timezone.localdate() + timedelta(days=1),
        replacing=case.allocations.latest_open().get().seen,
    )
    assert sorted(load_step.seen[-1]) == sorted([practitioner.pk, colleague.pk])
