"""`caseload bench [SUBJECT] [--n N]`: time a hot path and print throughput figures; without a
subject, the whole suite against issue 13's targets, written as JSON (`caseload.benchmarking`).

Subjects come from each part's `benchmarks.py` (`caseload.core.bench`). Figures are printed,
never asserted.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import autodiscover_modules

from caseload.core.bench import SUBJECTS, SUITES


def _seconds(value: str) -> int:
    """ "60" or "60s"."""
    return _positive(value.removesuffix("s"))


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Benchmark a hot path and print throughput (caseload bench --help lists subjects); "
        "with no subject, build a database of --people and run every measure against its "
        "target, writing benchmarks/results/<database>-<people>.json (docs/performance.md)."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        autodiscover_modules("benchmarks")
        listed = "; ".join(f"{s.name}: {s.help}" for s in SUBJECTS.values())
        self.help = f"{self.help}\n\nSUBJECT is one of {listed}."
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "subject", metavar="SUBJECT", nargs="?", help=f"one of {', '.join(SUBJECTS)}"
        )
        parser.add_argument(
            "--n", type=int, help="number of requests (each subject has its own default)"
        )
        suite = parser.add_argument_group("the whole suite (no SUBJECT)")
        suite.add_argument("--people", type=_positive, default=25_000, help="people to build")
        suite.add_argument(
            "--database", choices=("sqlite", "postgres"), default="sqlite", help="which database"
        )
        suite.add_argument(
            "--out",
            type=Path,
            default=settings.REPO_DIR / "benchmarks" / "results",
            help="where the JSON goes (default benchmarks/results/)",
        )
        suite.add_argument(
            "--data",
            type=Path,
            default=settings.REPO_DIR / "var" / "bench",
            help="where the SQLite database and the load test's files go (default var/bench/)",
        )
        suite.add_argument(
            "--reuse", action="store_true", help="reuse the database built by an earlier run"
        )
        suite.add_argument(
            "--users", type=_positive, default=50, help="signed-in users in the load test"
        )
        suite.add_argument(
            "--run-time", type=_seconds, default=60, help="seconds each load test runs"
        )

    def _write(self, line: str) -> None:
        """Each line as it comes: the suite runs for minutes, often into a log file."""
        self.stdout.write(line)
        self.stdout.flush()

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subject"] is None:
            SUITES["all"](options, self._write)
            return
        subject = SUBJECTS.get(options["subject"])
        if subject is None:
            raise CommandError(
                f"unknown subject {options['subject']!r}; expected one of {', '.join(SUBJECTS)}",
                returncode=2,
            )
        n = subject.default_n if options["n"] is None else options["n"]
        if n < 1:
            raise CommandError("--n must be at least 1", returncode=2)
        subject.run(n, lambda line: self.stdout.write(line))
