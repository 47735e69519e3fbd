"""`caseload bench` with no subject: every measure of issue 13 against its target.

The command runs twice. Called by the user, it chooses the database and runs itself again with
that database in its environment: SQLite at `<data>/sqlite-<people>.sqlite3`, or PostgreSQL in
a throwaway cluster on loopback started by `scripts/with-test-postgres` (port `PGTEST_PORT`,
default 5433; deleted afterwards, so `--reuse` is for SQLite). It never touches the database
the rest of caseload is configured with. Inside, it builds the people (`database.py`), then
measures in turn: the import rate, the recompute, each return beside its hand-written SQL for
one delivery unit and for the nation, a national export's peak memory, and the load test twice
(pausing a second, then none), and writes the results (`domain.Measure`) to
`<out>/<database>-<people>.json`.
"""

from __future__ import annotations

import io
import json
import os
import platform
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError

from caseload.benchmarking import database
from caseload.benchmarking.accounts import prepare_accounts
from caseload.benchmarking.domain import (
    LOAD_RUNS,
    PEAK_MEMORY_TARGET_MB,
    RETURN_RATIO_TARGET,
    Direction,
    Measure,
    load_measures,
    met,
    recompute_target_rate,
    recompute_target_seconds,
    return_measure_name,
)
from caseload.benchmarking.loadtest import run_locust, serving
from caseload.core.bench import Writer
from caseload.people.models import Person
from caseload.returns.benchmarks import export_peak, largest_return, return_timings

#: Set in the environment of the second run: the database it was started with.
INSIDE = "CASELOAD_BENCH_DATABASE"


def run_suite(options: Mapping[str, Any], write: Writer) -> None:
    if os.environ.get(INSIDE) == options["database"]:
        measure_everything(options, write)
        return
    _again_in_its_database(options)


def _again_in_its_database(options: Mapping[str, Any]) -> None:
    data = Path(options["data"]).resolve()
    data.mkdir(parents=True, exist_ok=True)
    argv = [
        sys.executable,
        "-m",
        "caseload",
        "bench",
        f"--people={options['people']}",
        f"--database={options['database']}",
        f"--out={Path(options['out']).resolve()}",
        f"--data={data}",
        f"--users={options['users']}",
        f"--run-time={options['run_time']}",
        *(["--reuse"] if options["reuse"] else []),
    ]
    # Its own database only: none of the one caseload is configured with (nor its replica).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "DATABASE_"))}
    env[INSIDE] = options["database"]
    if options["database"] == "sqlite":
        env.update(DB="sqlite", SQLITE_PATH=str(data / f"sqlite-{options['people']}.sqlite3"))
    else:
        if options["reuse"]:
            raise CommandError(
                "--reuse is for SQLite: the PostgreSQL cluster is thrown away after each run"
            )
        if "PGTEST_PORT" in os.environ:
            env["PGTEST_PORT"] = os.environ["PGTEST_PORT"]
        argv = [str(settings.REPO_DIR / "scripts" / "with-test-postgres"), *argv]
    # Its own process group, so that stopping this command stops all of it (the server and
    # locust included), and a TERM reaches the run inside `scripts/with-test-postgres` too.
    child = subprocess.Popen(argv, env=env, start_new_session=True)
    previous = signal.signal(signal.SIGTERM, lambda *_: os.killpg(child.pid, signal.SIGTERM))
    try:
        code = child.wait()
    except KeyboardInterrupt:
        os.killpg(child.pid, signal.SIGTERM)
        code = child.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
    if code != 0:
        raise CommandError("the benchmark stopped (its messages are above)")


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    commit = subprocess.run(
        ["git", "-C", str(settings.REPO_DIR), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "memory_mb": round(psutil.virtual_memory().total / 1024 / 1024),
        "cpu_model": platform.processor() or platform.machine(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "git_commit": commit,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def measure_everything(options: Mapping[str, Any], write: Writer) -> list[Measure]:
    # Stopped, it stops the server it started (the `finally` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    wanted, db = int(options["people"]), str(options["database"])
    data = Path(options["data"])
    reused = bool(options["reuse"]) and _has_people()
    if reused:
        built = database.Built(Person.objects.count(), "reused from an earlier run")
        write(f"Reusing {built.people:,} people in {settings.DATABASES['default']['NAME']}")
    else:
        if db == "sqlite":
            _remove_sqlite(Path(settings.DATABASES["default"]["NAME"]))
        write(f"Building {wanted:,} people on {db}")
        built = database.build_people(wanted, write)
    out = Path(options["out"])
    out.mkdir(parents=True, exist_ok=True)
    written = out / f"{db}-{wanted}.json"
    run = _Results(built.people, db, machine(), write)
    # Written after each stage: a run stopped part-way keeps what it had measured.
    for stage in (
        lambda: run.import_rate(built, reused),
        run.recompute,
        run.returns,
        lambda: run.load_tests(int(options["users"]), int(options["run_time"]), data, written.stem),
    ):
        stage()
        written.write_text(
            json.dumps([m.as_json() for m in run.measures], indent=1, ensure_ascii=False) + "\n"
        )
    write(f"Wrote {written}")
    return run.measures


class _Results:
    """The measures taken so far, each printed as it is added."""

    def __init__(self, people: int, db: str, info: dict[str, object], write: Writer) -> None:
        self.people, self.db, self.info, self.write = people, db, info, write
        self.measures: list[Measure] = []

    def add(self, measure: Measure) -> None:
        self.measures.append(measure)
        if measure.value is not None or measure.target is not None:
            self.write(f"  {measure.measure}: {measure.value} {measure.unit}" + _against(measure))

    def one(
        self,
        name: str,
        value: float | None,
        unit: str,
        target: float | None,
        direction: Direction,
        note: str,
    ) -> None:
        verdict = met(value, target, direction)
        self.add(Measure(name, value, unit, target, verdict, self.people, self.db, note, self.info))

    def import_rate(self, built: database.Built, reused: bool) -> None:
        if reused or built.imported_rows is None or not built.import_seconds:
            note = "not available: the data was reused from an earlier run"
            self.one("import rate", None, "rows/s", None, "at least", note)
            return
        rate = round(built.imported_rows / built.import_seconds, 1)
        note = f"{built.imported_rows:,} rows in {built.import_seconds:.1f} s"
        self.one("import rate", rate, "rows/s", None, "at least", note)

    def recompute(self) -> None:
        self.write("Recompute (caseload recompute --restart)")
        started = time.perf_counter()
        call_command("recompute", restart=True, verbosity=0, stdout=io.StringIO())
        took = time.perf_counter() - started
        target = round(recompute_target_seconds(self.people), 2)
        rule = "target: 60 s × people ÷ 244,209"
        self.one("national recompute", round(took, 2), "s", target, "at most", rule)
        rate, rate_target = round(self.people / took, 1), round(recompute_target_rate(), 1)
        rule = "target: 244,209 people in 60 s"
        self.one("recompute rate", rate, "people/s", rate_target, "at least", rule)

    def returns(self) -> None:
        self.write("Returns beside their hand-written SQL")
        timings = return_timings(self.write)
        if timings is None:
            return
        for where, found in zip(("one delivery unit", "nation"), timings, strict=True):
            for name in sorted(found):
                t = found[name]
                note = f"{t.seconds:.3f} s beside {t.hand_sql_seconds:.3f} s, {t.rows:,} rows"
                ratio = round(t.ratio, 2)
                self.one(
                    return_measure_name(name, where),
                    ratio,
                    "×",
                    RETURN_RATIO_TARGET,
                    "at most",
                    note,
                )
        peak = export_peak(largest_return(timings[1]))
        note = f"{peak.name} as CSV ({peak.size_mb:,.1f} MB) in {peak.seconds:.1f} s"
        self.one(
            "national export peak memory",
            round(peak.peak_mb, 1),
            "MB",
            PEAK_MEMORY_TARGET_MB,
            "at most",
            note,
        )

    def load_tests(self, users: int, run_time: int, data: Path, name: str) -> None:
        """A warm-up thrown away, then the two runs, against one server."""
        self.write(f"Load test: {users} users, {run_time} s each run")
        accounts = data / f"accounts-{name}.json"
        accounts.write_text(json.dumps(prepare_accounts(users, max(1, users // 10))))
        try:
            with serving(data / f"serve-{name}.log") as server:
                self.write("  warming up: a short run whose figures are not kept")
                run_locust(
                    server,
                    accounts,
                    users=min(users, 5),
                    run_time=min(run_time, 10),
                    pause=0.0,
                    prefix=data / f"locust-{name}-warm-up",
                )
                for run, pause in zip(LOAD_RUNS, (1.0, 0.0), strict=True):
                    figures = run_locust(
                        server,
                        accounts,
                        users=users,
                        run_time=run_time,
                        pause=pause,
                        prefix=data / f"locust-{name}-{run}",
                    )
                    for measure in load_measures(
                        run, figures, people=self.people, database=self.db, info=self.info
                    ):
                        self.add(measure)
        finally:
            accounts.unlink()


def _has_people() -> bool:
    """Whether an earlier run left people here (a missing database has none)."""
    try:
        return Person.objects.exists()
    except DatabaseError:
        return False


def _against(measure: Measure) -> str:
    if measure.target is None:
        return f" ({measure.note})" if measure.value is None else ""
    verdict = {True: "met", False: "NOT met", None: "not measured"}[measure.met]
    return f" (target {measure.target} {measure.unit}: {verdict})"


def _remove_sqlite(path: Path) -> None:
    """A fresh build starts from an empty file (with its WAL and shared-memory files)."""
    from django.db import connection

    connection.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
