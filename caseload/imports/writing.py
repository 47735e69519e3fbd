"""Writing a batch of rows and their history rows in bulk: `COPY` on PostgreSQL, one
`executemany` on SQLite. Rows are given as field values (attribute names: `person_id`); a
field left out takes its default, a creation time now, as the model's constructor would.

The history rows are the ones `simple_history.utils.bulk_create_with_history` writes: the
tracked fields, `+`, now, no reason and no user. On PostgreSQL the new rows' keys are taken from
the table's sequence first, so the history rows (and the rows that refer to them) know them
without reading anything back; on SQLite they are the ones its AUTOINCREMENT gives out, one
after another, since the batch's transaction holds the database's only write lock.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from django.db import connection, models
from django.utils import timezone
from simple_history.models import HistoricalChanges
from simple_history.utils import get_history_manager_for_model

HISTORY_FIELDS = {"history_id", "history_date", "history_change_reason", "history_type"}


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]


#: Fields whose values both databases take exactly as given.
PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
    models.OneToOneField,
)


def _preparer(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    """How one field's values go to the database (None: as they are): plain values (the
    import's rows give text, numbers, booleans and keys as their field's type) as they are,
    dates and times as the database takes them (in UTC on SQLite, as Django stores them),
    JSON as its text, anything else through the field as Django would prepare it. Preparing
    every value through its field costs half an import's time (docs/NOTES.md, "Issue 13:
    import")."""

    def prepared(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    if any(isinstance(field, kind) for kind in PLAIN):
        return None
    sqlite = connection.vendor == "sqlite"
    if type(field) is models.DateField:
        if sqlite:
            return lambda v: v.isoformat() if type(v) is date else prepared(v)
        return None  # psycopg sends dates as they are
    if type(field) is models.DateTimeField:
        if sqlite:
            return lambda v: (
                str(v.astimezone(UTC).replace(tzinfo=None))
                if type(v) is datetime and v.tzinfo is not None
                else prepared(v)
            )
        return None  # the import's moments carry their offset (`Fields.moment`), as `now` does
    if type(field) is models.JSONField and field.encoder is None:
        return lambda v: json.dumps(v) if v is not None or not field.null else None
    return prepared


def _rows(
    model: type[models.Model], given: Sequence[dict[str, Any]]
) -> tuple[list[str], list[list[Any]]]:
    """Each row's values in the table's column order, prepared as Django would save them."""
    fields = _fields(model)
    now = timezone.now()
    by_name = {f.attname: i for i, f in enumerate(fields)}
    template: list[Any] = []
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            template.append(now)
        elif f.has_default() and not callable(f.default):
            template.append(f.get_default())
        else:
            template.append(None)
    made = [i for i, f in enumerate(fields) if f.has_default() and callable(f.default)]
    prepare = [(i, p) for i, p in enumerate(map(_preparer, fields)) if p is not None]
    #: Where each row's values go, by the names it gives (the rows of a batch give the same).
    places: dict[tuple[str, ...], list[int]] = {}
    rows = []
    for values in given:
        names = tuple(values)
        place = places.get(names)
        if place is None:
            place = places[names] = [by_name[name] for name in names]
        row = template.copy()
        for i in made:
            row[i] = fields[i].get_default()
        for i, value in zip(place, values.values(), strict=True):
            row[i] = value
        for i, p in prepare:
            row[i] = p(row[i])
        rows.append(row)
    return [f.column for f in fields], rows


def _copy(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _executemany(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join("%s" for _ in columns)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {connection.ops.quote_name(table)} ({names}) VALUES ({marks})", rows
        )
        if connection.vendor != "sqlite":
            return 0
        cursor.execute("SELECT last_insert_rowid()")
        return int(cursor.fetchone()[0])


def _write(table: str, pk: str, columns: list[str], rows: list[list[Any]]) -> list[int]:
    """Inserts the rows; returns the keys they were given, in order."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), pk, len(rows)],
            )
            keys = [k for (k,) in cursor.fetchall()]
        _copy(table, [pk, *columns], [[k, *row] for k, row in zip(keys, rows, strict=True)])
        return keys
    last = _executemany(table, columns, rows)
    return list(range(last - len(rows) + 1, last + 1))


def insert_rows(model: type[models.Model], given: Sequence[dict[str, Any]]) -> list[int]:
    """Writes the rows (and their history rows, if the model keeps history); returns their keys
    in the order given. Call inside a transaction."""
    if not given:
        return []
    columns, rows = _rows(model, given)
    keys = _write(model._meta.db_table, model._meta.pk.column, columns, rows)
    history = _history_model(model)
    if history is not None:
        _write_history(history, model, columns, rows, keys)
    return keys


def _history_model(model: type[models.Model]) -> type[models.Model] | None:
    try:
        history = get_history_manager_for_model(model).model
    except Exception:  # simple_history raises its own NotHistoricalModelError
        return None
    return history if issubclass(history, HistoricalChanges) else None


def _write_history(
    history: type[models.Model],
    model: type[models.Model],
    columns: list[str],
    rows: list[list[Any]],
    keys: list[int],
) -> None:
    tracked = {f.column for f in history.tracked_fields}  # type: ignore[attr-defined]
    fields = [f for f in _fields(history) if f.attname not in HISTORY_FIELDS]
    unknown = {f.attname for f in fields if f.column not in tracked} - {"history_user_id"}
    if unknown:
        raise ValueError(f"{history._meta.label}: unexpected history fields {sorted(unknown)}")
    position = {c: i for i, c in enumerate(columns)}
    pk = model._meta.pk.column
    taken = [
        (f.column, None if f.column == pk else position[f.column])
        for f in fields
        if f.column in tracked
    ]
    stamp = [timezone.now(), None, "+"]
    stamp = [
        f.get_db_prep_save(v, connection)
        for f, v in zip(
            [
                history._meta.get_field(n)
                for n in ("history_date", "history_change_reason", "history_type")
            ],
            stamp,
            strict=True,
        )
    ]
    out_columns = [c for c, _ in taken] + [
        history._meta.get_field(n).column
        for n in ("history_date", "history_change_reason", "history_type")
    ]
    # Each history row's values taken from (key, *row) at once.
    places = [0 if i is None else i + 1 for _, i in taken]
    tracked_values = itemgetter(*places) if len(places) > 1 else lambda r: (r[places[0]],)
    out = [[*tracked_values((key, *row)), *stamp] for key, row in zip(keys, rows, strict=True)]
    if connection.vendor == "postgresql":
        _copy(history._meta.db_table, out_columns, out)
    else:
        _executemany(history._meta.db_table, out_columns, out)
