"""Rebuild every derived value for everyone, one transaction per batch, reporting what changed.

Built on `caseload.core.batches`: each batch of people and the run's progress commit together,
so a run stopped at any moment has kept whole batches only, and the next `caseload recompute`
for the same day carries on after the last one kept (`restart=True` starts afresh). Every
batch is idempotent (a value is rewritten only where it changed), so resuming and redoing
agree.

On PostgreSQL the people can be shared among worker processes (`workers`), each over its own
range of person ids with its own connection and its own resumable run (`recompute 1/2`,
`recompute 2/2`): the ranges split the people into equal counts, so a stopped run carries on
when it is started again with the same number of workers and nobody has been added since
(otherwise the new ranges start afresh). SQLite allows one writer at a time, so it runs in
one process.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, connections
from django.utils import timezone

from caseload.core.batches import Batches, RunTakenOver
from caseload.core.models import BatchRun
from caseload.derived.refresh import RefreshCounts, refresh
from caseload.people.models import Person

JOB = "recompute"


class WorkerStopped(RuntimeError):
    """A worker process ended without finishing its people (what it kept stays kept)."""


@dataclass
class Recomputed:
    counts: RefreshCounts
    run: BatchRun
    #: People an earlier, stopped run for the same day had already done (0 for a new run).
    resumed_after: int


@dataclass(frozen=True)
class Part:
    """The people with ids from `first` up to (not including) `until` (None: no end)."""

    job: str
    first: int | None
    until: int | None

    def people_after(self, last_id: int | None) -> Sequence[int]:
        people = Person.objects.order_by("pk")
        if self.first is not None:
            people = people.filter(pk__gte=self.first)
        if self.until is not None:
            people = people.filter(pk__lt=self.until)
        if last_id is not None:
            people = people.filter(pk__gt=last_id)
        return list(people.values_list("pk", flat=True))

    def parameters(self, day: date) -> dict[str, Any]:
        if self.first is None and self.until is None:
            return {"as_at": day.isoformat()}
        return {"as_at": day.isoformat(), "from": self.first, "until": self.until}


def parts(workers: int) -> list[Part]:
    """The people split into `workers` ranges of person id holding as many people each."""
    if workers == 1:
        return [Part(JOB, None, None)]
    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    starts = sorted({ids[len(ids) * i // workers] for i in range(1, workers)} if ids else set())
    bounds = [None, *starts, None]
    return [
        Part(f"{JOB} {i + 1}/{len(bounds) - 1}", bounds[i], bounds[i + 1])
        for i in range(len(bounds) - 1)
    ]


def _recompute_part(
    part: Part,
    day: date,
    *,
    batch_size: int,
    restart: bool,
    progress: Callable[[int], None],
) -> Recomputed:
    batches: Batches[RefreshCounts] = Batches.start(part.job, part.parameters(day), restart=restart)
    if batches.resumed_after:
        progress(batches.resumed_after)
    total = RefreshCounts()

    def counted(people: list[int], counts: RefreshCounts) -> None:
        total.add(counts)
        progress(len(people))

    run = batches.process(
        part.people_after,
        lambda people: refresh(people, cause="recompute", as_at=day),
        size=batch_size,
        on_batch=counted,
    )
    return Recomputed(total, run, batches.resumed_after)


def recompute_all(
    *,
    batch_size: int = 500,
    as_at: date | None = None,
    restart: bool = False,
    workers: int = 1,
    progress: Callable[[int], None] = lambda n: None,
) -> Recomputed:
    """Recompute everyone's derived values as at `as_at` (today), in batches of people, in
    `workers` processes (PostgreSQL only; the caller's transaction is not seen by them)."""
    if workers < 1:
        raise ValueError("A recompute needs at least one worker")
    if workers > 1 and connection.vendor != "postgresql":
        raise ValueError("Only PostgreSQL can recompute in more than one process")
    day = as_at or timezone.localdate()
    planned = parts(workers)
    if len(planned) == 1:
        return _recompute_part(
            planned[0], day, batch_size=batch_size, restart=restart, progress=progress
        )
    return _in_workers(planned, day, batch_size=batch_size, restart=restart, progress=progress)


def _worker(
    part: Part, day: date, batch_size: int, restart: bool, messages: multiprocessing.Queue[Any]
) -> None:
    """One forked process: its own connection (the parent's were closed before the fork).

    It stops after the batch it is on if the parent has gone (killed, say), so a stopped run
    leaves no worker behind to take over the next one's ranges."""
    parent = os.getppid()

    def kept(people: int) -> None:
        if os.getppid() != parent:
            raise SystemExit(1)
        messages.put(("people", people))

    try:
        done = _recompute_part(part, day, batch_size=batch_size, restart=restart, progress=kept)
        messages.put(("done", done.counts, done.run.pk, done.resumed_after))
    except RunTakenOver as exc:
        messages.put(("taken over", str(exc)))
    finally:
        connections.close_all()


def _in_workers(
    planned: list[Part],
    day: date,
    *,
    batch_size: int,
    restart: bool,
    progress: Callable[[int], None],
) -> Recomputed:
    context = multiprocessing.get_context("fork")
    messages: multiprocessing.Queue[Any] = context.Queue()
    connections.close_all()
    processes = [
        context.Process(target=_worker, args=(part, day, batch_size, restart, messages))
        for part in planned
    ]
    for process in processes:
        process.start()
    total, runs, resumed, taken_over = RefreshCounts(), [], 0, None
    try:
        while len(runs) < len(processes) and taken_over is None:
            try:
                message = messages.get(timeout=1)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in processes):
                    raise WorkerStopped(
                        "A recompute worker stopped; run it again to carry on"
                    ) from None
                continue
            if message[0] == "people":
                progress(message[1])
            elif message[0] == "done":
                total.add(message[1])
                runs.append(message[2])
                resumed += message[3]
            else:
                taken_over = message[1]
    finally:
        for process in processes:
            process.join()
    if taken_over is not None:
        raise RunTakenOver(taken_over)
    return Recomputed(total, BatchRun.objects.get(pk=min(runs)), resumed)
