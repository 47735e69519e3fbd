"""The refresh: recompute what depends on people's facts, inside the writing transaction.

The same `refresh` serves one person after an action and a batch of people in
`caseload recompute`, so the incremental path and a full rebuild cannot disagree. For a batch it
reads the facts once, runs every person step in order (each step's `load` in a fixed number of
queries, `plan` with pure rules, `apply` in bulk), then the staff steps for the practitioners
holding anyone whose values those steps follow changed, and for any practitioner the action
marked itself (an allocation marks the practitioner losing the case as well as the one gaining it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from caseload.derived.registry import Batch, StaffBatch, person_steps, staff_steps
from caseload.derived.snapshot import load_case_facts
from caseload.organisation.models import Allocation


@dataclass
class RefreshCounts:
    people: int = 0
    #: step key → rows changed.
    changed: dict[str, int] = field(default_factory=dict)

    def add(self, other: RefreshCounts) -> None:
        self.people += other.people
        for key, count in other.changed.items():
            self.changed[key] = self.changed.get(key, 0) + count


def refresh(
    person_ids: Iterable[int],
    *,
    cause: str,
    as_at: date | None = None,
    staff_ids: Iterable[int] = (),
) -> RefreshCounts:
    """Recompute every derived value for these people (and the practitioners it touches)."""
    ids = list(person_ids)
    day = as_at or timezone.localdate()
    batch = Batch(ids, load_case_facts(ids, as_at=day), day, timezone.now(), cause)
    counts = RefreshCounts(people=len(batch.facts))
    changed_people: dict[str, set[int]] = {}
    for step in person_steps():
        plan = step.plan(batch, step.load(batch))
        plan.apply()
        counts.changed[step.key] = plan.changed
        changed_people[step.key] = plan.changed_people
    _refresh_staff(set(staff_ids), changed_people, batch, counts)
    return counts


def _refresh_staff(
    marked: set[int], changed_people: dict[str, set[int]], batch: Batch, counts: RefreshCounts
) -> None:
    steps = staff_steps()
    if not steps:
        return
    followed = {p for s in steps for key in s.follows for p in changed_people.get(key, ())}
    if followed:
        marked |= set(
            Allocation.objects.active_on(batch.as_at)
            .filter(person_id__in=followed)
            .values_list("staff_id", flat=True)
        )
    if not marked:
        return
    staff_batch = StaffBatch(sorted(marked), batch.as_at, batch.now, batch.cause)
    for step in steps:
        plan = step.plan(staff_batch, step.load(staff_batch))
        plan.apply()
        counts.changed[step.key] = plan.changed
