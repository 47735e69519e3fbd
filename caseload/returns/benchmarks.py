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


def _measure(write: Writer, user: Any, unit_id: int | None, label: str) -> dict[str, int]:
    """Prints each return's time beside its oracle's; returns each return's row count."""
    today = timezone.localdate()
    filters = ReturnFilters(as_at=today)
    scope = scope_for(user, filters, today)
    people = scope.counted.count()
    params = OracleParams(as_at=today, period_from=filters.period_start, delivery_unit_id=unit_id)
    oracles = all_oracles()
    counts: dict[str, int] = {}
    write(f"\n{label}: {people:,} people held today")
    write(f"  {'return':<24} {'ours':>9} {'hand SQL':>9} {'ratio':>6} {'summary':>8} {'rows':>9}")
    for declared in all_returns():
        ours, rows = _timed(lambda d=declared: sum(1 for _ in d.rows(scope)))
        summary = _timed(lambda d=declared: d.summary(scope))[0] if declared.summary else 0.0
        theirs, _ = _timed(lambda d=declared: len(oracles[d.name](params)))
        ratio = ours / theirs if theirs else float("inf")
        write(
            f"  {declared.name:<24} {ours:>8.3f}s {theirs:>8.3f}s {ratio:>6.2f} "
            f"{summary:>7.3f}s {rows:>9,}"
        )
        counts[declared.name] = rows
    return counts


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


def _export_peak(write: Writer, name: str) -> None:
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
    write(
        f"\nNational export of {name} (CSV, {size:,.1f} MB): {took:.1f} s, "
        f"peak memory {peak:,.0f} MB (target: within 200 MB)"
    )


@benchmark("returns", "each return beside its hand-written SQL, unit and nation", default_n=1)
def bench_returns(n: int, write: Writer) -> None:
    unit = _largest_unit()
    if unit is None:
        write("No cases are held: seed the demo or `caseload seed --people N` first.")
        return
    national: dict[str, int] = {}
    try:
        with transaction.atomic():
            user = _analyst(unit)
            for _ in range(n):
                _measure(write, user, unit.pk, f"Delivery unit {unit.name}")
                with override_settings(CASE_VISIBILITY="nation"):
                    national = _measure(write, user, None, "Every case in the database")
            raise _RolledBack
    except _RolledBack:
        pass
    _export_peak(write, max(national, key=lambda name: national[name]))
