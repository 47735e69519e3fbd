"""Rebuild every derived value for many people, in batches, reporting what changed."""

from collections.abc import Callable, Iterable
from datetime import date

from django.db import transaction

from caseload.core.refresh import RefreshCounts, refresh_people
from caseload.people.models import Person


def _batches(ids: list[int], size: int) -> Iterable[list[int]]:
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
            counts = refresh_people(batch, cause="recompute", as_at=as_at)
        total.people += counts.people
        total.scores_changed += counts.scores_changed
        total.tiers_changed += counts.tiers_changed
        progress(len(batch))
    return total
