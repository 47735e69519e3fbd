"""The subject-access export: everything held about one person, with its history, and every
value a reviewer must check before release marked with why (rules in `domain.py`).

One structure feeds the printable page, the JSON download and `caseload subject-access`, so the
three always agree. Each export is audited as SUBJECT_ACCESS_EXPORT with its format and counts
(never the data); a refusal is audited too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import get_case_for_user
from caseload.core.errors import AccessDenied
from caseload.dataprotection.domain import SECTION_NOTES, FieldKind, review_reasons
from caseload.dataprotection.records import HeldModel, held_ids, held_models, history_rows
from caseload.people.models import Person

AUDIT_ACTION = "SUBJECT_ACCESS_EXPORT"
LEGAL_BASIS = "Right of access: UK GDPR Article 15 and the Data Protection Act 2018"
REVIEW_NOTICE = (
    'A value given as {"value": ..., "review": reason} may identify or describe someone '
    "other than the person (staff, victims, family, others). Check each one, and redact where "
    "the law requires, before this export is released."
)
#: Models whose rows name a member of staff or a user (a third party to the person).
STAFF_MODELS = (settings.AUTH_USER_MODEL.lower(), "organisation.staff")
#: History fields shown first on every history row, in this order.
HISTORY_FIRST = ("history_date", "history_type", "history_user", "history_change_reason")


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: FieldKind
    #: What each code means, for a field with a fixed list of values.
    codes: dict[str, str]
    #: The held model a link points at (its values are record numbers), if any.
    points_at_held: bool = False
    #: Not stored: the model computes it when exported (`computed_for_export`).
    computed: bool = False

    def as_json(self) -> dict[str, Any]:
        described: dict[str, Any] = {"name": self.name, "label": self.label}
        if self.codes:
            described["codes"] = self.codes
        return described


@dataclass(frozen=True)
class Value:
    column: Column
    value: Any
    text: str
    review: str | None

    def as_json(self) -> Any:
        return self.value if self.review is None else {"value": self.value, "review": self.review}


@dataclass(frozen=True)
class Row:
    title: str
    values: tuple[Value, ...]

    def as_json(self) -> dict[str, Any]:
        return {v.column.name: v.as_json() for v in self.values}

    @property
    def marked(self) -> int:
        return sum(v.review is not None for v in self.values)


@dataclass
class Section:
    model: str
    title: str
    note: str
    columns: tuple[Column, ...]
    history_columns: tuple[Column, ...]
    records: list[Row] = field(default_factory=list)
    history: list[Row] = field(default_factory=list)

    @property
    def marked(self) -> int:
        return sum(row.marked for row in self.records + self.history)

    @property
    def anchor(self) -> str:
        return self.model.replace(".", "-")

    def as_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "title": self.title,
            **({"note": self.note} if self.note else {}),
            "fields": [c.as_json() for c in self.columns],
            "records": [row.as_json() for row in self.records],
            "history_fields": [c.as_json() for c in self.history_columns],
            "history": [row.as_json() for row in self.history],
        }


@dataclass
class SubjectAccessExport:
    person: Person
    generated_at: dt.datetime
    sections: list[Section]

    legal_basis = LEGAL_BASIS

    @property
    def marked(self) -> int:
        return sum(section.marked for section in self.sections)

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            s.model: {"records": len(s.records), "history": len(s.history)} for s in self.sections
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "subject": {"crn": self.person.crn, "name": self.person.full_name},
            "generated_at": timezone.localtime(self.generated_at).isoformat(),
            "legal_basis": LEGAL_BASIS,
            "review": REVIEW_NOTICE,
            "marked_for_review": self.marked,
            "counts": self.counts(),
            "sections": [section.as_json() for section in self.sections],
        }

    def as_text(self) -> str:
        return json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n"

    def filename(self) -> str:
        return f"subject-access-{self.person.crn}-{timezone.localdate(self.generated_at)}.json"


# --- Building it ---------------------------------------------------------------------------


def _kind(f: models.Field[Any, Any]) -> FieldKind:
    if f.is_relation:
        assert f.related_model is not None
        target = f.related_model._meta.label_lower  # type: ignore[union-attr]
        return FieldKind.STAFF if target in STAFF_MODELS else FieldKind.CODED
    if isinstance(f, models.TextField):
        return FieldKind.FREE_TEXT
    if isinstance(f, models.CharField) and not f.choices:
        return FieldKind.SHORT_TEXT
    return FieldKind.CODED


def _columns(model: type[models.Model], *, first: tuple[str, ...] = ()) -> tuple[Column, ...]:
    held = {h.model for h in held_models()}
    fields = sorted(
        model._meta.concrete_fields,
        key=lambda f: first.index(f.name) if f.name in first else len(first),
    )
    stored = tuple(
        Column(
            f.name,
            str(f.verbose_name).capitalize(),
            _kind(f),
            {str(code): str(label) for code, label in f.flatchoices},
            points_at_held=f.is_relation and f.related_model in held,
        )
        for f in fields
    )
    return stored + tuple(
        Column(name, name.capitalize(), FieldKind.CODED, {}, computed=True)
        for name in getattr(model, "computed_for_export_columns", ())
    )


def _computed(model: type[models.Model], rows: list[models.Model]) -> dict[str, dict[Any, Any]]:
    """Values a model holds as the rules compute them when shown rather than stored (a derived
    cache's explanations), by column and then record: a model names them in
    `computed_for_export_columns` and computes them in a static `computed_for_export(rows)`."""
    compute = getattr(model, "computed_for_export", None)
    return {} if compute is None else compute(rows)  # type: ignore[no-any-return]


def _names(rows: list[models.Model], columns: tuple[Column, ...]) -> dict[str, dict[Any, str]]:
    """What each linked record outside the person's own is called, one query per link."""
    names: dict[str, dict[Any, str]] = {}
    for column in columns:
        if column.computed:
            continue
        f = rows[0]._meta.get_field(column.name) if rows else None
        if f is None or not f.is_relation or column.points_at_held:
            continue
        ids = {getattr(row, f.attname) for row in rows} - {None}  # type: ignore[union-attr]
        target = f.related_model
        assert target is not None and not isinstance(target, str)
        found = target._default_manager.filter(pk__in=ids)
        if any(other.name == "user" and other.is_relation for other in target._meta.fields):
            found = found.select_related("user")
        names[column.name] = {obj.pk: _name(obj) for obj in found}
    return names


def _name(obj: models.Model) -> str:
    full_name = getattr(obj, "get_full_name", None)
    if full_name is not None:
        return full_name() or obj.get_username()  # type: ignore[attr-defined,no-any-return]
    return str(obj)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _text(value: Any, column: Column) -> str:
    if value is None or value == "":
        return "Not recorded"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if column.codes and str(value) in column.codes:
        return f"{column.codes[str(value)]} ({value})"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _rows(
    label: str, rows: list[models.Model], columns: tuple[Column, ...], title: Any
) -> list[Row]:
    names = _names(rows, columns)
    computed = _computed(type(rows[0]), rows) if rows else {}
    built = []
    for row in rows:
        raw: dict[str, Any] = {}
        for column in columns:
            if column.computed:
                raw[column.name] = computed[column.name][row.pk]
                continue
            f = row._meta.get_field(column.name)
            value = getattr(row, f.attname)  # type: ignore[union-attr]
            if column.name in names and value is not None:
                value = names[column.name].get(value, f"record {value}, since deleted")
            raw[column.name] = value
        reasons = review_reasons(label, {c.name: (c.kind, raw[c.name]) for c in columns})
        built.append(
            Row(
                title(row),
                tuple(
                    Value(c, _plain(raw[c.name]), _text(raw[c.name], c), reasons.get(c.name))
                    for c in columns
                ),
            )
        )
    return built


def _section(held: HeldModel, ids: set[object]) -> Section:
    meta = held.model._meta
    name = str(meta.verbose_name).capitalize()
    history_columns = _columns(held.history, first=HISTORY_FIRST) if held.history else ()
    section = Section(
        held.label,
        "Person" if held.model is Person else str(meta.verbose_name_plural).capitalize(),
        SECTION_NOTES.get(held.label, ""),
        _columns(held.model),
        history_columns,
    )
    if not ids:
        return section
    records = list(held.model._default_manager.filter(pk__in=ids).order_by("pk"))
    section.records = _rows(held.label, records, section.columns, lambda r: f"{name} {r.pk}")
    if held.history is not None:
        changes = list(history_rows(held, ids))
        section.history = _rows(held.label, changes, history_columns, _change_title(held))
    return section


def _change_title(held: HeldModel) -> Any:
    name = str(held.model._meta.verbose_name).capitalize()
    key = held.model._meta.pk.attname  # type: ignore[union-attr]

    def title(change: Any) -> str:
        when = date_format(timezone.localtime(change.history_date), "j F Y, H:i")
        return f"{name} {getattr(change, key)}: {change.get_history_type_display().lower()} {when}"

    return title


def build_export(person: Person) -> SubjectAccessExport:
    ids = held_ids([person.pk])
    sections = [_section(held, ids[held.model]) for held in held_models()]
    return SubjectAccessExport(person, timezone.now(), sections)


def subject_access_export(user: Any, crn: str, *, format: str) -> SubjectAccessExport:
    """The export of the case with this CRN, for a user who may see it and answer subject
    access requests. Raises AccessDenied without the capability, Http404 for a case the user
    may not see; both are audited as refusals."""
    subject = crn.upper()[:7]
    if not has_capability(user, Capability.EXPORT_SUBJECT_ACCESS):
        record_audit(user, AUDIT_ACTION, crn=subject, outcome="FAIL", detail={"format": format})
        raise AccessDenied(str(Capability.EXPORT_SUBJECT_ACCESS))
    try:
        person = get_case_for_user(user, crn, audit=False)
    except Http404:
        record_audit(user, AUDIT_ACTION, crn=subject, outcome="FAIL", detail={"format": format})
        raise
    export = build_export(person)
    detail = {"format": format, "counts": export.counts(), "marked_for_review": export.marked}
    record_audit(user, AUDIT_ACTION, crn=person.crn, detail=detail)
    return export
