import json
import os
import secrets
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from tqdm import tqdm

from caseload.core.serving import serve, server_settings
from caseload.demo.seed import (
    DEMO_ROLES,
    demo_limited_access,
    seed_delivery_unit,
    set_demo_passwords,
)
from caseload.derived.recompute import recompute_all
from caseload.people.models import Person

DEMO_PEOPLE = 1500
DEMO_SEED = 2026


class Command(BaseCommand):
    help = (
        "Seed the demo delivery unit (about 1,500 people and 40 staff) if the database is "
        "empty, and serve it."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--info",
            action="store_true",
            help="print the demo users and limited-access cases as JSON and exit "
            "(seeds the demo first if the database is empty)",
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="seed only; do not start the server"
        )
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))

    def _seed(self, password: str) -> None:
        with tqdm(total=DEMO_PEOPLE, unit="people", desc="seed demo") as bar:
            seed_delivery_unit(
                people=DEMO_PEOPLE,
                seed=DEMO_SEED,
                password=password,
                demo_users=True,
                progress=bar.update,
            )
        with tqdm(total=DEMO_PEOPLE, unit="people", desc="scores and tiers") as bar:
            recompute_all(progress=bar.update)

    def handle(self, *args: Any, info: bool, no_serve: bool, port: int, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        password = os.environ.get("CASELOAD_DEMO_PASSWORD")
        if info:
            if not Person.objects.exists():
                shown = password or secrets.token_urlsafe(12)
                self._seed(shown)
                self.stderr.write(f"Seeded the demo. Password for every demo user: {shown}")
            users = [{"username": u, "role": str(r)} for u, r, _ in DEMO_ROLES]
            self.stdout.write(json.dumps({"users": users, "lao": demo_limited_access()}))
            return
        if not Person.objects.exists():
            shown = password or secrets.token_urlsafe(12)
            self._seed(shown)
            password_note = shown
        elif password:
            set_demo_passwords(password)
            password_note = password
        else:
            password_note = "(as printed when the demo was first seeded)"
        url = f"http://127.0.0.1:{port}/"
        self.stdout.write(f"\ncaseload demo: {url}")
        self.stdout.write(f"Sign in as any of: {', '.join(u for u, _, _ in DEMO_ROLES)}")
        self.stdout.write(f"Password: {password_note}\n")
        if not no_serve:
            # The production server (gunicorn + whitenoise), bound to loopback only.
            serve(server_settings(bind=f"127.0.0.1:{port}"))
