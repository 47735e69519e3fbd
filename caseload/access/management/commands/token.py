from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from caseload.access.tokens import create_token, revoke_token


class Command(BaseCommand):
    help = "Create or revoke API bearer tokens: `token create USERNAME`, `token revoke PREFIX`."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        create = sub.add_parser("create", help="print a new token for USERNAME (shown once)")
        create.add_argument("username")
        create.add_argument("--name", default="", help="what the token is for")
        create.add_argument(
            "--days",
            type=int,
            default=settings.API_TOKEN_DAYS,
            help=f"how many days the token works for (default {settings.API_TOKEN_DAYS})",
        )
        revoke = sub.add_parser(
            "revoke", help="revoke tokens starting with PREFIX (first 8 characters)"
        )
        revoke.add_argument("prefix")

    def handle(self, *args: Any, verb: str, **options: Any) -> None:
        if verb == "create":
            user = (
                get_user_model()
                .objects.filter(username=options["username"], is_active=True)
                .first()
            )
            if user is None:
                raise CommandError(f"username: no active user called {options['username']!r}")
            if options["days"] < 1:
                raise CommandError("--days: a token must work for at least one day")
            self.stdout.write(create_token(user, name=options["name"], days=options["days"]))
        else:
            revoked = revoke_token(options["prefix"])
            if not revoked:
                raise CommandError(f"prefix: no active token starts with {options['prefix']!r}")
            self.stdout.write(f"Revoked {revoked} token(s).")
