"""Rebuild every derived value for everyone, one transaction per batch, reporting what changed."""

from collections.abc import Callable, Iterator
from datetime import date

from django.db import transaction

from caseload.derived.refresh import RefreshCounts, refresh
from caseload.people.models import Person


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def recompute_all(
    *,
    batch_size: int = 500,
    as_at: date | None = None,
    progress: Callable[[int], None] = lambda n: None,
) -> RefreshCounts:
    total = RefreshCounts()
    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    for batch in _batches(ids, batch_size):
        with transaction.atomic():
            total.add(refresh(batch, cause="recompute", as_at=as_at))
        progress(len(batch))
    return total
