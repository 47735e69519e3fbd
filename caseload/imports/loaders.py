"""Each file's batch written to the database: its references resolved to ids, the rules that
need the database applied (through the parts' `validate_<fact>` functions), rows whose key is
already loaded skipped, and the rest written with their history (`caseload.imports.writing`).

A loader takes the batch's rows (line number and `Parsed`, already free of problems of their
own) and returns the rows it refused, each with its problems; every other row is written or,
its key already loaded, skipped.

References to the small tables (units, staff, people, events, sentences: the nation's 244,000
people and their events fit in memory) are read whole once per file (`Table`), not per batch;
references to the large ones (an appointment's outcome contact) are looked up per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection

from caseload.access.domain import ListEntry, validate_list_entry
from caseload.access.models import LimitedAccess
from caseload.contacts.models import Contact
from caseload.core.errors import FieldProblem
from caseload.diary.models import Appointment
from caseload.imports.domain import Clock, Parsed, appointment_rules, sentence_rules
from caseload.imports.models import ImportedKey
from caseload.imports.writing import insert_rows
from caseload.organisation.domain import NewAllocation, validate_allocation
from caseload.organisation.models import Allocation, DeliveryUnit, Region, Staff, Team
from caseload.people.models import (
    Circumstance,
    CriminalHistory,
    Event,
    LicenceCondition,
    Person,
    Requirement,
    Sentence,
)
from caseload.risk.models import Assessment, Registration, RegistrationReview

Row = tuple[int, Parsed]
#: Parameters in one SQLite statement (it allows 32,766).
SQLITE_PARAMETERS = 10_000

#: The field of the row each reference is read from, for the error report.
REF_FIELDS = {
    "region": "region",
    "delivery_unit": "delivery_unit",
    "team": "team",
    "person": "crn",
    "event": "event",
    "sentence": "event",
    "staff": "staff",
    "with_staff": "with_staff",
    "user": "username",
    "contact": "contact",
}
WHAT = {
    "region": "region",
    "delivery_unit": "delivery unit",
    "team": "team",
    "person": "person with CRN",
    "event": "event",
    "sentence": "sentence of event",
    "staff": "member of staff",
    "with_staff": "member of staff",
    "user": "member of staff",
    "contact": "contact",
}


@dataclass(frozen=True)
class Table:
    """A reference table read whole: every key it holds and what each resolves to."""

    name: str
    read: Callable[[], dict[Any, Any]]


Lookup = Callable[[set[Any]], dict[Any, Any]] | Table


@dataclass
class Batch:
    """One batch of one file while it is loaded: what each reference resolved to.

    `tables` is shared by the batches of one file: a `Table` is read into it by the file's
    first batch that needs it (every earlier file is loaded by then, and no file refers to
    its own rows)."""

    file: str
    rows: list[Row]
    clock: Clock
    tables: dict[str, dict[Any, Any]] = field(default_factory=dict)
    refused: dict[int, list[FieldProblem]] = field(default_factory=dict)
    skipped: int = 0
    found: dict[str, dict[Any, Any]] = field(default_factory=dict)
    _new: list[Row] = field(default_factory=list)

    def refuse(self, line: int, problem: FieldProblem) -> None:
        self.refused.setdefault(line, []).append(problem)

    def live(self) -> list[Row]:
        if not self.refused:
            return self.rows
        return [(line, p) for line, p in self.rows if line not in self.refused]

    def resolve(self, name: str, lookup: Lookup) -> None:
        """Every row's reference `name` resolved (from its table, or looked up at once); a row
        whose reference is not loaded is refused."""
        live = self.live()
        if isinstance(lookup, Table):
            if lookup.name not in self.tables:
                self.tables[lookup.name] = lookup.read()
            found = self.tables[lookup.name]
        else:
            wanted = {p.refs[name] for _, p in live if p.refs.get(name) is not None}
            found = lookup(wanted) if wanted else {}
        self.found[name] = found
        for line, p in live:
            key = p.refs.get(name)
            if key is not None and key not in found:
                shown = "/".join(str(k) for k in key) if isinstance(key, tuple) else key
                message = f"No {WHAT[name]} {shown} has been loaded"
                self.refuse(line, FieldProblem(REF_FIELDS[name], "unknown", message))

    def id(self, parsed: Parsed, name: str) -> Any:
        key = parsed.refs.get(name)
        return None if key is None else self.found[name][key]

    def new(self, existing: Callable[[list[Any]], Iterable[Any]]) -> list[Row]:
        """The rows still to write: not refused, their key not loaded before, nor twice here."""
        rows = self.live()
        loaded = set(existing([p.key for _, p in rows])) if rows else set()
        seen: set[Any] = set()
        new = []
        for line, p in rows:
            if p.key in loaded:
                self.skipped += 1
            elif p.key in seen:
                self.refuse(line, FieldProblem("", "duplicate", "The same key twice in a batch"))
            else:
                seen.add(p.key)
                new.append((line, p))
        self._new = new
        return new

    @property
    def fresh(self) -> list[Row]:
        """The rows `new` gave, less any refused since."""
        return [(line, p) for line, p in self._new if line not in self.refused]


def _by_code(model: Any) -> Table:
    return Table(
        model._meta.label, lambda: dict(model.objects.values_list("code", "id").iterator())
    )


def _read_people() -> dict[Any, Any]:
    return dict(Person.objects.values_list("crn", "id").iterator())


def _read_events() -> dict[Any, Any]:
    rows = Event.objects.values_list("person__crn", "number", "id", "conviction_date")
    return {(crn, n): (pk, convicted) for crn, n, pk, convicted in rows.iterator()}


def _read_sentences() -> dict[Any, Any]:
    rows = Sentence.objects.values_list("event__person__crn", "event__number", "id")
    return {(crn, n): pk for crn, n, pk in rows.iterator()}


def _read_staff() -> dict[Any, Any]:
    rows = Staff.objects.values_list("user__username", "id", "grade", "team_id", "user_id")
    return {u: (pk, grade, team, user) for u, pk, grade, team, user in rows.iterator()}


_people = Table("people", _read_people)
_events = Table("events", _read_events)
_event_ids = Table("event ids", lambda: {k: pk for k, (pk, _) in _read_events().items()})
_sentences = Table("sentences", _read_sentences)
_staff = Table("staff", _read_staff)
_staff_ids = Table("staff ids", lambda: {u: pk for u, (pk, *_) in _read_staff().items()})
_users = Table("users", lambda: {u: user for u, (*_, user) in _read_staff().items()})


def _imported(file: str) -> Callable[[list[Any]], Iterable[Any]]:
    """The refs of these already loaded: in SQL, since Django's own preparation of thousands of
    parameters costs more than the query."""

    def loaded(refs: list[Any]) -> Iterable[Any]:
        table = connection.ops.quote_name(ImportedKey._meta.db_table)
        found: list[Any] = []
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"SELECT ref FROM {table} WHERE file = %s AND ref = ANY(%s)", [file, refs]
                )
                found += (ref for (ref,) in cursor.fetchall())
            else:
                for start in range(0, len(refs), SQLITE_PARAMETERS):
                    part = refs[start : start + SQLITE_PARAMETERS]
                    marks = ", ".join("%s" for _ in part)
                    cursor.execute(
                        f"SELECT ref FROM {table} WHERE file = %s AND ref IN ({marks})",
                        [file, *part],
                    )
                    found += (ref for (ref,) in cursor.fetchall())
        return found

    return loaded


def _write_keyed(
    batch: Batch, model: Any, rows: list[Row], values: list[dict[str, Any]]
) -> list[int]:
    """Rows keyed by a `ref`: written with the record of their keys."""
    ids = insert_rows(model, values)
    insert_rows(
        ImportedKey,
        [
            {"file": batch.file, "ref": p.key, "object_id": pk}
            for (_, p), pk in zip(rows, ids, strict=True)
        ],
    )
    return ids


def load_unit(model: Any, parent: str | None, parent_model: Any) -> Callable[[Batch], None]:
    def load(batch: Batch) -> None:
        if parent:
            batch.resolve(parent, _by_code(parent_model))
        rows = batch.new(
            lambda codes: model.objects.filter(code__in=codes).values_list("code", flat=True)
        )
        insert_rows(
            model,
            [
                {**p.values, **({f"{parent}_id": batch.id(p, parent)} if parent else {})}
                for _, p in rows
            ],
        )

    return load


def load_staff(batch: Batch) -> None:
    batch.resolve("team", _by_code(Team))
    User = get_user_model()
    rows = batch.new(
        lambda names: User.objects.filter(username__in=names).values_list("username", flat=True)
    )
    taken = set(
        Staff.objects.filter(
            officer_code__in=[p.values["officer_code"] for _, p in rows]
        ).values_list("officer_code", flat=True)
    )
    codes: set[str] = set()
    for line, p in rows:
        code = p.values["officer_code"]
        if code in taken or code in codes:
            message = f"Staff code {code} is another member of staff's"
            batch.refuse(line, FieldProblem("officer_code", "taken", message))
        codes.add(code)
    rows = batch.fresh
    unusable = make_password(None)
    users = insert_rows(
        User,
        [{"username": p.key, "password": unusable, **p.children["user"][0]} for _, p in rows],
    )
    insert_rows(
        Staff,
        [
            {**p.values, "user_id": user, "team_id": batch.id(p, "team")}
            for (_, p), user in zip(rows, users, strict=True)
        ],
    )


def load_people(batch: Batch) -> None:
    rows = batch.new(lambda crns: Person.objects.filter(crn__in=crns).values_list("crn", flat=True))
    ids = insert_rows(Person, [p.values for _, p in rows])
    insert_rows(
        CriminalHistory,
        [
            {**history, "person_id": pk}
            for (_, p), pk in zip(rows, ids, strict=True)
            for history in p.children.get("criminal_history", [])
        ],
    )


def load_events(batch: Batch) -> None:
    batch.resolve("person", _people)

    def existing(keys: list[Any]) -> set[Any]:
        return set(
            Event.objects.filter(person__crn__in={crn for crn, _ in keys}).values_list(
                "person__crn", "number"
            )
        )

    rows = batch.new(existing)
    insert_rows(Event, [{**p.values, "person_id": batch.id(p, "person")} for _, p in rows])


def _existing_sentences(keys: set[Any]) -> set[Any]:
    rows = Sentence.objects.filter(event__person__crn__in={crn for crn, _ in keys}).values_list(
        "event__person__crn", "event__number"
    )
    return {key for key in rows if key in keys}


def load_sentences(batch: Batch) -> None:
    batch.resolve("event", _events)
    for line, p in batch.new(lambda keys: _existing_sentences(set(keys))):
        _, convicted = batch.id(p, "event")
        for problem in sentence_rules(p.values, convicted, batch.clock):
            batch.refuse(line, problem)
    rows = batch.fresh
    insert_rows(Sentence, [{**p.values, "event_id": batch.id(p, "event")[0]} for _, p in rows])


def load_sentence_part(model: Any) -> Callable[[Batch], None]:
    def load(batch: Batch) -> None:
        batch.resolve("sentence", _sentences)
        rows = batch.new(_imported(batch.file))
        _write_keyed(
            batch,
            model,
            rows,
            [{**p.values, "sentence_id": batch.id(p, "sentence")} for _, p in rows],
        )

    return load


def _one_open(
    batch: Batch,
    rows: list[Row],
    held: set[Any],
    key: Callable[[Parsed], Any],
    end: str,
    field: str,
    message: str,
) -> list[Row]:
    """At most one open period (no end date) of a kind per person: the database's and this
    batch's together."""
    kept = []
    for line, p in rows:
        if p.values[end] is None:
            if key(p) in held:
                batch.refuse(line, FieldProblem(field, "one_open", message))
                continue
            held.add(key(p))
        kept.append((line, p))
    return kept


def load_circumstances(batch: Batch) -> None:
    batch.resolve("person", _people)
    rows = batch.new(_imported(batch.file))
    people = {batch.id(p, "person") for _, p in rows}
    held = set(
        Circumstance.objects.filter(person_id__in=people, end_date__isnull=True).values_list(
            "person_id", "kind"
        )
    )
    rows = _one_open(
        batch,
        rows,
        held,
        lambda p: (batch.id(p, "person"), p.values["kind"]),
        "end_date",
        "end_date",
        "The person has a current status of this kind already: give this one its end date",
    )
    _write_keyed(
        batch,
        Circumstance,
        rows,
        [{**p.values, "person_id": batch.id(p, "person")} for _, p in rows],
    )


def load_registrations(batch: Batch) -> None:
    batch.resolve("person", _people)
    rows = batch.new(_imported(batch.file))
    ids = _write_keyed(
        batch,
        Registration,
        rows,
        [{**p.values, "person_id": batch.id(p, "person")} for _, p in rows],
    )
    insert_rows(
        RegistrationReview,
        [
            {**review, "registration_id": pk}
            for (_, p), pk in zip(rows, ids, strict=True)
            for review in p.children["reviews"]
        ],
    )


def load_assessments(batch: Batch) -> None:
    batch.resolve("person", _people)
    rows = batch.new(_imported(batch.file))
    _write_keyed(
        batch, Assessment, rows, [{**p.values, "person_id": batch.id(p, "person")} for _, p in rows]
    )


def load_allocations(batch: Batch) -> None:
    batch.resolve("person", _people)
    batch.resolve("staff", _staff)
    batch.resolve("team", _by_code(Team))
    for line, p in batch.new(_imported(batch.file)):
        _, grade, team, _ = batch.id(p, "staff")
        new = NewAllocation(grade, team is not None, p.values["start_date"])
        for problem in validate_allocation(new):
            batch.refuse(line, problem)
    rows = batch.fresh
    people = {batch.id(p, "person") for _, p in rows}
    held = set(
        Allocation.objects.filter(person_id__in=people, end_date__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    rows = _one_open(
        batch,
        rows,
        held,
        lambda p: batch.id(p, "person"),
        "end_date",
        "end_date",
        "The case is allocated already: give this allocation its end date",
    )
    values = []
    for _, p in rows:
        staff, _, staff_team, _ = batch.id(p, "staff")
        team = batch.id(p, "team") or staff_team
        values.append(
            {**p.values, "person_id": batch.id(p, "person"), "staff_id": staff, "team_id": team}
        )
    _write_keyed(batch, Allocation, rows, values)


def load_contacts(batch: Batch) -> None:
    batch.resolve("person", _people)
    batch.resolve("event", _event_ids)
    batch.resolve("staff", _staff_ids)
    rows = batch.new(_imported(batch.file))
    _write_keyed(
        batch,
        Contact,
        rows,
        [
            {
                **p.values,
                "person_id": batch.id(p, "person"),
                "event_id": batch.id(p, "event"),
                "staff_id": batch.id(p, "staff"),
            }
            for _, p in rows
        ],
    )


def _contacts(refs: set[Any]) -> dict[Any, Any]:
    """Each loaded contact by its ref: its key, person, type and whether an appointment has it
    as its outcome, in one query (in SQL, as `_imported`)."""
    keys = connection.ops.quote_name(ImportedKey._meta.db_table)
    contacts = connection.ops.quote_name(Contact._meta.db_table)
    appointments = connection.ops.quote_name(Appointment._meta.db_table)
    query = (
        f"SELECT k.ref, c.id, c.person_id, c.contact_type, a.id IS NOT NULL FROM {keys} k "
        f"JOIN {contacts} c ON c.id = k.object_id "
        f"LEFT JOIN {appointments} a ON a.contact_id = c.id "
        "WHERE k.file = %s AND k.ref "
    )
    wanted = list(refs)
    found: dict[Any, Any] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(query + "= ANY(%s)", ["contacts.jsonl", wanted])
            rows = cursor.fetchall()
        else:
            rows = []
            for start in range(0, len(wanted), SQLITE_PARAMETERS):
                part = wanted[start : start + SQLITE_PARAMETERS]
                marks = ", ".join("%s" for _ in part)
                cursor.execute(query + f"IN ({marks})", ["contacts.jsonl", *part])
                rows += cursor.fetchall()
    for ref, pk, person, kind, linked in rows:
        found[ref] = (pk, person, kind, bool(linked))
    return found


def load_appointments(batch: Batch) -> None:
    batch.resolve("person", _people)
    batch.resolve("with_staff", _staff_ids)
    batch.resolve("contact", _contacts)
    linked: set[int] = set()
    for line, p in batch.new(_imported(batch.file)):
        contact = batch.id(p, "contact")
        outcome_type = None
        if contact is not None:
            pk, person, outcome_type, already = contact
            if person != batch.id(p, "person"):
                message = "The outcome's contact is another person's"
                batch.refuse(line, FieldProblem("contact", "other_person", message))
            elif already or pk in linked:
                message = "That contact records another appointment's outcome"
                batch.refuse(line, FieldProblem("contact", "taken", message))
            linked.add(pk)
        for problem in appointment_rules(p.values, outcome_type, batch.clock):
            batch.refuse(line, problem)
    rows = batch.fresh
    values = []
    for _, p in rows:
        contact = batch.id(p, "contact")
        values.append(
            {
                **p.values,
                "person_id": batch.id(p, "person"),
                "with_staff_id": batch.id(p, "with_staff"),
                "contact_id": contact[0] if contact else None,
            }
        )
    _write_keyed(batch, Appointment, rows, values)


def load_limited_access(batch: Batch) -> None:
    batch.resolve("person", _people)
    batch.resolve("user", _users)
    rows = batch.new(_imported(batch.file))
    lists: dict[int, list[ListEntry]] = defaultdict(list)
    people = {batch.id(p, "person") for _, p in rows}
    for entry in LimitedAccess.objects.filter(person_id__in=people):
        lists[entry.person_id].append(
            ListEntry(entry.kind, entry.user_id, entry.start_date, entry.end_date)  # type: ignore[arg-type]
        )
    kept = []
    for line, p in rows:
        entry = ListEntry(
            p.values["kind"], batch.id(p, "user"), p.values["start_date"], p.values["end_date"]
        )
        person = batch.id(p, "person")
        problems = validate_list_entry(entry, existing=lists[person], user_found=True)
        for problem in problems:
            batch.refuse(line, problem)
        if not problems:
            lists[person].append(entry)
            kept.append((line, p))
    _write_keyed(
        batch,
        LimitedAccess,
        kept,
        [
            {**p.values, "person_id": batch.id(p, "person"), "user_id": batch.id(p, "user")}
            for _, p in kept
        ],
    )


LOADERS: dict[str, Callable[[Batch], None]] = {
    "regions.jsonl": load_unit(Region, None, None),
    "delivery_units.jsonl": load_unit(DeliveryUnit, "region", Region),
    "teams.jsonl": load_unit(Team, "delivery_unit", DeliveryUnit),
    "staff.jsonl": load_staff,
    "people.jsonl": load_people,
    "events.jsonl": load_events,
    "sentences.jsonl": load_sentences,
    "requirements.jsonl": load_sentence_part(Requirement),
    "licence_conditions.jsonl": load_sentence_part(LicenceCondition),
    "circumstances.jsonl": load_circumstances,
    "registrations.jsonl": load_registrations,
    "assessments.jsonl": load_assessments,
    "allocations.jsonl": load_allocations,
    "contacts.jsonl": load_contacts,
    "appointments.jsonl": load_appointments,
    "limited_access.jsonl": load_limited_access,
}
