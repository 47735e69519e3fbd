"""`caseload recompute` killed with SIGKILL midway keeps whole batches only, and the next run
carries on from the last one kept to the same result as a clean full recompute. Runs in other
processes on a database of its own (a file on SQLite; a new database on PostgreSQL)."""

import os
import signal
import time
from collections import defaultdict

import pytest

from caseload.risk.predictors import PREDICTOR_NAMES
from caseload.testing.scratch import scratch_database

PEOPLE = 300
BATCH = 5
RUN = "SELECT done, batches, last_key, finished_at FROM core_batchrun WHERE job = 'recompute'"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """Facts for PEOPLE people, no derived value computed yet."""
    with scratch_database(tmp_path_factory.mktemp("recompute")) as db:
        db.caseload("migrate", "-v0")
        db.caseload("seed", "--people", str(PEOPLE), "--seed", "11", "--no-recompute", "-v0")
        yield db


def _derived(db):
    """Every derived row, without the ids and times that differ between equal runs."""
    return (
        sorted(
            db.rows(
                "SELECT person_id, predictor, score, one_year, two_year, points, band, "
                "score_type, missing, errors, facts_as_at FROM risk_predictorscore"
            ),
            key=repr,
        ),
        sorted(
            db.rows(
                "SELECT person_id, v2_tier, v2_protect, v2_change, v3_tier, v3_provisional, "
                "reasons FROM tiering_casetier"
            ),
            key=repr,
        ),
        sorted(
            db.rows(
                "SELECT person_id, framework, previous_tier, new_tier, cause, reasons "
                "FROM tiering_tierchange"
            ),
            key=repr,
        ),
    )


def _kill_after_the_first_batch(db):
    started = db.start("recompute", "--workers", "1", "--batch-size", str(BATCH), "-v0")
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            runs = db.rows(RUN)
            if runs and runs[0][1] >= 1:
                break
            assert started.poll() is None, started.stderr.read() if started.stderr else ""
            time.sleep(0.005)
        else:
            pytest.fail("no batch was kept within two minutes")
    finally:
        os.kill(started.pid, signal.SIGKILL)
        started.wait(timeout=30)
    assert started.returncode == -signal.SIGKILL


def test_a_killed_recompute_keeps_whole_batches_and_the_next_run_carries_on(seeded):
    db = seeded
    people = [pid for (pid,) in db.rows("SELECT id FROM people_person ORDER BY id")]
    batches = [people[i : i + BATCH] for i in range(0, len(people), BATCH)]

    _kill_after_the_first_batch(db)

    ((done, kept, last_key, finished_at),) = db.rows(RUN)
    assert finished_at is None, "the run finished before it was killed: seed more people"
    assert (done, last_key) == (kept * BATCH, people[done - 1])
    tiered = defaultdict(set)
    for person, calculated_at in db.rows("SELECT person_id, calculated_at FROM tiering_casetier"):
        tiered[calculated_at].add(person)
    # Each batch stamps its own time: every stamp covers exactly one whole batch, in order.
    assert sorted(sorted(group) for group in tiered.values()) == batches[:kept]
    scored = dict(db.rows("SELECT person_id, COUNT(*) FROM risk_predictorscore GROUP BY person_id"))
    assert scored == {person: len(PREDICTOR_NAMES) for person in people[:done]}
    changed = {p for (p,) in db.rows("SELECT DISTINCT person_id FROM tiering_tierchange")}
    assert changed == set(people[:done])

    carried_on = db.caseload("recompute", "--workers", "1", "--batch-size", "7", "-v1")
    assert f"{done} people had been done before it stopped" in carried_on.stdout
    assert f"Recomputed {PEOPLE - done} people" in carried_on.stdout
    assert db.rows(f"{RUN} AND finished_at IS NULL") == []
    resumed = _derived(db)

    for table in ("risk_predictorscore", "tiering_tierchange", "tiering_casetier"):
        db.execute(f"DELETE FROM {table}")
    # One worker per CPU on PostgreSQL: from nothing, they agree with the resumed single run.
    clean = db.caseload("recompute", "-v1")
    assert f"Recomputed {PEOPLE} people" in clean.stdout
    assert "Carried on" not in clean.stdout
    assert _derived(db) == resumed
