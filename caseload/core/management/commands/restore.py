from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caseload.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `caseload backup` into the configured database, which must "
        "be empty (or --replace). Stop the service first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input", required=True, metavar="FILE", help="the backup; - for stdin"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace everything in a database that is not empty",
        )

    def handle(self, *args: Any, input: str, replace: bool, **options: Any) -> None:
        try:
            restore(input, replace=replace)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("Restored the database. Run `caseload migrate` if the code is newer.")
