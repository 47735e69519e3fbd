"""How caseload is served: gunicorn with threaded workers, static files from whitenoise.

One place builds gunicorn's arguments, for `caseload serve` (production) and `caseload demo`
(the same server on loopback), so that the demo is served exactly as production is. Sized from
the CPU count as gunicorn's documentation suggests for threaded workers (one process per core,
several threads each: https://docs.gunicorn.org/en/stable/design.html#how-many-workers), and
configurable by environment variable or option.
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class ServerSettings:
    bind: str
    workers: int
    threads: int
    timeout: int


def server_settings(
    *,
    bind: str | None = None,
    workers: int | None = None,
    threads: int | None = None,
) -> ServerSettings:
    """Options given win over the settings (from `BIND`, `WEB_WORKERS`, `WEB_THREADS`,
    `WEB_TIMEOUT`), whose defaults are loopback and a worker per core."""
    return ServerSettings(
        bind=bind or settings.WEB_BIND,
        workers=workers or settings.WEB_WORKERS or os.cpu_count() or 1,
        threads=threads or settings.WEB_THREADS,
        timeout=settings.WEB_TIMEOUT,
    )


def gunicorn_arguments(chosen: ServerSettings, *, check_only: bool = False) -> list[str]:
    """gunicorn's command line for `chosen`; `check_only` checks the configuration and exits."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    arguments = [
        gunicorn,
        "caseload.wsgi",
        "--bind",
        chosen.bind,
        "--worker-class",
        "gthread",
        "--workers",
        str(chosen.workers),
        "--threads",
        str(chosen.threads),
        "--timeout",
        str(chosen.timeout),
        "--access-logfile",
        "-",
    ]
    return [*arguments, "--check-config"] if check_only else arguments


def serve(chosen: ServerSettings) -> None:
    """Replace this process with gunicorn, so signals from systemd reach it directly."""
    sys.stdout.flush()
    arguments = gunicorn_arguments(chosen)
    os.execv(arguments[0], arguments)
