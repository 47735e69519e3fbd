from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caseload.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the whole database to a file (SQLite: online backup API; PostgreSQL: "
        "pg_dump -Fc). Encrypt it at rest: see docs/operations.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", required=True, metavar="FILE", help="where to write it; - for stdout"
        )

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        try:
            backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if output != "-":
            self.stdout.write(f"Backed up the database to {output} (readable by you only).")
