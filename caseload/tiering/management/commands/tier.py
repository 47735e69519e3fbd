"""`caseload tier --input FILE`: the tier calculator over JSON Lines."""

import json
import sys
from argparse import RawDescriptionHelpFormatter
from collections.abc import Iterator
from typing import IO, Any

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
)

from caseload.tiering.domain import calculate_tier_text

FORMAT = """\
Input: JSON Lines, one input object per line, e.g.
  {"model": "v2", "gender": "Female", "rsr": 7.0, "ogrs": 21,
   "registrations": [{"code": "MAPP", "level": "M1", "date": "2024-03-22"}],
   "convictions": [{"sentence_type": "SC", "terminated": false, "requirements": []}],
   "assessment": {"needs": {"ACCOMMODATION": "SEVERE"}, "sanIndicator": false,
                  "womens_factors": {"parenting_responsibilities": "Yes"}},
   "previous_enforcement_activity": false}
  {"model": "v3", "has_active_event": true, "rosh": "MEDIUM", "mappa_category": null,
   "arp": {"score": 25.0, "type": "DYNAMIC"}, "csrp": {"score": 0.0, "type": "STATIC"},
   "dc_srp": null, "lifer_ipp": false, "latest_release_date": {"years": -1, "days": -1}}
Models: v2, v3, v3_provisional_only, v2_womens_factor_points, need_severity (fields as in
the vectors of caseload/tiering/tests/data/tiering_examples.json). Numbers are read as exact
decimals; a missing key counts as null and a missing boolean as false (v3 has_active_event is
required). Blank lines are skipped.

Output: one JSON object per input line, in order, written as each line is read:
  {"tier": "B2S", "protect": "B", "change": 2, "protect_points": 20, "change_points": 0,
   "provisional": null}
with null for fields the model does not have, or, for a line that cannot be scored,
  {"errors": [{"type": "INVALID_INPUT", "field": "rosh", "fields": ["rosh"],
               "message": "must be one of LOW, MEDIUM, HIGH, VERY_HIGH"}]}
(types INVALID_INPUT, MISSING_MANDATORY_INPUT, UNSUPPORTED_COMBINATION) and the command goes
on. "Today" for the v3 lifer rule is today's date in Europe/London.

Exit status: 0 when every line was read (even if some had errors); 2 when the input cannot
be read.
"""


UTF8_BOM = "\ufeff".encode()


class _HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Keeps the format description's line breaks."""


class Command(BaseCommand):
    #: A pure calculation: it needs neither the database nor the URLconf, so the system
    #: checks (which import every URL module) are not run.
    requires_system_checks: list[str] = []
    help = (
        "Calculate tiers (v2 and v3) for a file of JSON Lines inputs, one result per line.\n\n"
        + FORMAT
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = _HelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input",
            required=True,
            metavar="FILE",
            help="JSON Lines file to read; - reads standard input",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["input"]
        try:
            if path == "-":
                self._run(sys.stdin.buffer)
            else:
                with open(path, "rb") as stream:
                    self._run(stream)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CommandError(f"cannot read {path}: {reason}", returncode=2) from error

    def _run(self, stream: IO[bytes]) -> None:
        for line in _lines(stream):
            if not line.strip():
                continue
            self.stdout.write(json.dumps(calculate_tier_text(line)))
            self.stdout.flush()


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    """Raw lines, decoded one at a time later so one badly encoded line cannot stop the rest."""
    for number, line in enumerate(stream):
        yield line.removeprefix(UTF8_BOM) if number == 0 else line
