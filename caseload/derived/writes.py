"""One planner for cache writes: create, update or delete a row only where its values changed.

Every derived cache is written this way, so that one person after an action and a whole batch
in `caseload recompute` go through the same code, the latter with one bulk write per table:
on PostgreSQL a large plan goes through `COPY` and one upsert (`caseload.derived.copy_writes`),
elsewhere (and for a few rows) through Django's bulk writes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import models

from caseload.derived.copy_writes import copy_insert, copy_upsert, use_copy

M = TypeVar("M", bound=models.Model)

#: A stored cache row as read by `stored_rows`: a named tuple of its id, person, key and fields.
Stored = Any


def stored_rows(
    model: type[models.Model],
    fields: Sequence[str],
    person_ids: Sequence[int],
    keys: Sequence[str] = (),
) -> list[Stored]:
    """The batch's stored rows as plain named tuples (building a model for each row of a
    national cache cost more than comparing it); `CacheWrites` builds models for changed ones."""
    manager: Any = model._default_manager
    return list(
        manager.filter(person_id__in=person_ids).values_list(
            "id", "person_id", *keys, *fields, named=True
        )
    )


@dataclass
class CacheWrites(Generic[M]):
    model: type[M]
    #: The fields compared and written; a change in any of them rewrites the row.
    fields: Sequence[str]
    #: Fields written whenever the row is written, but not compared (e.g. when it was computed).
    stamped: Mapping[str, object] = field(default_factory=dict)
    create: list[M] = field(default_factory=list)
    update: list[M] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)
    #: Rows appended alongside (a history of changes), written after the cache rows.
    append: list[models.Model] = field(default_factory=list)
    changed_people: set[int] = field(default_factory=set)

    @property
    def changed(self) -> int:
        return len(self.create) + len(self.update) + len(self.delete)

    def put(
        self, person_id: int, row: Stored | None, values: Mapping[str, object], **key: object
    ) -> bool:
        """Plan `values` for one person's row (`row` is the stored one from `stored_rows`, or
        None); True if it changes. A row written is written whole: its key, values and stamps."""
        if row is not None and all(getattr(row, f) == values[f] for f in self.fields):
            return False
        written = self.model(person_id=person_id, **key, **values, **self.stamped)
        if row is None:
            self.create.append(written)
        else:
            written.pk = row.id
            self.update.append(written)
        self.changed_people.add(person_id)
        return True

    def remove(self, person_id: int, rows: Sequence[Stored]) -> None:
        if rows:
            self.delete += [row.id for row in rows]
            self.changed_people.add(person_id)

    def apply(self) -> None:
        manager: Any = self.model._default_manager
        if use_copy(len(self.create) + len(self.update)):
            copy_upsert(self.model, [*self.update, *self.create])
        else:
            self._bulk_write(manager)
        if self.delete:
            manager.filter(pk__in=self.delete).delete()
        by_model: dict[type[models.Model], list[models.Model]] = {}
        for extra in self.append:
            by_model.setdefault(type(extra), []).append(extra)
        for model, rows in by_model.items():
            if use_copy(len(rows)):
                copy_insert(model, rows)
            else:
                model._default_manager.bulk_create(rows, batch_size=1000)

    def _bulk_write(self, manager: Any) -> None:
        if self.create:
            manager.bulk_create(self.create, batch_size=1000)
        if self.update:
            manager.bulk_update(self.update, [*self.fields, *self.stamped], batch_size=1000)
