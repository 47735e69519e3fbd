"""`caseload serve`: gunicorn with threaded workers sized from the CPU count, configured by
option or environment, and a configuration gunicorn itself accepts."""

import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caseload.core.serving import gunicorn_arguments, server_settings


def test_by_default_it_listens_on_loopback_with_a_threaded_worker_per_core():
    chosen = server_settings()
    assert chosen.bind == "127.0.0.1:8000"
    assert chosen.workers == (os.cpu_count() or 1)
    assert chosen.threads == 4
    arguments = gunicorn_arguments(chosen)
    assert arguments[1] == "caseload.wsgi"
    assert arguments[arguments.index("--worker-class") + 1] == "gthread"


def test_options_win_over_the_settings(settings):
    settings.WEB_BIND = "0.0.0.0:9000"
    settings.WEB_WORKERS = 3
    settings.WEB_THREADS = 8
    from_environment = server_settings()
    assert (from_environment.bind, from_environment.workers, from_environment.threads) == (
        "0.0.0.0:9000",
        3,
        8,
    )
    chosen = server_settings(bind="127.0.0.1:8001", workers=1)
    assert (chosen.bind, chosen.workers, chosen.threads) == ("127.0.0.1:8001", 1, 8)


def test_gunicorn_accepts_the_configuration(capsys):
    call_command("serve", "--check", "--bind", "127.0.0.1:8123", "--workers", "2")
    assert "Would serve on 127.0.0.1:8123 with 2 workers" in capsys.readouterr().out


def test_a_bad_number_of_workers_is_refused():
    with pytest.raises(CommandError, match="workers"):
        call_command("serve", "--check", "--workers", "0")
