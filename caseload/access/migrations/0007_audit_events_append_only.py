"""The database refuses to change or delete an audit entry (see `AuditEvent`'s docstring).

PostgreSQL: one trigger function, raised by a row trigger before UPDATE or DELETE and by a
statement trigger before TRUNCATE. SQLite: a row trigger before UPDATE and one before DELETE,
each `RAISE(ABORT, ...)`. Both fail with an integrity error (SQLSTATE 23001 on PostgreSQL,
SQLITE_CONSTRAINT_TRIGGER on SQLite) and leave the row as it was.
"""

from django.db import migrations

MESSAGE = "audit events are append-only"

POSTGRESQL = [
    f"""
    CREATE FUNCTION access_auditevent_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION USING
            MESSAGE = '{MESSAGE}: ' || TG_OP || ' on ' || TG_TABLE_NAME || ' refused',
            ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    """
    CREATE TRIGGER access_auditevent_no_update_or_delete
    BEFORE UPDATE OR DELETE ON access_auditevent
    FOR EACH ROW EXECUTE FUNCTION access_auditevent_refuse_change()
    """,
    """
    CREATE TRIGGER access_auditevent_no_truncate
    BEFORE TRUNCATE ON access_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION access_auditevent_refuse_change()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS access_auditevent_no_truncate ON access_auditevent",
    "DROP TRIGGER IF EXISTS access_auditevent_no_update_or_delete ON access_auditevent",
    "DROP FUNCTION IF EXISTS access_auditevent_refuse_change()",
]

SQLITE = [
    f"""
    CREATE TRIGGER access_auditevent_no_update BEFORE UPDATE ON access_auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER access_auditevent_no_delete BEFORE DELETE ON access_auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS access_auditevent_no_delete",
    "DROP TRIGGER IF EXISTS access_auditevent_no_update",
]

FORWARD = {"postgresql": POSTGRESQL, "sqlite": SQLITE}
REVERSE = {"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise NotImplementedError(f"No append-only triggers written for {vendor}")
        for statement in statements[vendor]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0006_audit_event_origin"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(REVERSE), elidable=False),
    ]
