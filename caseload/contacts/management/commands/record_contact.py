from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.core.errors import ActionInvalid


def _when(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--at: {text!r} is not a date and time like 2026-11-20T14:30") from exc
    return value if timezone.is_aware(value) else timezone.make_aware(value)


class Command(BaseCommand):
    help = "Record a contact on a case, as a named user (the same rules as the page and the API)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("crn")
        parser.add_argument("--as", dest="username", required=True, help="the acting user")
        parser.add_argument(
            "--type", dest="contact_type", required=True, help="contact type code, e.g. COAP"
        )
        parser.add_argument(
            "--at", required=True, help="when, e.g. 2026-11-20T14:30 (Europe/London)"
        )
        parser.add_argument("--outcome", default="", help="outcome code; required for appointments")
        parser.add_argument(
            "--enforcement",
            default="",
            help="enforcement decision code; required when the outcome is a failure to comply",
        )
        parser.add_argument("--notes", default="")

    def handle(self, *args: Any, **o: Any) -> None:
        user = get_user_model().objects.filter(username=o["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"--as: no active user called {o['username']!r}")
        try:
            contact = record_contact(
                o["crn"],
                acting_user=user,
                contact_type=o["contact_type"],
                happened_at=_when(o["at"]),
                outcome=o["outcome"],
                enforcement_action=o["enforcement"],
                notes=o["notes"],
            )
        except ActionInvalid as exc:
            raise CommandError(
                "\n".join(f"{p.field}: {p.message} ({p.rule})" for p in exc.problems)
            ) from exc
        except Http404 as exc:
            raise CommandError(
                f"crn: no case {o['crn']!r} that {o['username']} may change"
            ) from exc
        self.stdout.write(f"Recorded contact {contact.pk} on {contact.person.crn}.")
