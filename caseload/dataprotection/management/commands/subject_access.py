from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from caseload.core.errors import AccessDenied
from caseload.dataprotection.export import subject_access_export


class Command(BaseCommand):
    help = (
        "Export everything held about one person (subject access) as JSON, as a named user; "
        "values to check before release are marked."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--crn", required=True, help="the person's CRN")
        parser.add_argument("--output", required=True, help="the JSON file to write ('-' = stdout)")
        parser.add_argument("--as", dest="username", required=True, help="the acting user")

    def handle(self, *args: Any, **o: Any) -> None:
        user = get_user_model().objects.filter(username=o["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"--as: no active user called {o['username']!r}")
        try:
            export = subject_access_export(user, o["crn"], format="json")
        except AccessDenied as exc:
            raise CommandError(f"--as: {o['username']} may not {exc.needs}") from exc
        except Http404 as exc:
            raise CommandError(f"--crn: no case {o['crn']!r} that {o['username']} may see") from exc
        if o["output"] == "-":
            self.stdout.write(export.as_text(), ending="")
            return
        try:
            Path(o["output"]).write_text(export.as_text(), encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"--output: cannot write {o['output']!r}: {exc.strerror}") from exc
        self.stderr.write(
            f"Wrote the subject-access export of {export.person.crn} to {o['output']}: "
            f"{export.marked} value(s) to check before release."
        )
