from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from caseload.core.recompute import recompute_all
from caseload.people.models import Person


class Command(BaseCommand):
    help = "Rebuild every derived value (predictor scores, tiers) from the recorded facts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="people per transaction")

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        with tqdm(
            total=Person.objects.count(),
            unit="people",
            desc="recompute",
            disable=options["verbosity"] == 0,
        ) as bar:
            counts = recompute_all(batch_size=batch_size, progress=bar.update)
        self.stdout.write(
            f"Recomputed {counts.people} people: {counts.scores_changed} predictor scores and "
            f"{counts.tiers_changed} tiers changed."
        )
