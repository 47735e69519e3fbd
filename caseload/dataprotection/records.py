"""What is held about a person: every model that relates to `people.Person`, found by walking
the relations, with its django-simple-history table.

Nothing here names a model: a part that adds a table pointing at a person (or at anything that
does) is in the subject-access export and the retention deletion from then on. History tables
do not cascade and their foreign keys have no constraint, so the rows of a person's history are
found through the history tables themselves: a history row belongs to the person when its link
names a record that is, or ever was, theirs. That finds the history of records deleted long ago.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from caseload.people.models import Person


@dataclass(frozen=True)
class Link:
    """`model.<attname>` holds the primary key of a `parent` record."""

    attname: str
    parent: type[models.Model]


@dataclass(frozen=True)
class HeldModel:
    model: type[models.Model]
    #: How its rows reach the person (none for the person themselves).
    links: tuple[Link, ...]
    #: Its history table, if it keeps one.
    history: type[models.Model] | None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


def history_model(model: type[models.Model]) -> type[models.Model] | None:
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager_name is None:
        return None
    return getattr(model, manager_name).model  # type: ignore[no-any-return]


@cache
def held_models() -> tuple[HeldModel, ...]:
    """The person, then every model that points at something held: each model follows the
    one it was first found from, so events are followed by their sentences, and so on."""
    links: dict[type[models.Model], list[Link]] = {Person: []}

    def visit(parent: type[models.Model]) -> None:
        for relation in parent._meta.related_objects:
            if relation.many_to_many:
                raise ImproperlyConfigured(
                    f"{relation.related_model._meta.label} relates to {parent._meta.label} "
                    "many-to-many; caseload.dataprotection.records cannot follow that yet"
                )
            child = relation.related_model
            found = child in links
            links.setdefault(child, []).append(Link(relation.field.attname, parent))
            if not found:
                visit(child)

    visit(Person)
    return tuple(HeldModel(m, tuple(found), history_model(m)) for m, found in links.items())


def held_ids(person_ids: Iterable[int]) -> dict[type[models.Model], set[object]]:
    """For each held model, the primary keys of every record that is or was the people's,
    from the live table and from its history (so deleted records are included).

    Records newly found are followed to the records that point at them, until none is new: each
    link is asked once for a tree of tables, and again only if a table is reached two ways.
    """
    ids: dict[type[models.Model], set[object]] = {held.model: set() for held in held_models()}
    pointing: dict[type[models.Model], list[tuple[HeldModel, Link]]] = {m: [] for m in ids}
    for held in held_models():
        for link in held.links:
            pointing[link.parent].append((held, link))
    ids[Person] = set(person_ids)
    new: dict[type[models.Model], set[object]] = {Person: set(ids[Person])}
    while new:
        parent, parents = next(iter(new.items()))
        del new[parent]
        for held, link in pointing[parent]:
            found = _keys(held.model, link.attname, parents)
            if held.history is not None:
                found |= _keys(held.history, link.attname, parents, key=_pk_name(held))
            if added := found - ids[held.model]:
                ids[held.model] |= added
                new.setdefault(held.model, set()).update(added)
    return ids


def _pk_name(held: HeldModel) -> str:
    return held.model._meta.pk.attname  # type: ignore[union-attr]


def _keys(
    model: type[models.Model], attname: str, values: set[object], *, key: str = "pk"
) -> set[object]:
    return set(
        model._default_manager.filter(**{f"{attname}__in": values}).values_list(key, flat=True)
    )


def history_rows(held: HeldModel, ids: set[object]) -> models.QuerySet[models.Model]:
    """Every history row of these records, oldest first."""
    assert held.history is not None
    return held.history._default_manager.filter(**{f"{_pk_name(held)}__in": ids}).order_by(
        "history_date", "history_id"
    )
