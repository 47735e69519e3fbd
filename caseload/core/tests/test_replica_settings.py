"""`DATABASE_REPLICA_URL` adds the `replica` alias and its router; without it nothing changes."""

from pathlib import Path

from caseload.testing.settings_probe import settings_value

PRIMARY = "postgres://caseload:secret@db.internal/caseload"
REPLICA = "postgres://caseload:secret@replica.internal:5433/caseload"


def test_a_replica_url_adds_the_replica_alias_mirrored_in_tests_and_its_router() -> None:
    shown = settings_value(
        {"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URL": REPLICA},
        "[settings.DATABASES['replica'][k] for k in ('ENGINE', 'HOST', 'PORT', 'NAME', 'OPTIONS')],"
        " settings.DATABASES['replica']['TEST']['MIRROR'], settings.DATABASE_ROUTERS,"
        " settings.REPLICA_READS",
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == (
        "['django.db.backends.postgresql', 'replica.internal', 5433, 'caseload', "
        "{'options': '-c jit=off'}] default ['caseload.core.replica.ReplicaRouter'] True"
    )


def test_the_replica_url_may_be_read_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "replica_url"
    secret.write_text(REPLICA + "\n")
    shown = settings_value(
        {"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URL_FILE": str(secret)},
        "settings.DATABASES['replica']['HOST']",
    )
    assert shown.stdout.strip() == "replica.internal", shown.stderr


def test_without_a_replica_url_there_is_one_database_and_no_router() -> None:
    shown = settings_value(
        {"DATABASE_URL": PRIMARY}, "list(settings.DATABASES), settings.DATABASE_ROUTERS"
    )
    assert shown.stdout.strip() == "['default'] []", shown.stderr


def test_replica_reads_can_be_turned_off_without_removing_the_replica() -> None:
    shown = settings_value(
        {"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URL": REPLICA, "REPLICA_READS": "false"},
        "'replica' in settings.DATABASES, settings.REPLICA_READS",
    )
    assert shown.stdout.strip() == "True False", shown.stderr


def test_a_replica_of_sqlite_or_of_another_database_is_refused() -> None:
    sqlite = settings_value({"DATABASE_REPLICA_URL": REPLICA}, "1")
    assert sqlite.returncode != 0
    assert "DATABASE_REPLICA_URL needs a PostgreSQL primary" in sqlite.stderr
    mysql = settings_value(
        {"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URL": "mysql://u:p@db/x"}, "1"
    )
    assert mysql.returncode != 0
    assert "DATABASE_REPLICA_URL must be a postgres:// URL" in mysql.stderr
