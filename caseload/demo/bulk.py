"""Bulk inserts for the seed: the same rows as `simple_history.utils.bulk_create_with_history`,
written faster on SQLite.

Django's `bulk_create` compiles one statement with a placeholder per value, and passes each
value through its field's preparation on the way; at 100,000 people that is tens of millions
of Python calls and most of the seed's time (`docs/NOTES.md`, "Seeding speed"). On SQLite this
prepares each row once, the plain values (text, whole numbers, booleans, keys) as they are and
the others through their field as Django would, and hands the rows to `executemany` with a
one-row statement. The keys are the ones the table's AUTOINCREMENT gives out: one after
another, since the seed holds the database's write lock for its whole transaction.
Other databases go through `bulk_create_with_history` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

M = TypeVar("M", bound=models.Model)

#: Fields whose values sqlite3 stores exactly as Django would, when of the given type.
PLAIN = {
    models.CharField: str,
    models.TextField: str,
    models.IntegerField: int,
    models.BooleanField: bool,
    models.ForeignKey: int,
}


def _preparer(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """How one field's values go to the database: as they are when plain, as Django prepares
    them otherwise (dates and times in UTC, decimals, JSON, ...)."""

    def prepared(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    plain = next((t for kind, t in PLAIN.items() if isinstance(field, kind)), None)
    if plain is not None:
        return lambda v: v if v is None or type(v) is plain else prepared(v)
    if type(field) is models.DateField:
        return lambda v: v.isoformat() if type(v) is date else prepared(v)
    if type(field) is models.DateTimeField:
        # Django's own steps for an aware time on SQLite: in the connection's zone (UTC), naive.
        utc = connection.timezone
        return lambda v: (
            str(v.astimezone(utc).replace(tzinfo=None))
            if type(v) is datetime and v.tzinfo is not None
            else prepared(v)
        )
    return prepared


def _insert(model: type[models.Model], columns: Sequence[str], rows: list[list[Any]]) -> range:
    """Inserts the rows; returns the keys they were given, in order."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        if cursor.rowcount != len(rows):
            raise RuntimeError(f"{model._meta.label}: {cursor.rowcount} of {len(rows)} inserted")
        cursor.execute("SELECT last_insert_rowid()")
        last = cursor.fetchone()[0]
    return range(last - len(rows) + 1, last + 1)


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]


def _write_objects(
    objs: Sequence[models.Model], model: type[models.Model]
) -> tuple[list[str], list[list[Any]]]:
    """Inserts the objects and gives them their keys; returns the columns and rows written."""
    fields = _fields(model)
    prepare = [_preparer(f) for f in fields]
    stamped = [
        f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    related = [f for f in fields if f.is_relation]
    rows = []
    for obj in objs:
        for f in stamped:
            f.pre_save(obj, add=True)
        for f in related:
            if getattr(obj, f.attname) is None and f.is_cached(obj):  # type: ignore[attr-defined]
                target = f.get_cached_value(obj)  # type: ignore[attr-defined]
                if target is not None:
                    if target.pk is None:
                        raise ValueError(f"{model._meta.label}.{f.name} is not saved yet")
                    setattr(obj, f.attname, target.pk)
        rows.append([p(getattr(obj, f.attname)) for f, p in zip(fields, prepare, strict=True)])
    columns = [f.column for f in fields]
    keys = _insert(model, columns, rows)
    for obj, pk in zip(objs, keys, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
    return [model._meta.pk.column, *columns], [
        [pk, *row] for pk, row in zip(keys, rows, strict=True)
    ]


def _write_history(
    model: type[models.Model],
    columns: list[str],
    written: list[list[Any]],
) -> None:
    """One "+" history row per object, as `bulk_history_create` writes them: the tracked
    fields (as prepared for the object's own row), now, no change reason, and the user
    simple_history finds (none outside a request)."""
    history = get_history_manager_for_model(model).model
    tracked = {f.attname for f in history.tracked_fields}
    fields = _fields(history)
    fixed: dict[str, Any] = {
        "history_date": timezone.now(),
        "history_type": "+",
        "history_change_reason": None,
    }
    user = history.get_default_history_user(None)
    fixed["history_user_id"] = getattr(user, "pk", None)
    unknown = {f.attname for f in fields} - tracked - set(fixed)
    if unknown or hasattr(history, "history_relation"):
        raise ValueError(f"{history._meta.label}: unexpected history fields {sorted(unknown)}")
    by_column = {c: i for i, c in enumerate(columns)}
    template = [None if f.attname in tracked else _preparer(f)(fixed[f.attname]) for f in fields]
    copied = [(j, by_column[f.column]) for j, f in enumerate(fields) if f.attname in tracked]
    rows = []
    for row in written:
        values = template.copy()
        for j, i in copied:
            values[j] = row[i]
        rows.append(values)
    _insert(history, [f.column for f in fields], rows)


def _write_rows(
    model: type[models.Model], given: Sequence[dict[str, Any]]
) -> tuple[list[str], list[list[Any]]]:
    """Inserts rows given as field values (a related object for a key, as in the model's
    constructor; a missing field takes its default, a creation time now), as the model's
    constructor and `bulk_create` would write them; returns the columns and rows written."""
    fields = _fields(model)
    names = {f.name: f for f in fields} | {f.attname: f for f in fields}
    prepare = [_preparer(f) for f in fields]
    position = {f: i for i, f in enumerate(fields)}
    made = [i for i, f in enumerate(fields) if f.has_default() and callable(f.default)]
    defaults: list[Any] = [None if i in made else f.get_default() for i, f in enumerate(fields)]
    stamped = [
        i
        for i, f in enumerate(fields)
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    rows = []
    for values in given:
        row = defaults.copy()
        for i in made:
            row[i] = fields[i].get_default()
        for i in stamped:
            row[i] = timezone.now()
        for name, value in values.items():
            field = names.get(name)
            if field is None:
                raise TypeError(f"{model._meta.label} has no field {name!r}")
            if field.is_relation and name == field.name and value is not None:
                if value.pk is None:
                    raise ValueError(f"{model._meta.label}.{name} is not saved yet")
                value = value.pk
            row[position[field]] = value
        rows.append([p(v) for p, v in zip(prepare, row, strict=True)])
    columns = [f.column for f in fields]
    keys = _insert(model, columns, rows)
    return [model._meta.pk.column, *columns], [
        [pk, *row] for pk, row in zip(keys, rows, strict=True)
    ]


def create_rows_with_history(
    model: type[models.Model], rows: list[dict[str, Any]], batch_size: int | None = None
) -> None:
    """Rows of a model that nothing reads back as objects, and their history rows, written
    without building a model instance for each (on SQLite, in one `executemany` whatever
    `batch_size`; elsewhere through the instances, `batch_size` rows a statement)."""
    if connection.vendor != "sqlite":
        bulk_create_with_history([model(**r) for r in rows], model, batch_size=batch_size)
        return
    if not rows:
        return
    with transaction.atomic(savepoint=False):
        columns, written = _write_rows(model, rows)
        _write_history(model, columns, written)


def create_with_history(objs: list[M], model: type[M], batch_size: int | None = None) -> list[M]:
    """The objects and their history rows, the objects given their keys (`batch_size` as in
    `create_rows_with_history`)."""
    if connection.vendor != "sqlite":
        return bulk_create_with_history(objs, model, batch_size=batch_size)  # type: ignore[no-any-return]
    if not objs:
        return objs
    if any(obj.pk is not None for obj in objs):
        raise ValueError(f"{model._meta.label}: objects to create already have keys")
    with transaction.atomic(savepoint=False):
        columns, written = _write_objects(objs, model)
        _write_history(model, columns, written)
    return objs


#: The seed's page cache on SQLite, in KiB (SQLite's default is 2 MiB): a unit's indexes then
#: stay in memory while its one transaction fills them, instead of being re-read from disk.
SEED_CACHE_KIB = 512 * 1024


@contextmanager
def fast_sqlite_writes() -> Iterator[None]:
    """A larger page cache and no waiting for the disk at commit while seeding, on SQLite and
    outside a transaction only (SQLite ignores `synchronous` within one); put back after.

    Safe for a seed: it writes a whole delivery unit in one transaction, so a failed seed
    leaves nothing, and a seed that is lost to a power cut before its data reached the disk
    is run again from scratch (WAL keeps the database file itself consistent)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size")
        cache_size = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute(f"PRAGMA cache_size=-{SEED_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={int(synchronous)}")
            cursor.execute(f"PRAGMA cache_size={int(cache_size)}")
