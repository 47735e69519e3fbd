import subprocess
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caseload.core.serving import gunicorn_arguments, serve, server_settings


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Serve caseload with gunicorn (threaded workers, a worker per CPU by default) and "
        "whitenoise. Configured from the environment: BIND, WEB_WORKERS, WEB_THREADS, "
        "WEB_TIMEOUT, and the database and security settings in docs/operations.md."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--bind", help="address:port to listen on (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=_positive, help="worker processes")
        parser.add_argument("--threads", type=_positive, help="threads per worker")
        parser.add_argument("--check", action="store_true", help="check the configuration and exit")

    def handle(
        self,
        *args: Any,
        bind: str | None,
        workers: int | None,
        threads: int | None,
        check: bool,
        **options: Any,
    ) -> None:
        chosen = server_settings(bind=bind, workers=workers, threads=threads)
        if check:
            checked = subprocess.run(
                gunicorn_arguments(chosen, check_only=True), capture_output=True, text=True
            )
            if checked.returncode != 0:
                raise CommandError(f"gunicorn refused the configuration: {checked.stderr}")
            self.stdout.write(
                f"Would serve on {chosen.bind} with {chosen.workers} workers of "
                f"{chosen.threads} threads"
            )
            return
        self.stdout.write(f"Serving on http://{chosen.bind}/")
        serve(chosen)
