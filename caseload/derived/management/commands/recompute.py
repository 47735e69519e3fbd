from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from caseload.derived.recompute import recompute_all
from caseload.derived.registry import step_labels
from caseload.people.models import Person


class Command(BaseCommand):
    help = "Rebuild every derived value (predictor scores, tiers, ...) from the recorded facts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="people per transaction")

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        with tqdm(
            total=Person.objects.count(),
            unit="people",
            desc="recompute",
            disable=options["verbosity"] == 0,
        ) as bar:
            counts = recompute_all(batch_size=batch_size, progress=bar.update)
        labels = step_labels()
        changed = [f"{n} {labels[key]}" for key, n in counts.changed.items()]
        self.stdout.write(f"Recomputed {counts.people} people: {_in_words(changed)} changed.")


def _in_words(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"; "nothing" for none."""
    if not items:
        return "nothing"
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
