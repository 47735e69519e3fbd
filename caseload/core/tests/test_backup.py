"""`caseload backup` and `caseload restore`: a realistic small database backed up and restored
into a fresh one holds the same rows in every table (history and audit included), the same
triggers, and carries on taking writes. On SQLite in the normal run, on PostgreSQL in the
PostgreSQL run (each through its own native tools)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from caseload.testing.scratch import on_postgresql, scratch_database


def _tables():
    tables = {"django_migrations"}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    return sorted(tables)


def _counts(db):
    return {table: db.rows(f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in _tables()}


def _triggers(db):
    if on_postgresql():
        sql = "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        sql = "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
    return sorted(db.rows(sql))


def _a_practitioner_and_their_case(db):
    return db.rows(
        "SELECT u.username, p.crn FROM organisation_allocation a "
        "JOIN organisation_staff s ON s.id = a.staff_id JOIN auth_user u ON u.id = s.user_id "
        "JOIN people_person p ON p.id = a.person_id "
        "WHERE a.end_date IS NULL AND s.role = 'practitioner' ORDER BY p.crn LIMIT 1"
    )[0]


def _record_a_contact(db, username, crn):
    at = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    db.caseload(
        "record_contact", crn, "--as", username, "--type", "COAP", "--at", at, "--outcome", "ATTC"
    )


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """Seeded people with derived values, a contact recorded through an action (history and
    audit rows), and an API token."""
    with scratch_database(tmp_path_factory.mktemp("original")) as db:
        db.caseload("migrate", "-v0")
        db.caseload("seed", "--people", "25", "--seed", "4", "-v0")
        username, crn = _a_practitioner_and_their_case(db)
        _record_a_contact(db, username, crn)
        db.caseload("token", "create", username)
        yield db


def test_a_restored_backup_holds_every_row_of_every_table(original, tmp_path):
    counts = _counts(original)
    for table in ("people_person", "people_historicalperson", "access_auditevent"):
        assert counts[table] > 0, table
    backup = tmp_path / "caseload.backup"
    original.caseload("backup", "--output", str(backup))
    assert backup.stat().st_mode & 0o077 == 0  # readable by its owner only

    with scratch_database(tmp_path) as fresh:
        fresh.caseload("restore", "--input", str(backup))
        assert _counts(fresh) == counts
        assert _triggers(fresh) == _triggers(original)
        username, crn = _a_practitioner_and_their_case(fresh)
        _record_a_contact(fresh, username, crn)  # the ids carry on where they were
        assert _counts(fresh)["contacts_contact"] == counts["contacts_contact"] + 1


def test_a_backup_goes_through_a_pipe_and_a_full_database_is_only_replaced_on_request(
    original, tmp_path
):
    piped = original.pipe("backup", "--output", "-")
    assert piped.returncode == 0, piped.stderr
    with scratch_database(tmp_path) as fresh:
        assert fresh.pipe("restore", "--input", "-", stdin=piped.stdout).returncode == 0
        username, crn = _a_practitioner_and_their_case(fresh)
        _record_a_contact(fresh, username, crn)

        refused = fresh.pipe("restore", "--input", "-", stdin=piped.stdout)
        assert refused.returncode != 0
        assert b"The database is not empty" in refused.stderr

        replaced = fresh.pipe("restore", "--input", "-", "--replace", stdin=piped.stdout)
        assert replaced.returncode == 0, replaced.stderr
        assert _counts(fresh) == _counts(original)


def test_it_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a database")
    with scratch_database(tmp_path) as fresh:
        refused = fresh.pipe("restore", "--input", str(not_a_backup))
        assert refused.returncode != 0
        assert b"not" in refused.stderr
