"""Test teardown only: let Django's `flush` empty the append-only audit table.

After every `transaction=True` test, Django's `TransactionTestCase` flushes the database with
`TRUNCATE` (PostgreSQL) or `DELETE FROM` (SQLite), which the audit table's triggers refuse (as
they should: `caseload flush` must not wipe the audit either). `audit_log_purgeable` opens a
transaction, takes the triggers away (PostgreSQL: `DISABLE TRIGGER USER`, which needs the
table's owner; SQLite: `DROP TRIGGER`, keeping each one's SQL from `sqlite_master`), runs the
flush inside it and puts the triggers back before it commits. DDL is transactional on both
databases, so if the flush fails the triggers were never gone, and no other connection ever
sees the table without them. The trigger itself has no switch that application code could set.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, transaction

TABLE = "access_auditevent"


@contextmanager
def audit_log_purgeable(using: str = "default") -> Iterator[None]:
    connection = connections[using]
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            # Inside a test's own transaction, deferred foreign-key checks would block the ALTER.
            connection.check_constraints()
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
            yield
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER USER")
        else:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                    [TABLE],
                )
                triggers = cursor.fetchall()
                for name, _ in triggers:
                    cursor.execute(f'DROP TRIGGER "{name}"')
            yield
            with connection.cursor() as cursor:
                for _, sql in triggers:
                    cursor.execute(sql)
