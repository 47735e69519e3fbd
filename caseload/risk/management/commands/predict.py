"""`caseload predict NAME --input FILE`: score JSON Lines requests with one predictor."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caseload.risk.predictors import PREDICTOR_NAMES, calculate
from caseload.risk.predictors.errors import ErrorType, error
from caseload.risk.predictors.service import empty_output

_BATCH = 512


class Command(BaseCommand):
    help = (
        "Score actuarial predictors for JSON Lines requests.\n\n"
        "Reads one JSON object per line from FILE ('-' for stdin) and writes one JSON result per "
        "line to stdout, in the same order, streaming. A line that is not a JSON object (blank "
        "lines included, so line numbers stay aligned) gets an INVALID_REQUEST error and "
        f"processing goes on. NAME is one of: {', '.join(PREDICTOR_NAMES)}. Exit status 0 when "
        "every line was read, 2 for an unknown predictor or an unreadable file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", metavar="NAME", help=f"one of {', '.join(PREDICTOR_NAMES)}")
        parser.add_argument(
            "--input", required=True, metavar="FILE", help="JSON Lines file, or - for stdin"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["name"]
        if name not in PREDICTOR_NAMES:
            raise CommandError(
                f"unknown predictor {name!r}; expected one of {', '.join(PREDICTOR_NAMES)}",
                returncode=2,
            )
        path: str = options["input"]
        try:
            source = (
                io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
                if path == "-"
                else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
            )
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}", returncode=2) from exc
        invalid = empty_output(name)
        invalid["errors"] = [error(ErrorType.INVALID_REQUEST).to_json()]
        invalid_line = json.dumps(invalid) + "\n"
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        batch: list[str] = []
        try:
            with source:
                for line in source:
                    try:
                        request = json.loads(line)
                    except ValueError:
                        request = None
                    if isinstance(request, dict):
                        batch.append(dumps(calculate(name, request)) + "\n")
                    else:
                        batch.append(invalid_line)
                    if len(batch) >= _BATCH:
                        self._flush(batch)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}", returncode=2) from exc
        self._flush(batch)
        self.stdout.flush()

    def _flush(self, batch: list[str]) -> None:
        """Write buffered result lines at once: streaming, without a write call per line."""
        if batch:
            self.stdout.write("".join(batch), ending="")
            batch.clear()
