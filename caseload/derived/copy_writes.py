"""Bulk writes on PostgreSQL with `COPY`: what `CacheWrites.apply` uses there for large plans.

Building a multi-row `INSERT` or a `CASE WHEN` bulk update costs Django more than PostgreSQL
takes to run it. Rows go instead through `COPY` (psycopg adapts each value) into a temporary
staging table shaped like the cache, and one set-based upsert on the primary key writes them:
rows already stored keep their id and are updated, new ones take the next id.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext

from django.db import connection, models

#: Below this many rows, Django's bulk writes are cheaper than a staging table.
COPY_FROM = 50


def use_copy(rows: int) -> bool:
    return connection.vendor == "postgresql" and rows >= COPY_FROM


def _columns(model: type[models.Model]) -> list[models.Field]:  # type: ignore[type-arg]
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _copy(table: str, columns: list[str], rows: list[tuple[object, ...]]) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
    with connection.cursor() as cursor:
        # Logged like any query where queries are (DEBUG, tests' CaptureQueriesContext).
        logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
        with logged, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def _values(
    obj: models.Model,
    fields: Sequence[models.Field],  # type: ignore[type-arg]
) -> tuple[object, ...]:
    return tuple(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields)


def copy_insert(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Append new rows (their ids from the table's own sequence)."""
    fields = _columns(model)
    _copy(model._meta.db_table, [f.column for f in fields], [_values(o, fields) for o in objs])


def copy_upsert(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Write whole rows: those with an id replace the stored row, the others are created."""
    meta = model._meta
    table, pk = meta.db_table, meta.pk.column
    fields = _columns(model)
    columns = [f.column for f in fields]
    stage = connection.ops.quote_name(f"stage_{table}")
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS "
            f"AS SELECT * FROM {q(table)} WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {stage}")
    _copy(
        f"stage_{table}",
        [pk, *columns],
        [(o.pk, *_values(o, fields)) for o in objs],
    )
    listed = ", ".join(q(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(table)} ({q(pk)}, {listed}) "
            f"SELECT COALESCE({q(pk)}, nextval(pg_get_serial_sequence(%s, %s))), {listed} "
            f"FROM {stage} "
            f"ON CONFLICT ({q(pk)}) DO UPDATE SET "
            + ", ".join(f"{q(c)} = EXCLUDED.{q(c)}" for c in columns),
            [table, pk],
        )
