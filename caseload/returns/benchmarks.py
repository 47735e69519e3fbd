"""`caseload bench returns`: each return's time beside its hand-written query's, for the demo's
delivery unit and for every person in the database, and a national export's peak memory.

Seed first: the demo (`caseload demo --no-serve`) for the unit, and `caseload seed --people N`
for the nation (figures in `docs/returns.md`). The runs are made as a temporary analyst (rolled
back afterwards) who may see one delivery unit, and then, with `CASE_VISIBILITY` widened, the
nation. The export runs in a child process so its peak resident memory is its own.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from caseload.core.bench import Writer, benchmark
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation, DeliveryUnit, Staff, Team
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.exporting import export
from caseload.returns.oracles import OracleParams, all_oracles
from caseload.returns.registry import all_returns
from caseload.returns.scope import scope_for


class _RolledBack(Exception):
    pass


def _timed(run: Callable[[], Any]) -> tuple[float, int]:
    started = time.perf_counter()
    rows = run()
    return time.perf_counter() - started, rows


def _analyst(unit: DeliveryUnit) -> Any:
    from django.contrib.auth import get_user_model

    team = Team.objects.filter(delivery_unit=unit).order_by("pk").first()
    user = get_user_model().objects.create(username="bench-returns-analyst", is_active=True)
    Staff.objects.create(
        user=user, officer_code="BENCHRET01", grade=Grade.OTHER, role=Role.ANALYST, team=team
    )
    return user


def _largest_unit() -> DeliveryUnit | None:
    demo = DeliveryUnit.objects.filter(teams__staff__user__username="practitioner").first()
    if demo is not None:
        return demo
    held = Allocation.objects.current().values("team__delivery_unit").order_by()
    return DeliveryUnit.objects.filter(pk__in=held[:1]).first()


@dataclass(frozen=True)
class ReturnTiming:
    """One return's time beside its hand-written query's (the oracle), in seconds."""

    seconds: float
    hand_sql_seconds: float
    rows: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.hand_sql_seconds if self.hand_sql_seconds else float("inf")


@dataclass(frozen=True)
class ExportPeak:
    name: str
    seconds: float
    peak_mb: float
    size_mb: float


def _measure(write: Writer, user: Any, unit_id: int | None, label: str) -> dict[str, ReturnTiming]:
    """Prints each return's time beside its oracle's, and returns them by return."""
    today = timezone.localdate()
    filters = ReturnFilters(as_at=today)
    scope = scope_for(user, filters, today)
    people = scope.counted.count()
    params = OracleParams(as_at=today, period_from=filters.period_start, delivery_unit_id=unit_id)
    oracles = all_oracles()
    timings: dict[str, ReturnTiming] = {}
    write(f"\n{label}: {people:,} people held today")
    write(f"  {'return':<24} {'ours':>9} {'hand SQL':>9} {'ratio':>6} {'summary':>8} {'rows':>9}")
    for declared in all_returns():
        ours, rows = _timed(lambda d=declared: sum(1 for _ in d.rows(scope)))
        summary = _timed(lambda d=declared: d.summary(scope))[0] if declared.summary else 0.0
        theirs, _ = _timed(lambda d=declared: len(oracles[d.name](params)))
        timing = ReturnTiming(ours, theirs, rows)
        write(
            f"  {declared.name:<24} {ours:>8.3f}s {theirs:>8.3f}s {timing.ratio:>6.2f} "
            f"{summary:>7.3f}s {rows:>9,}"
        )
        timings[declared.name] = timing
    return timings


def export_in_child(name: str, out: str) -> None:
    """Run in a child process: export `name` nationally as a temporary analyst (rolled back,
    audit included) and print the process's peak resident memory in MB."""
    unit = _largest_unit()
    assert unit is not None
    declared = next(r for r in all_returns() if r.name == name)
    try:
        with transaction.atomic(), override_settings(CASE_VISIBILITY="nation"):
            scope = scope_for(_analyst(unit), ReturnFilters(as_at=timezone.localdate()))
            with open(out, "wb") as target:
                export(declared, scope, "csv", target)
            raise _RolledBack
    except _RolledBack:
        pass
    print(_peak_mb())


def _peak_mb() -> float:
    """This process's peak resident memory. On Linux, VmHWM: `ru_maxrss` carries the parent's
    peak across fork and exec, so a child started by a large benchmark would report that."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_peak(name: str) -> ExportPeak:
    """Export `name` nationally in a child process: its time, peak memory and size."""
    with tempfile.TemporaryDirectory() as where:
        out = os.path.join(where, f"{name}.csv")
        code = (
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
            "'caseload.settings'); django.setup(); "
            "from caseload.returns.benchmarks import export_in_child; "
            f"export_in_child({name!r}, {out!r})"
        )
        started = time.perf_counter()
        child = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        took = time.perf_counter() - started
        peak = float(child.stdout.strip().splitlines()[-1])
        size = os.path.getsize(out) / 1024 / 1024
    return ExportPeak(name, took, peak, size)


def return_timings(
    write: Writer, runs: int = 1
) -> tuple[dict[str, ReturnTiming], dict[str, ReturnTiming]] | None:
    """Each return for the largest delivery unit and for the nation, the last of `runs`
    (None when no case is held). The analyst and the audit of the runs are rolled back."""
    unit = _largest_unit()
    if unit is None:
        return None
    try:
        with transaction.atomic():
            user = _analyst(unit)
            for _ in range(runs):
                local = _measure(write, user, unit.pk, f"Delivery unit {unit.name}")
                with override_settings(CASE_VISIBILITY="nation"):
                    national = _measure(write, user, None, "Every case in the database")
            raise _RolledBack
    except _RolledBack:
        pass
    return local, national


def largest_return(national: dict[str, ReturnTiming]) -> str:
    """The return with the most rows nationally: the one whose export is measured."""
    return max(national, key=lambda name: national[name].rows)


@benchmark("returns", "each return beside its hand-written SQL, unit and nation", default_n=1)
def bench_returns(n: int, write: Writer) -> None:
    timings = return_timings(write, n)
    if timings is None:
        write("No cases are held: seed the demo or `caseload seed --people N` first.")
        return
    peak = export_peak(largest_return(timings[1]))
    write(
        f"\nNational export of {peak.name} (CSV, {peak.size_mb:,.1f} MB): {peak.seconds:.1f} s, "
        f"peak memory {peak.peak_mb:,.0f} MB (target: within 200 MB)"
    )
