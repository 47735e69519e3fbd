"""`caseload bench workload` prints the time to compute every practitioner's capacity, with the
people and practitioner counts and practitioners a second (figures printed, never asserted)."""

from io import StringIO

import pytest
from django.core.management import call_command

from caseload.access.models import AuditEvent
from caseload.organisation.models import Staff
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db


def test_the_bench_runs_on_a_small_database_and_prints_its_figures(practitioner):
    case_held_by(practitioner)
    case_held_by(practitioner)
    out = StringIO()
    call_command("bench", "workload", "--n", "2", stdout=out)
    printed = out.getvalue().splitlines()
    assert printed[0] == (
        "workload: the capacity (points and hours) of every practitioner, 2 people in the "
        "database, 2 cases held today by 1 practitioners"
    )
    assert [line.split(":")[0] for line in printed[1:]] == ["  run 1", "  run 2"]
    assert all("practitioners/s (2 cases weighed, 1 weeks fitted)" in line for line in printed[1:])
    assert not Staff.objects.filter(user__username="bench-workload-analyst").exists()
    assert not AuditEvent.objects.filter(user__username="bench-workload-analyst").exists()


def test_the_bench_says_what_to_do_on_an_empty_database(db):
    out = StringIO()
    call_command("bench", "workload", stdout=out)
    assert "seed the demo" in out.getvalue()
