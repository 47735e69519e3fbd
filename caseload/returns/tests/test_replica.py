"""Returns and their exports read a real PostgreSQL streaming replica; everything else, and
every write, goes to the primary.

`scripts/with-test-postgres` with `PGTEST_REPLICA_PORT` starts a hot standby streaming from the
test cluster (`pg_basebackup -R`) and names it in `DATABASE_REPLICA_URL`; the `replica` alias
is a test mirror, so it reads the primary's test database *on the standby's server*. These tests
commit what they write (`transaction=True`), as only committed changes stream.

The proof that a return read the standby, not the primary, is lag made visible: with replay
paused on the standby, a registration recorded on the primary is missing from every surface of
the risk register (page, API, CSV, XLSX, command), while the case page (which reads the
primary) already shows it; once replay resumes and has caught up, every surface shows it. If
replication stopped, the second half would fail; if a surface read the primary, the first.

`scripts/test` sets `CASELOAD_REQUIRE_REPLICA=1` in its PostgreSQL lane, where a missing
replica fails these tests instead of skipping them.
"""

import csv
import io
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import openpyxl
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.access.tokens import create_token
from caseload.core.replica import REPLICA, reading_from_replica
from caseload.people.models import Person
from caseload.risk.actions import register_flag
from caseload.testing.factories import case_held_by

CONFIGURED = REPLICA in settings.DATABASES
REQUIRED = os.environ.get("CASELOAD_REQUIRE_REPLICA") == "1"
RETURN = "risk-register"

pytestmark = pytest.mark.django_db(
    transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA] if CONFIGURED else [DEFAULT_DB_ALIAS]
)


@pytest.fixture(autouse=True)
def replica(settings):  # type: ignore[no-untyped-def]
    """The standby, with returns reading it (the suite's other tests read the primary)."""
    if not CONFIGURED:
        reason = (
            "needs a PostgreSQL streaming replica in DATABASE_REPLICA_URL: "
            "PGTEST_REPLICA_PORT=5434 scripts/with-test-postgres starts one, as make test does"
        )
        if REQUIRED:
            pytest.fail(f"CASELOAD_REQUIRE_REPLICA=1 but this run {reason}")
        pytest.skip(reason)
    settings.REPLICA_READS = True
    return connections[REPLICA]


def _one(alias: str, sql: str, params: list[object] | None = None) -> object:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replay(seconds: float = 10) -> None:
    """Until the standby has replayed everything the primary had written when asked."""
    written = _one(DEFAULT_DB_ALIAS, "SELECT pg_current_wal_lsn()")
    deadline = time.monotonic() + seconds
    while not _one(REPLICA, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [written]):
        if time.monotonic() > deadline:
            pytest.fail(f"the standby did not replay the primary's WAL to {written} in {seconds} s")
        time.sleep(0.02)


@contextmanager
def replay_paused() -> Iterator[None]:
    """The standby stops applying the primary's changes (it still receives them)."""
    _one(REPLICA, "SELECT pg_wal_replay_pause()::text")
    try:
        assert _one(REPLICA, "SELECT pg_get_wal_replay_pause_state()") != "not paused"
        yield
    finally:
        _one(REPLICA, "SELECT pg_wal_replay_resume()::text")


@pytest.fixture
def analyst_client(analyst) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(analyst.user)
    return client


def _bearer(user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}


def _register(case: Person, practitioner) -> None:  # type: ignore[no-untyped-def]
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="ADVP",
        registered_on=timezone.localdate() - timedelta(days=30),
    )


def _listed_everywhere(client: Client, analyst, tmp_path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The risk register as each surface gives it, as text to look for a CRN in."""
    page = client.get(reverse("return_page", args=[RETURN]))
    assert page.status_code == 200
    api = client.get(f"/api/v1/returns/{RETURN}", **_bearer(analyst.user))
    assert api.status_code == 200
    csv_response = client.get(reverse("return_download_csv", args=[RETURN]))
    csv_text = b"".join(csv_response.streaming_content).decode()
    xlsx = client.get(reverse("return_download_xlsx", args=[RETURN]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    out = tmp_path / "register.csv"
    err = io.StringIO()
    call_command(
        "returns", "export", RETURN, "--format", "csv", "--out", str(out),
        "--as", analyst.user.username, stderr=err, verbosity=0,
    )  # fmt: skip
    return {
        "page": page.content.decode(),
        "api": str([row["crn"] for row in api.json()["rows"]]),
        "csv": str([row[0] for row in csv.reader(io.StringIO(csv_text))]),
        "xlsx": str([row[0] for row in sheet.iter_rows(values_only=True)]),
        "command": out.read_text(),
        "command says": err.getvalue(),
    }


def test_the_replica_is_a_standby_of_the_primary_on_another_server(replica):
    assert _one(REPLICA, "SELECT pg_is_in_recovery()") is True
    assert _one(DEFAULT_DB_ALIAS, "SELECT pg_is_in_recovery()") is False
    assert _one(REPLICA, "SELECT inet_server_port()") == int(settings.DATABASES[REPLICA]["PORT"])
    assert _one(REPLICA, "SELECT inet_server_port()") != _one(
        DEFAULT_DB_ALIAS, "SELECT inet_server_port()"
    )
    assert _one(REPLICA, "SELECT current_database()") == _one(
        DEFAULT_DB_ALIAS, "SELECT current_database()"
    )


def test_the_standby_refuses_writes(replica, case):
    wait_for_replay()
    assert Person.objects.using(REPLICA).filter(pk=case.pk).exists()
    with pytest.raises(DatabaseError, match="read-only"):
        Person.objects.using(REPLICA).filter(pk=case.pk).update(first_name="Changed")


def test_only_reads_inside_reading_from_replica_go_to_the_replica(replica):
    assert router.db_for_read(Person) == DEFAULT_DB_ALIAS
    with reading_from_replica():
        assert router.db_for_read(Person) == REPLICA
        assert router.db_for_write(Person) == DEFAULT_DB_ALIAS
        assert Person.objects.all().db == REPLICA
        assert Person.objects.select_for_update().db == DEFAULT_DB_ALIAS
    assert Person.objects.all().db == DEFAULT_DB_ALIAS


def test_with_replica_reads_off_returns_read_the_primary(replica, settings):
    settings.REPLICA_READS = False
    with reading_from_replica():
        assert router.db_for_read(Person) == DEFAULT_DB_ALIAS


def test_every_surface_of_a_return_reads_the_replica_and_shows_a_fact_once_replayed(
    replica, practitioner, analyst, analyst_client, tmp_path
):
    earlier = case_held_by(practitioner)
    _register(earlier, practitioner)
    later = case_held_by(practitioner)
    wait_for_replay()
    audited = AuditEvent.objects.filter(action__in=("VIEW_RETURN", "EXPORT_RETURN")).count()

    with replay_paused():
        _register(later, practitioner)
        recorded_at = timezone.now()
        stale = _listed_everywhere(analyst_client, analyst, tmp_path)
        # The case page reads the primary: the registration is there already.
        practitioner_client = Client()
        practitioner_client.force_login(practitioner.user)
        risk_page = practitioner_client.get(reverse("case_risk", args=[later.crn]))
        assert "Domestic abuse perpetrator" in risk_page.content.decode()

    for surface in ("page", "api", "csv", "xlsx", "command"):
        assert earlier.crn in stale[surface], surface
        assert later.crn not in stale[surface], f"the {surface} read the primary, not the replica"
    assert "copy of the records kept for returns" in stale["page"]
    assert "copy of the records kept for returns" in stale["command says"]
    # The reads' audit entries were written, on the primary, while the standby was paused.
    after = AuditEvent.objects.filter(action__in=("VIEW_RETURN", "EXPORT_RETURN")).count()
    assert after == audited + 5

    wait_for_replay()
    current = _listed_everywhere(analyst_client, analyst, tmp_path)
    for surface in ("page", "api", "csv", "xlsx", "command"):
        assert later.crn in current[surface], f"the {surface} never showed the replicated fact"
    api = analyst_client.get(f"/api/v1/returns/{RETURN}", **_bearer(analyst.user)).json()
    assert datetime.fromisoformat(api["recorded_up_to"]) >= recorded_at


def test_a_return_read_from_a_replica_that_is_behind_says_up_to_when(
    replica, practitioner, analyst, analyst_client
):
    case = case_held_by(practitioner)
    wait_for_replay()
    with replay_paused():
        registering = timezone.now()
        _register(case, practitioner)
        api = analyst_client.get(f"/api/v1/returns/{RETURN}", **_bearer(analyst.user)).json()
        page = analyst_client.get(reverse("return_page", args=[RETURN])).content.decode()
    assert api["recorded_up_to"] is not None
    assert datetime.fromisoformat(api["recorded_up_to"]) < registering
    assert "they include every change recorded up to" in page
