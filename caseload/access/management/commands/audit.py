"""`caseload audit export`: the audit log for an investigation, as CSV or JSON Lines.

The export is itself audited (`EXPORT_AUDIT`, with its filters and the operating-system user
who ran it) before any row is written, so even an interrupted export is on record. Rows are
those before that entry, oldest first, streamed from the database in chunks; written to
`--output FILE`, they go to a temporary file renamed into place at the end, so a failed export
leaves no half-written file.
"""

import csv
import getpass
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from caseload.access.audit import record_audit
from caseload.access.audit_log import AuditFilters, rows
from caseload.access.models import AuditEvent
from caseload.people.models import crn_validator

COLUMNS = [
    "id",
    "at",
    "username",
    "name",
    "role",
    "action",
    "description",
    "crn",
    "outcome",
    "outcome_description",
    "via",
    "where",
    "ip_address",
    "detail",
]


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option}: {text!r} is not a date; use YYYY-MM-DD") from None


def _filters(options: dict[str, Any]) -> AuditFilters:
    crn = (options["crn"] or "").upper()
    if crn and not crn_validator.regex.match(crn):
        raise CommandError(f"--crn: {options['crn']!r} is not a CRN (one letter, six digits)")
    username = options["user"] or ""
    if username and not get_user_model().objects.filter(username=username).exists():
        raise CommandError(f"--user: no user called {username!r}")
    filters = AuditFilters(
        crn=crn,
        username=username,
        from_date=_day("--from", options["from_date"]),
        to_date=_day("--to", options["to_date"]),
    )
    if not filters.as_detail():
        raise CommandError("give at least one of --crn, --user, --from and --to")
    if filters.from_date and filters.to_date and filters.to_date < filters.from_date:
        raise CommandError("--to: must be the same as or after --from")
    return filters


def write_csv(out: TextIO, found: Iterator[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in found:
        writer.writerow({**row, "detail": json.dumps(row["detail"], cls=DjangoJSONEncoder)})


def write_jsonl(out: TextIO, found: Iterator[dict[str, Any]]) -> None:
    for row in found:
        out.write(json.dumps(row, cls=DjangoJSONEncoder) + "\n")


WRITERS = {"csv": write_csv, "jsonl": write_jsonl}


class Command(BaseCommand):
    help = "Export the audit log for an investigation: `audit export --crn|--user|--from|--to`."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, metavar="{export}")
        export = sub.add_parser(
            "export",
            help="write the audit entries matching every filter given, oldest first",
            description="Write the audit entries matching every filter given (at least one), "
            "oldest first. Dates are whole UK days, both inclusive. The export is audited.",
        )
        export.add_argument("--crn", help="entries about this case")
        export.add_argument("--user", metavar="USERNAME", help="entries made by this user")
        export.add_argument("--from", dest="from_date", metavar="DATE", help="from YYYY-MM-DD")
        export.add_argument("--to", dest="to_date", metavar="DATE", help="to YYYY-MM-DD")
        export.add_argument("--format", choices=sorted(WRITERS), default="csv")
        export.add_argument(
            "--output", metavar="FILE", help="write to FILE instead of standard output"
        )

    def handle(self, *args: Any, verb: str, **options: Any) -> None:
        filters = _filters(options)
        output = _output(options["output"])
        detail = {
            "filters": filters.as_detail(),
            "format": options["format"],
            "os_user": _os_user(),
        }
        if output is not None:
            detail["output"] = str(output)
        marker = record_audit(None, "EXPORT_AUDIT", crn=filters.crn, detail=detail)
        found = rows(filters.apply(AuditEvent.objects.filter(pk__lt=marker.pk)))
        write = WRITERS[options["format"]]
        if output is None:
            write(self.stdout, found)
        else:
            _write_file(output, lambda out: write(out, found))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return str(os.getuid())


def _output(name: str | None) -> Path | None:
    if name is None:
        return None
    path = Path(name).resolve()
    if not path.parent.is_dir():
        raise CommandError(f"--output: no directory {str(path.parent)!r}")
    return path


def _write_file(path: Path, write: Callable[[TextIO], None]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
