import time
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from caseload.demo.national.generate import NationalSummary, write_national
from caseload.demo.national.shape import NATIONAL_PEOPLE
from caseload.demo.seed import SeedError, seed_delivery_unit
from caseload.derived.recompute import recompute_all


class Command(BaseCommand):
    help = (
        "Generate a deterministic synthetic delivery unit (people, staff, sentences, contacts); "
        "with --national --out DIR, write the national data set in the import format instead "
        "(docs/import-format.md; load it with `caseload import DIR`)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--people",
            type=int,
            help=f"how many people on probation (--national: default {NATIONAL_PEOPLE:,}, "
            "and every other count scales with it)",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
        )
        parser.add_argument(
            "--no-recompute", action="store_true", help="skip computing scores and tiers"
        )
        parser.add_argument(
            "--national",
            action="store_true",
            help="write the national data set (12 regions, about 110 delivery units) to --out",
        )
        parser.add_argument("--out", type=Path, help="--national: an empty or new directory")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="--national: processes drawing delivery units at once (the files are the same)",
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="--national: the day the data set is drawn around (default today); "
            "the same seed and day give byte-identical files",
        )

    def handle(self, *args: Any, people: int | None, seed: int, **options: Any) -> None:
        if seed < 0:
            raise CommandError("--seed must be 0 or more")
        quiet = options["verbosity"] == 0
        if options["national"]:
            self._national(people, seed, options, quiet)
            return
        if options["out"] or options["today"] or options["workers"] != 1:
            raise CommandError("--out, --today and --workers are for --national")
        if people is None:
            raise CommandError("--people is required (or --national)")
        if people < 1:
            raise CommandError("--people must be at least 1")
        try:
            with tqdm(total=people, unit="people", desc="seed", disable=quiet) as bar:
                summary = seed_delivery_unit(people=people, seed=seed, progress=bar.update)
        except SeedError as exc:
            raise CommandError(str(exc)) from exc
        if not options["no_recompute"]:
            with tqdm(total=people, unit="people", desc="derive", disable=quiet) as bar:
                recompute_all(progress=bar.update)
        self.stdout.write(
            f"Seeded {summary.delivery_unit}: {summary.people} people, {summary.staff} staff, "
            f"{summary.contacts} contacts."
        )

    def _national(
        self, people: int | None, seed: int, options: dict[str, Any], quiet: bool
    ) -> None:
        people = NATIONAL_PEOPLE if people is None else people
        out: Path | None = options["out"]
        workers: int = options["workers"]
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if out is None:
            raise CommandError("--national needs --out DIR")
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise CommandError(f"{out} is not an empty directory: choose a new one")
        if not 12 <= people <= 999_999:
            raise CommandError("--people must be between 12 (one for each region) and 999,999")
        today = options["today"] or timezone.localdate()
        started = time.monotonic()
        with tqdm(total=people, unit="people", desc="national", disable=quiet) as bar:
            summary = write_national(
                out, seed=seed, today=today, people=people, workers=workers, progress=bar.update
            )
        self.stdout.write(_totals(summary, time.monotonic() - started))


def _totals(summary: NationalSummary, seconds: float) -> str:
    lines = [
        f"Wrote {summary.out}: {summary.people:,} people in {summary.units} delivery units, "
        f"{summary.teams:,} teams, {summary.practitioners:,} practitioners.",
        *(f"  {name + '.jsonl':<24} {count:>12,}" for name, count in summary.counts.items()),
        f"  {'all files':<24} {summary.rows:>12,} rows in {seconds:.1f} s "
        f"({summary.rows / max(seconds, 1e-9):,.0f} rows a second)",
    ]
    return "\n".join(lines)
