from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from caseload.demo.seed import SeedError, seed_delivery_unit
from caseload.derived.recompute import recompute_all


class Command(BaseCommand):
    help = "Generate a deterministic synthetic delivery unit (people, staff, sentences, contacts)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--people", type=int, required=True, help="how many people on probation"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
        )
        parser.add_argument(
            "--no-recompute", action="store_true", help="skip computing scores and tiers"
        )

    def handle(
        self, *args: Any, people: int, seed: int, no_recompute: bool, **options: Any
    ) -> None:
        if people < 1:
            raise CommandError("--people must be at least 1")
        if seed < 0:
            raise CommandError("--seed must be 0 or more")
        quiet = options["verbosity"] == 0
        try:
            with tqdm(total=people, unit="people", desc="seed", disable=quiet) as bar:
                summary = seed_delivery_unit(people=people, seed=seed, progress=bar.update)
        except SeedError as exc:
            raise CommandError(str(exc)) from exc
        if not no_recompute:
            with tqdm(total=people, unit="people", desc="derive", disable=quiet) as bar:
                recompute_all(progress=bar.update)
        self.stdout.write(
            f"Seeded {summary.delivery_unit}: {summary.people} people, {summary.staff} staff, "
            f"{summary.contacts} contacts."
        )
