"""`caseload workload SUB-COMMAND`: the workload model's batch work.

`calculate` is the points calculator over JSON Lines. Issue 12's later sub-commands (the
capacity of every practitioner, the week that does not fit) belong here beside it.
"""

import json
import sys
import textwrap
from argparse import RawDescriptionHelpFormatter
from collections.abc import Iterator
from typing import IO, Any

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
)

from caseload.workload.domain.calculator import KINDS, BadInput, calculate_line

KIND_LIST = textwrap.fill("Kinds: " + ", ".join(KINDS) + ".", width=92)
CALCULATE_FORMAT = f"""\
Input: JSON Lines, one calculation per line, as the national tools' tests state them:
  {{"kind": "capacity", "inputs": {{"total_points": 15, "available_points": 102}}}}
  {{"kind": "potential_capacity", "inputs": {{"total_points": 500, "available_points": 1000,
   "new_case": {{"tier": "B3", "type": "CUSTODY", "t2a": false}}}}}}
{KIND_LIST}
A kind written with a parenthetical after its name, such as "wmt_parom_points (legacy)", is
read by the name before it. Numbers are read as exact decimals. Blank lines are skipped.

Output: one JSON object per line, in order, holding the outputs named as the source's tests
name them, e.g. {{"capacity_percent": "14.700"}}. Capacities are strings with their 3 decimals.

A line that cannot be calculated (not JSON, an unknown kind, an input missing or of the wrong
type) stops the run: the lines before it have been printed, and standard error names the line,
the field and the rule, e.g.
  line 3: inputs.total_points: must be a whole number (integer)
Exit status: 0 when every line was calculated, 1 at a bad line, 2 when the input cannot be read.
"""

UTF8_BOM = "\ufeff".encode()


class _HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Keeps the format description's line breaks."""


class Command(BaseCommand):
    #: Pure calculations need neither the database nor the URLconf: no system checks.
    requires_system_checks: list[str] = []
    help = "The workload points model: `workload calculate` reproduces the national tools' figures."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = _HelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, title="sub-commands", metavar="{calculate}"
        )
        calculate = actions.add_parser(
            "calculate",
            help="capacity, available points and points, one JSON line in and one out",
            description="Calculate the points model for a file of JSON Lines.\n\n"
            + CALCULATE_FORMAT,
            formatter_class=RawDescriptionHelpFormatter,
        )
        calculate.add_argument(
            "--input",
            required=True,
            metavar="FILE",
            help="JSON Lines file to read; - reads standard input",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["input"]
        try:
            if path == "-":
                self._calculate(sys.stdin.buffer)
            else:
                with open(path, "rb") as stream:
                    self._calculate(stream)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CommandError(f"cannot read {path}: {reason}", returncode=2) from error

    def _calculate(self, stream: IO[bytes]) -> None:
        for number, raw in _lines(stream):
            try:
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                result = calculate_line(line)
            except UnicodeDecodeError:
                raise CommandError(f"line {number}: line: is not UTF-8 text (utf8)") from None
            except BadInput as error:
                raise CommandError(f"line {number}: {error}") from None
            self.stdout.write(json.dumps(result))
            self.stdout.flush()


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """Raw lines with their numbers (from 1), the byte-order mark dropped from the first."""
    for index, line in enumerate(stream):
        yield index + 1, line.removeprefix(UTF8_BOM) if index == 0 else line
