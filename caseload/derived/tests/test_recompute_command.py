"""`caseload recompute`'s options: its workers, and what it refuses."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from caseload.derived.recompute import recompute_all

pytestmark = pytest.mark.django_db


def test_it_refuses_fewer_than_one_worker():
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("recompute", "--workers", "0", verbosity=0)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite has one writer")
def test_it_refuses_more_than_one_worker_on_sqlite():
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("recompute", "--workers", "2", verbosity=0)
    with pytest.raises(ValueError, match="Only PostgreSQL"):
        recompute_all(workers=2)


def test_it_reports_what_changed(practitioner, case, capsys):
    call_command("recompute", "--workers", "1")
    assert "Recomputed 1 people: 9 predictor scores, 1 tiers and" in capsys.readouterr().out
