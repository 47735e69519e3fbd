"""`caseload bench workload [--n N]`: the time to compute every practitioner's capacity, in
points and in hours (`workload.practitioners.workloads`: the cases held, tiers, sentences,
appointments and essentials due), for the whole database, N times.

Read as a temporary analyst (rolled back afterwards, audit included) who, with
`CASE_VISIBILITY` widened to the nation, may see every case. Seed first: the demo (`caseload
demo --no-serve`) or `caseload seed --people N`.
"""

from __future__ import annotations

import time
from typing import Any

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from caseload.core.bench import Writer, benchmark
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation, Staff, Team
from caseload.people.models import Person
from caseload.workload.practitioners import workloads


def _analyst(team: Team) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(username="bench-workload-analyst", is_active=True)
    Staff.objects.create(
        user=user, officer_code="BENCHWKL01", grade=Grade.OTHER, role=Role.ANALYST, team=team
    )
    return user


def measure(write: Writer, runs: int) -> None:
    """Prints the people, the practitioners and each run's time and rate."""
    team = Team.objects.order_by("pk").first()
    if team is None:
        write("workload: the database has no teams; seed the demo or `caseload seed` first")
        return
    today = timezone.localdate()
    practitioners = list(
        Staff.objects.filter(role=Role.PRACTITIONER).select_related("user").order_by("pk")
    )
    people = Person.objects.count()
    held = Allocation.objects.active_on(today).count()
    write(
        f"workload: the capacity (points and hours) of every practitioner, {people:,} people "
        f"in the database, {held:,} cases held today by {len(practitioners):,} practitioners"
    )
    with transaction.atomic(), override_settings(CASE_VISIBILITY="nation"):
        viewer = _analyst(team)
        for run in range(1, runs + 1):
            started = time.perf_counter()
            found = workloads(practitioners, viewer, today)
            elapsed = time.perf_counter() - started
            cases = sum(len(w.points.cases) for w in found)
            write(
                f"  run {run}: {elapsed:.2f} s, {len(found) / elapsed:,.1f} practitioners/s "
                f"({cases:,} cases weighed, {len(found):,} weeks fitted)"
            )
        transaction.set_rollback(True)


@benchmark(
    "workload",
    "computes the capacity in points and hours of every practitioner in the database "
    "(--n runs, default 1)",
    default_n=1,
)
def bench_workload(n: int, write: Writer) -> None:
    measure(write, n)
