"""Rebuild every derived value for everyone, one transaction per batch, reporting what changed.

Built on `caseload.core.batches`: each batch of people and the run's progress commit together,
so a run stopped at any moment has kept whole batches only, and the next `caseload recompute`
for the same day carries on after the last one kept (`restart=True` starts afresh). Every
batch is idempotent (a value is rewritten only where it changed), so resuming and redoing
agree.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from caseload.core.batches import Batches
from caseload.core.models import BatchRun
from caseload.derived.refresh import RefreshCounts, refresh
from caseload.people.models import Person

JOB = "recompute"


@dataclass
class Recomputed:
    counts: RefreshCounts
    run: BatchRun
    #: People an earlier, stopped run for the same day had already done (0 for a new run).
    resumed_after: int


def _people_after(last_id: int | None) -> Sequence[int]:
    people = Person.objects.order_by("pk")
    if last_id is not None:
        people = people.filter(pk__gt=last_id)
    return list(people.values_list("pk", flat=True))


def recompute_all(
    *,
    batch_size: int = 500,
    as_at: date | None = None,
    restart: bool = False,
    progress: Callable[[int], None] = lambda n: None,
) -> Recomputed:
    """Recompute everyone's derived values as at `as_at` (today), in batches of people."""
    day = as_at or timezone.localdate()
    batches: Batches[RefreshCounts] = Batches.start(
        JOB, {"as_at": day.isoformat()}, restart=restart
    )
    if batches.resumed_after:
        progress(batches.resumed_after)
    total = RefreshCounts()

    def counted(people: list[int], counts: RefreshCounts) -> None:
        total.add(counts)
        progress(len(people))

    run = batches.process(
        _people_after,
        lambda people: refresh(people, cause="recompute", as_at=day),
        size=batch_size,
        on_batch=counted,
    )
    return Recomputed(total, run, batches.resumed_after)
