"""`caseload bench` with no subject runs end to end on a small SQLite database: it builds the
people, measures everything (a short load test) and writes every measure as JSON. Behaviour,
not timings: the figures of 50 people on a shared machine say nothing about the targets.

About a minute on an idle machine (five under a heavy load), most of it migrating, seeding and
the load tests; it uses no test database, so `make test` runs it once, in the lane that runs the
tests without one.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from caseload.benchmarking.domain import ACTIONS, TARGETED_ACTIONS, expected_measures
from caseload.returns.registry import all_returns

REQUIRED = ("measure", "value", "unit", "target", "met", "people", "database")


def _bench(tmp_path: Path) -> list[dict[str, object]]:
    # On SQLite, whatever database the test run has (the PostgreSQL lane's, and its replica).
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PG", "DATABASE_")) and k != "DB"
    }
    done = subprocess.run(
        [sys.executable, "-m", "caseload", "bench", "--people", "50", "--users", "3"]
        + ["--run-time", "5s", "--out", str(tmp_path / "results"), "--data", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Wrote " in done.stdout
    return json.loads((tmp_path / "results" / "sqlite-50.json").read_text(encoding="utf-8"))


def test_the_whole_bench_writes_every_measure_with_the_exact_keys(tmp_path):
    results = _bench(tmp_path)

    names = [str(row["measure"]) for row in results]
    assert names == expected_measures(r.name for r in all_returns())
    for row in results:
        assert set(REQUIRED) <= set(row), row
        assert (row["people"], row["database"]) == (50, "sqlite")
        assert row["met"] in (True, False, None)
        assert isinstance(row["run"], dict) and row["run"]["cpus"] >= 1
    by_name = {str(row["measure"]): row for row in results}

    imported = by_name["import rate"]
    assert imported["value"] > 0 and imported["note"].endswith(" s")
    recompute = by_name["national recompute"]
    assert recompute["value"] > 0 and recompute["target"] < 60
    assert recompute["met"] == (recompute["value"] <= recompute["target"])
    ratios = [row for row in results if str(row["measure"]).startswith("return ")]
    assert len(ratios) == 2 * len(all_returns())
    assert all(row["value"] > 0 and row["target"] == 1.5 for row in ratios)
    assert 0 < by_name["national export peak memory"]["value"] < 2000

    # A few seconds on a loaded machine may end just after everyone has signed in: the mix
    # may have answered nothing yet, but every figure is there, and nothing failed.
    for run in ("50 users pausing 1 s", "no pause (saturation)"):
        assert by_name[f"load, {run}: throughput"]["value"] >= 0
        assert by_name[f"load, {run}: errors"]["value"] == 0
        cpu = by_name[f"load, {run}: CPU per request"]["value"]
        assert cpu is None or cpu > 0
        assert by_name[f"load, {run}: worker peak memory"]["value"] > 0
        assert by_name[f"load, {run}: sign in p95"]["value"] > 0
    assert all(
        by_name[f"load, 50 users pausing 1 s: {action} p95"]["target"] == 150
        for action in TARGETED_ACTIONS
    )
    assert set(TARGETED_ACTIONS) <= set(ACTIONS)
    assert not (tmp_path / "accounts-sqlite-50.json").exists()
