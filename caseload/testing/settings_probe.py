"""Read a setting as a fresh process with a given environment would see it: settings are read
once at start-up, so a test of how the environment shapes them must start Django anew."""

import os
import subprocess
import sys

from django.conf import settings


def settings_value(
    environment: dict[str, str], expression: str
) -> subprocess.CompletedProcess[str]:
    """Print `expression` (over `settings`) in a new process with only `environment` set."""
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "caseload.settings",
            **environment,
        },
        cwd=settings.REPO_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
