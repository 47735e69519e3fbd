import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone
from tqdm import tqdm

from caseload.core.batches import RunTakenOver
from caseload.core.versions import when_in_words
from caseload.derived.recompute import WorkerStopped, recompute_all
from caseload.derived.registry import step_labels
from caseload.people.models import Person


class Command(BaseCommand):
    help = (
        "Rebuild every derived value (predictor scores, tiers, ...) from the recorded facts. "
        "Each batch commits on its own; a run that was stopped is carried on from its last "
        "whole batch by the next run on the same day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="people per transaction")
        parser.add_argument(
            "--restart",
            action="store_true",
            help="start afresh instead of carrying on an unfinished run",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes sharing the people (PostgreSQL only; default: one per CPU there)",
        )

    def handle(
        self, *args: Any, batch_size: int, restart: bool, workers: int | None, **options: Any
    ) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        postgres = connection.vendor == "postgresql"
        if workers is None:
            workers = (os.cpu_count() or 1) if postgres else 1
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if workers > 1 and not postgres:
            raise CommandError("--workers above 1 needs PostgreSQL (SQLite has one writer)")
        try:
            with tqdm(
                total=Person.objects.count(),
                unit="people",
                desc="recompute",
                disable=options["verbosity"] == 0,
            ) as bar:
                done = recompute_all(
                    batch_size=batch_size, restart=restart, workers=workers, progress=bar.update
                )
        except RunTakenOver as exc:
            raise CommandError(f"{exc}. Is another recompute running?") from exc
        except WorkerStopped as exc:
            raise CommandError(str(exc)) from exc
        if done.resumed_after:
            started = when_in_words(timezone.localtime(done.run.started_at))
            self.stdout.write(
                f"Carried on the recompute started at {started}: "
                f"{done.resumed_after} people had been done before it stopped."
            )
        labels = step_labels()
        changed = [f"{n} {labels[key]}" for key, n in done.counts.changed.items()]
        self.stdout.write(f"Recomputed {done.counts.people} people: {_in_words(changed)} changed.")


def _in_words(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"; "nothing" for none."""
    if not items:
        return "nothing"
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
