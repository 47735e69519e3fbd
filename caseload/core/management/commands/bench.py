"""`caseload bench SUBJECT [--n N]`: time a hot path and print throughput figures.

Subjects come from each part's `benchmarks.py` (`caseload.core.bench`). Figures are printed,
never asserted.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import autodiscover_modules

from caseload.core.bench import SUBJECTS


class Command(BaseCommand):
    help = "Benchmark a hot path and print throughput (caseload bench --help lists subjects)."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        autodiscover_modules("benchmarks")
        listed = "; ".join(f"{s.name}: {s.help}" for s in SUBJECTS.values())
        self.help = f"{self.help}\n\nSUBJECT is one of {listed}."
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subject", metavar="SUBJECT", help=f"one of {', '.join(SUBJECTS)}")
        parser.add_argument(
            "--n", type=int, help="number of requests (each subject has its own default)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
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
