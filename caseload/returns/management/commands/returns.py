"""`caseload returns list` and `caseload returns export NAME --format csv|xlsx --out FILE`."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from caseload.access.capabilities import Capability, has_capability
from caseload.core.replica import reading_from_replica, replica_state
from caseload.returns import freshness
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.exporting import export
from caseload.returns.registry import Return, all_returns, get_return
from caseload.returns.scope import ReturnFilterError, scope_for
from caseload.returns.writers import FORMATS


def _day(option: str) -> Any:
    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(
                f"{option} must be a real date written YYYY-MM-DD, not {text!r}"
            ) from exc

    return parse


class Command(BaseCommand):
    help = "List the returns, or export one to CSV or XLSX as a named user."

    def add_arguments(self, parser: Any) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="list|export")
        commands.add_parser("list", help="every return, with its name")
        out = commands.add_parser("export", help="write one return to a file")
        out.add_argument("name", help="the return's name (caseload returns list)")
        out.add_argument("--format", choices=FORMATS, required=True)
        out.add_argument("--out", required=True, help="the file to write")
        out.add_argument("--as", dest="username", required=True, help="the acting user")
        out.add_argument("--as-at", type=_day("--as-at"), help="YYYY-MM-DD; today if not given")
        out.add_argument("--period-from", type=_day("--period-from"), help="YYYY-MM-DD")
        for unit in ("region", "delivery-unit", "team"):
            out.add_argument(f"--{unit}", default="", help=f"the {unit.replace('-', ' ')}'s code")
        out.add_argument("--practitioner", default="", help="a practitioner's username")

    def handle(self, *args: Any, **o: Any) -> None:
        if o["action"] == "list":
            for declared in all_returns():
                self.stdout.write(f"{declared.name:<24} {declared.title}")
            return
        self._export(o)

    def _export(self, o: dict[str, Any]) -> None:
        declared = get_return(o["name"])
        if declared is None:
            names = ", ".join(r.name for r in all_returns())
            raise CommandError(f"name: no return called {o['name']!r}; one of {names}")
        user = get_user_model().objects.filter(username=o["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"--as: no active user called {o['username']!r}")
        if not has_capability(user, Capability.EXPORT_RETURNS):
            raise CommandError(f"--as: {o['username']} may not {Capability.EXPORT_RETURNS}")
        with reading_from_replica():
            self._write(declared, user, o)

    def _write(self, declared: Return, user: Any, o: dict[str, Any]) -> None:
        read_from = freshness.in_words(replica_state())
        try:
            scope = scope_for(
                user,
                ReturnFilters(
                    as_at=o["as_at"] or timezone.localdate(),
                    period_from=o["period_from"],
                    region=o["region"],
                    delivery_unit=o["delivery_unit"],
                    team=o["team"],
                    practitioner=o["practitioner"],
                ),
            )
        except ReturnFilterError as problems:
            raise CommandError(
                "; ".join(f"--{p.field.replace('_', '-')}: {p.message}" for p in problems.problems)
            ) from problems
        try:
            with (
                Path(o["out"]).open("wb") as target,
                tqdm(unit="rows", desc=declared.name, disable=o["verbosity"] == 0) as bar,
            ):
                rows = export(declared, scope, o["format"], target, progress=bar.update)
        except OSError as exc:
            raise CommandError(f"--out: cannot write {o['out']!r}: {exc.strerror}") from exc
        self.stderr.write(f"Wrote {rows:,} rows of {declared.title.lower()} to {o['out']}.")
        if read_from:
            self.stderr.write(read_from)
