from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from caseload.imports.loading import BATCH_SIZE, REPORT_NAME, ImportRefused, import_directory
from caseload.people.models import Person


class Command(BaseCommand):
    help = (
        "Load a directory in the import format (docs/import-format.md).\n"
        "Into the database, file by file in batches, with a progress bar. "
        "Rows that break a rule are skipped and "
        f"listed in an error report (DIR/{REPORT_NAME} or --report: file, line, field, rule); "
        "every valid row loads. Run it again after an interruption: it loads the rest and "
        "nothing twice. Then every derived value is recomputed (unless --no-recompute). "
        "Exits with status 1 if any row was refused, 2 if the directory cannot be imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="the directory holding manifest.json")
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="rows per transaction"
        )
        parser.add_argument(
            "--report",
            type=Path,
            help=f"where to write the error report (default DIR/{REPORT_NAME})",
        )
        parser.add_argument(
            "--no-recompute",
            action="store_true",
            help="do not recompute the derived values after loading (run caseload recompute "
            "before anyone uses the data)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        quiet = options["verbosity"] == 0

        def bar(file: str, rows: int) -> tqdm:
            return tqdm(total=rows, desc=file.removesuffix(".jsonl"), unit="rows", disable=quiet)

        recompute_bar = None

        def recompute_progress(n: int) -> None:
            nonlocal recompute_bar
            if recompute_bar is None:
                recompute_bar = tqdm(
                    total=Person.objects.count(), desc="recompute", unit="people", disable=quiet
                )
            recompute_bar.update(n)

        try:
            summary = import_directory(
                options["directory"],
                progress=bar,
                batch_size=options["batch_size"],
                report=options["report"],
                recompute=not options["no_recompute"],
                recompute_progress=recompute_progress,
            )
        except ImportRefused as exc:
            raise CommandError(str(exc), returncode=2) from exc
        finally:
            if recompute_bar is not None:
                recompute_bar.close()
        for f in summary.files:
            if f.rows:
                self.stdout.write(
                    f"{f.file}: {f.rows:,} rows, {f.loaded:,} loaded, {f.skipped:,} already "
                    f"loaded, {f.refused:,} refused, {f.rate:,.0f} rows a second"
                )
        self.stdout.write(
            f"Altogether: {summary.total('rows'):,} rows, {summary.total('loaded'):,} loaded, "
            f"{summary.total('skipped'):,} already loaded, {summary.total('refused'):,} refused "
            f"in {summary.seconds:,.1f} s, {summary.rate:,.0f} rows a second"
        )
        if summary.recomputed is not None:
            self.stdout.write(
                f"Recomputed the derived values of {summary.recomputed:,} people "
                f"in {summary.recompute_seconds:,.1f} s"
            )
        if summary.report is not None:
            raise CommandError(
                f"{summary.total('refused'):,} rows were refused: see {summary.report}"
            )
