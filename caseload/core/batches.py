"""Long jobs done in batches: each batch and the run's progress commit in one transaction, so a
run stopped at any moment (a crash, SIGKILL, a deploy) has kept whole batches only, and the next
run with the same parameters carries on after the last one kept.

    batches = Batches.start("recompute", {"as_at": "2026-03-03"})
    batches.process(keys_after, work, size=500)

`keys_after(last_key)` lists the keys (ascending integers, e.g. person ids) still to do after the
last one kept (None: from the start); `work(keys)` does one batch inside the transaction and
must write nothing outside it. `caseload recompute` is built on it; an import (issue 13) would
be too, with the source's row numbers as keys. Progress is a `caseload.core.models.BatchRun`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import transaction
from django.utils import timezone

from caseload.core.models import BatchRun

T = TypeVar("T")


class RunTakenOver(Exception):
    """Another process moved this run on (two runs of one job at once): stop, keep what is kept."""


@dataclass
class Batches(Generic[T]):
    run: BatchRun
    #: Items an earlier, stopped attempt of this run had kept (0 for a new run).
    resumed_after: int

    @classmethod
    def start(cls, job: str, parameters: Mapping[str, Any], *, restart: bool = False) -> Batches[T]:
        """Carry on the unfinished run of `job` with these parameters, or start a new one.

        Unfinished runs with other parameters (or any, with `restart`) are marked abandoned:
        what they kept stays, and the new run does everything again.
        """
        now = timezone.now()
        with transaction.atomic():
            unfinished = BatchRun.objects.select_for_update().filter(
                job=job, finished_at__isnull=True
            )
            resumable = None
            for run in unfinished.order_by("-started_at", "-id"):
                if resumable is None and not restart and run.parameters == dict(parameters):
                    resumable = run
                else:
                    run.finished_at, run.outcome = now, "abandoned"
                    run.save(update_fields=["finished_at", "outcome"])
            if resumable is not None:
                return cls(resumable, resumable.done)
            run = BatchRun.objects.create(
                job=job, parameters=dict(parameters), started_at=now, updated_at=now
            )
            return cls(run, 0)

    def process(
        self,
        keys_after: Callable[[int | None], Sequence[int]],
        work: Callable[[list[int]], T],
        *,
        size: int,
        on_batch: Callable[[list[int], T], None] = lambda keys, result: None,
    ) -> BatchRun:
        """Do every batch still to do, each in its own transaction with the run's progress;
        then mark the run completed."""
        if size < 1:
            raise ValueError("A batch holds at least one item")
        keys = list(keys_after(self.run.last_key))
        for start in range(0, len(keys), size):
            batch = keys[start : start + size]
            with transaction.atomic():
                result = work(batch)
                self._kept(batch)
            on_batch(batch, result)
        self.run.finished_at = self.run.updated_at = timezone.now()
        self.run.outcome = "completed"
        self.run.save(update_fields=["finished_at", "updated_at", "outcome"])
        return self.run

    def _kept(self, batch: list[int]) -> None:
        """Record the batch as kept, in its transaction, unless another process has moved the
        run on since this one last did (then nothing of this batch is kept)."""
        moved = BatchRun.objects.filter(
            pk=self.run.pk, finished_at__isnull=True, last_key=self.run.last_key, done=self.run.done
        ).update(
            last_key=batch[-1],
            done=self.run.done + len(batch),
            batches=self.run.batches + 1,
            updated_at=timezone.now(),
        )
        if moved != 1:
            raise RunTakenOver(f"Another {self.run.job} run moved run {self.run.pk} on; stopped")
        self.run.refresh_from_db()
