"""The audit log is append-only: the ORM refuses first, and the database refuses whatever gets
past it (raw SQL, `flush`), on SQLite and on PostgreSQL alike."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import ProtectedError, QuerySet

from caseload.access.audit import record_audit
from caseload.access.models import AppendOnlyError, AuditEvent
from caseload.testing.audit_log import audit_log_purgeable
from caseload.testing.factories import UserFactory

TRIGGERS = {
    "postgresql": {"access_auditevent_no_update_or_delete", "access_auditevent_no_truncate"},
    "sqlite": {"access_auditevent_no_update", "access_auditevent_no_delete"},
}


@pytest.fixture
def event(practitioner, case):  # type: ignore[no-untyped-def]
    return record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)


def unchanged(event: AuditEvent) -> bool:
    stored = AuditEvent.objects.get(pk=event.pk)
    return (stored.action, stored.crn, stored.outcome) == (event.action, event.crn, "SUCCESS")


def refused_by_the_database(sql: str, params: list[object]) -> None:
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def installed_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger"
                " WHERE tgrelid = 'access_auditevent'::regclass AND NOT tgisinternal"
                " AND tgenabled <> 'D'"
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'access_auditevent'"
            )
        return {name for (name,) in cursor.fetchall()}


def test_the_database_has_the_append_only_triggers(db):  # type: ignore[no-untyped-def]
    assert installed_triggers() == TRIGGERS[connection.vendor]


def test_new_entries_are_still_written(practitioner, case):  # type: ignore[no-untyped-def]
    record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)
    AuditEvent(action="SIGN_IN").save()
    assert AuditEvent.objects.count() == 2


def test_the_orm_refuses_a_queryset_update(event):  # type: ignore[no-untyped-def]
    with pytest.raises(AppendOnlyError, match="append-only"):
        AuditEvent.objects.filter(pk=event.pk).update(outcome="FAIL")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([event], ["outcome"])
    assert unchanged(event)


def test_the_orm_refuses_a_queryset_delete(event):  # type: ignore[no-untyped-def]
    with pytest.raises(AppendOnlyError, match="deleting audit events"):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert unchanged(event)


def test_the_orm_refuses_to_save_or_delete_an_existing_entry(event):  # type: ignore[no-untyped-def]
    event.outcome = "FAIL"
    with pytest.raises(AppendOnlyError, match="changing an audit event"):
        event.save()
    with pytest.raises(AppendOnlyError, match="deleting an audit event"):
        event.delete()
    event.outcome = "SUCCESS"
    assert unchanged(event)


def test_a_new_entry_cannot_overwrite_an_existing_one(event):  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent(pk=event.pk, action="SIGN_IN").save()
    assert unchanged(event)


def test_past_the_orm_s_guard_the_database_still_refuses(event):  # type: ignore[no-untyped-def]
    """Django's own update, delete and save, called around our overrides."""
    event.outcome = "FAIL"
    for attempt in (
        lambda: QuerySet.update(AuditEvent.objects.filter(pk=event.pk), outcome="FAIL"),
        lambda: QuerySet.delete(AuditEvent.objects.filter(pk=event.pk)),
        lambda: models.Model.save(event, update_fields=["outcome"]),
        lambda: models.Model.delete(event),
    ):
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
            attempt()
    event.outcome = "SUCCESS"
    assert unchanged(event)


def test_the_database_refuses_a_raw_update(event):  # type: ignore[no-untyped-def]
    refused_by_the_database(
        "UPDATE access_auditevent SET outcome = 'FAIL' WHERE id = %s", [event.pk]
    )
    assert unchanged(event)


def test_the_database_refuses_a_raw_delete(event):  # type: ignore[no-untyped-def]
    refused_by_the_database("DELETE FROM access_auditevent WHERE id = %s", [event.pk])
    assert unchanged(event)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no TRUNCATE")
def test_the_database_refuses_a_truncate(event):  # type: ignore[no-untyped-def]
    connection.check_constraints()  # no deferred foreign-key check may be pending for TRUNCATE
    refused_by_the_database("TRUNCATE access_auditevent", [])
    assert unchanged(event)


def test_flush_cannot_empty_the_audit_log(event):  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError, match="couldn't be flushed"), transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
    assert unchanged(event)


def test_a_user_with_audit_entries_cannot_be_deleted(db):  # type: ignore[no-untyped-def]
    user = UserFactory()
    event = record_audit(user, "SIGN_IN")
    with pytest.raises(ProtectedError, match="AuditEvent.user"):
        user.delete()
    assert AuditEvent.objects.get(pk=event.pk).user == user


def test_only_test_teardown_s_purge_empties_the_table_and_the_triggers_come_back(event):  # type: ignore[no-untyped-def]
    with audit_log_purgeable(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM access_auditevent")
    assert not AuditEvent.objects.exists()
    assert installed_triggers() == TRIGGERS[connection.vendor]
    record_audit(None, "SIGN_IN")
    refused_by_the_database("DELETE FROM access_auditevent", [])


def test_a_failed_purge_leaves_the_triggers_in_place(event):  # type: ignore[no-untyped-def]
    with pytest.raises(ZeroDivisionError), audit_log_purgeable():
        1 / 0  # noqa: B018 - fails inside the purge
    assert installed_triggers() == TRIGGERS[connection.vendor]
    assert unchanged(event)


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_writes_entries_and_its_teardown_empties_them(practitioner, case):  # type: ignore[no-untyped-def]
    """Its teardown (Django's flush) is the proof: it fails if the triggers refuse it."""
    record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)
    assert AuditEvent.objects.count() == 1
