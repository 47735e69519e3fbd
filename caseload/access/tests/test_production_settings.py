"""`caseload check --deploy` passes with the production settings documented in
docs/operations.md, read from that page so that the page and the settings cannot drift apart."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from caseload.testing.settings_probe import settings_value

OPERATIONS = settings.REPO_DIR / "docs" / "operations.md"


def documented_production_environment() -> dict[str, str]:
    """The NAME=value lines of the first ```sh block under "## Production settings"."""
    text = OPERATIONS.read_text()
    section = text.split("## Production settings", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block, "docs/operations.md: no sh block under Production settings"
    pairs = (line.split("=", 1) for line in block.group(1).splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def deploy_check(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseload", "check", "--deploy", "--fail-level", "WARNING"],
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


def test_the_deploy_check_passes_with_the_documented_production_settings(tmp_path: Path) -> None:
    environment = documented_production_environment()
    assert environment["HTTPS"] == "true" and environment["DEBUG"] == "false"
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(50))
    environment["SECRET_KEY_FILE"] = str(key_file)
    environment["PGPASSWORD_FILE"] = str(key_file)

    result = deploy_check(environment)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_the_deploy_check_fails_without_https(tmp_path: Path) -> None:
    environment = documented_production_environment()
    environment["HTTPS"] = "false"
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(50))
    environment["SECRET_KEY_FILE"] = str(key_file)
    environment["PGPASSWORD_FILE"] = str(key_file)

    result = deploy_check(environment)

    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def test_a_database_url_names_the_postgresql_database(tmp_path: Path) -> None:
    url = "postgres://caseload:a%20secret@db.internal:5433/probation"
    shown = settings_value(
        {"DATABASE_URL": url},
        "[settings.DATABASES['default'][k] for k in ('ENGINE', 'HOST', 'PORT', 'NAME', "
        "'PASSWORD', 'OPTIONS')]",
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == (
        "['django.db.backends.postgresql', 'db.internal', 5433, 'probation', 'a secret', "
        "{'options': '-c jit=off'}]"
    )


def test_a_database_url_of_another_database_is_refused() -> None:
    shown = settings_value({"DATABASE_URL": "mysql://u:p@db/x"}, "1")
    assert shown.returncode != 0
    assert "DATABASE_URL must be a postgres:// URL" in shown.stderr


def test_the_server_is_configured_from_the_environment() -> None:
    shown = settings_value(
        {"BIND": "0.0.0.0:9000", "WEB_WORKERS": "3", "WEB_THREADS": "8"},
        "settings.WEB_BIND, settings.WEB_WORKERS, settings.WEB_THREADS",
    )
    assert shown.stdout.strip() == "0.0.0.0:9000 3 8", shown.stderr
    refused = settings_value({"WEB_WORKERS": "lots"}, "1")
    assert refused.returncode != 0 and "WEB_WORKERS" in refused.stderr
