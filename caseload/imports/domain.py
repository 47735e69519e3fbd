"""The import format's rows as the pure rules see them: reading a line, each field's type, and
the rules of the part each fact belongs to (no Django). `docs/import-format.md` is the format.

A row is read into a `Parsed`: the model's field values, the external keys it refers to
(`refs`, resolved to database ids by `caseload.imports.loading`), its own key, and every
problem found. The rules that need nothing from the database run here, through the same
`validate_<fact>` functions the actions use; those that need the database (the practitioner's
grade for an allocation, the lists already held for a limited-access entry) run in loading,
through the same functions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import orjson

from caseload.contacts.domain import (
    ContactInput,
    validate_contact,
    validate_unpaid_work_credit,
)
from caseload.core.errors import FieldProblem
from caseload.diary.domain import NewAppointment, location_for, validate_appointment_record
from caseload.organisation.domain import NewStaff, validate_organisation_unit, validate_staff
from caseload.people.domain import (
    EQUALITY_CODES,
    CircumstanceChange,
    CriminalHistoryInput,
    NewEvent,
    NewLicenceCondition,
    NewPerson,
    NewRequirement,
    NewSentence,
    period_problems,
    validate_circumstance,
    validate_criminal_history,
    validate_event,
    validate_licence_condition,
    validate_person,
    validate_requirement,
    validate_sentence,
)
from caseload.risk.domain import (
    NewRegistration,
    validate_assessment,
    validate_deregistration,
    validate_registration,
    validate_review,
)

FORMAT = "caseload-import"
VERSION = 1
LONGEST_REF = 64
NOT_RECORDED = "NOT_RECORDED"


@dataclass(frozen=True)
class RowError:
    """One refused row's problem, as the error report lists it."""

    file: str
    line: int
    field: str
    rule: str
    message: str


@dataclass
class Parsed:
    #: The model's field values (attribute names), ready to write once `refs` are resolved.
    values: dict[str, Any]
    #: The external keys this row refers to: `{"person": "X123456", "staff": "jsmith"}`.
    refs: dict[str, Any]
    #: The row's own external key (a code, a username, a CRN, a ref, or a CRN and a number).
    key: Any
    problems: list[FieldProblem] = field(default_factory=list)
    #: Rows written with this one: a person's criminal history, a registration's reviews.
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    counts: dict[str, int]
    description: str = ""


class ManifestError(ValueError):
    """The directory cannot be imported at all: the message says why."""


def read_manifest(text: str) -> Manifest:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"manifest.json is not JSON: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ManifestError(f'manifest.json must be an object with "format": "{FORMAT}"')
    if raw.get("version") != VERSION:
        raise ManifestError(
            f"manifest.json: format version {raw.get('version')!r} is not one this caseload "
            f"reads (it reads version {VERSION})"
        )
    files = raw.get("files", {})
    if not isinstance(files, dict) or not all(
        isinstance(n, str) and type(c) is int and c >= 0 for n, c in files.items()
    ):
        raise ManifestError('manifest.json: "files" must map each file name to its row count')
    unknown = sorted(set(files) - set(FILES))
    if unknown:
        raise ManifestError(f"manifest.json names files this format has not: {', '.join(unknown)}")
    return Manifest(dict(files), str(raw.get("description", "")))


def read_line(text: str | bytes) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    """One line of a JSON Lines file: an object, or the problem with it.

    orjson reads a good line (and checks its UTF-8) several times faster than `json`; a line
    it refuses is read again by `json`, which names the problem (and reads the few things
    orjson does not: NaN, integers beyond 64 bits), so both read the same lines alike."""
    try:
        fast = orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    else:
        if isinstance(fast, dict):
            return fast, []
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, [FieldProblem("", "encoding", f"Not UTF-8 at byte {exc.start + 1}")]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [FieldProblem("", "json", f"Not JSON: {exc.msg} at column {exc.colno}")]
    if not isinstance(raw, dict):
        return None, [FieldProblem("", "json", "Each line must be a JSON object")]
    return raw, []


class Fields:
    """Reads one row's fields by type, collecting every problem; `unknown()` names any field
    the row has that was not read."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.raw = raw
        self.read: set[str] = set()
        self.problems: list[FieldProblem] = []

    def _get(self, name: str, required: bool) -> Any:
        self.read.add(name)
        value = self.raw.get(name)
        if value is None and required:
            self.problems.append(FieldProblem(name, "required", f"{name} is required"))
        return value

    def _wrong(self, name: str, what: str) -> None:
        self.problems.append(FieldProblem(name, "type", f"{name} must be {what}"))

    def text(self, name: str, *, required: bool = False, longest: int | None = None) -> str:
        self.read.add(name)
        value = self.raw.get(name)
        if (
            type(value) is str
            and (not required or value.strip())
            and (longest is None or len(value) <= longest)
        ):
            return value  # the usual case, in one test (an import reads millions of these)
        if value is None:
            if required:
                self.problems.append(FieldProblem(name, "required", f"{name} is required"))
            return ""
        if not isinstance(value, str):
            self._wrong(name, "text")
            return ""
        if required and not value.strip():
            self.problems.append(FieldProblem(name, "required", f"{name} is required"))
        if longest is not None and len(value) > longest:
            message = f"{name} must be {longest:,} characters or fewer"
            self.problems.append(FieldProblem(name, "max_length", message))
        return value

    def ref(self, name: str, *, required: bool = True) -> str | None:
        value = self.text(name, required=required, longest=LONGEST_REF)
        return value or None

    def whole(self, name: str, *, required: bool = False, default: int | None = None) -> Any:
        self.read.add(name)
        value = self.raw.get(name)
        if type(value) is int:
            return value
        value = self._get(name, required)
        if value is None:
            return default
        if type(value) is not int:
            self._wrong(name, "a whole number")
            return default
        return value

    def boolean(self, name: str, *, default: bool) -> bool:
        self.read.add(name)
        value = self.raw.get(name)
        if value is None:
            return default
        if type(value) is not bool:
            self._wrong(name, "true or false")
            return default
        return value

    def day(self, name: str, *, required: bool = False) -> date | None:
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self._wrong(name, "a date, YYYY-MM-DD")
        return None

    def moment(self, name: str, *, required: bool = False) -> datetime | None:
        value = self._get(name, required)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or "T" not in value:
            self._wrong(name, "a moment, YYYY-MM-DDTHH:MM:SS+HH:MM")
            return None
        if moment.tzinfo is None:
            message = f"{name} must carry an offset, such as +00:00"
            self.problems.append(FieldProblem(name, "needs_offset", message))
            return None
        return moment

    def decimal(self, name: str, *, default: Decimal) -> Decimal:
        value = self._get(name, False)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self._wrong(name, "a number")
            return default
        try:
            return Decimal(str(value))
        except InvalidOperation:
            self._wrong(name, "a number")
            return default

    def mapping(self, name: str, *, required: bool = False) -> dict[str, Any] | None:
        value = self._get(name, required)
        if value is not None and not isinstance(value, dict):
            self._wrong(name, "an object")
            return None
        return value

    def items(self, name: str) -> list[dict[str, Any]]:
        value = self._get(name, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._wrong(name, "a list of objects")
            return []
        return value

    def unknown(self) -> list[FieldProblem]:
        if self.raw.keys() <= self.read:
            return []
        return [
            FieldProblem(name, "unknown_field", f"{name} is not a field of this file")
            for name in self.raw
            if name not in self.read
        ]


@dataclass(frozen=True)
class Clock:
    """The day and moment of the import: "past" means on or before them."""

    today: date
    now: datetime


def _prefixed(prefix: str, problems: list[FieldProblem]) -> list[FieldProblem]:
    return [FieldProblem(f"{prefix}.{p.field}", p.rule, p.message) for p in problems]


def _finish(f: Fields, parsed: Parsed, rules: Callable[[], list[FieldProblem]]) -> Parsed:
    """The type problems first; the part's rules only on a row whose fields all read."""
    parsed.problems = f.problems + f.unknown() if f.problems else f.unknown()
    if not parsed.problems:
        parsed.problems = rules()
    return parsed


def _unit(longest_code: int, parent: str | None) -> Callable[[Mapping[str, Any], Clock], Parsed]:
    def parse(raw: Mapping[str, Any], clock: Clock) -> Parsed:
        f = Fields(raw)
        code, name = f.text("code", required=True), f.text("name", required=True)
        refs = {parent: f.ref(parent)} if parent else {}
        parsed = Parsed({"code": code, "name": name}, refs, code)
        return _finish(
            f, parsed, lambda: validate_organisation_unit(code, name, longest_code=longest_code)
        )

    return parse


def parse_staff(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    new = NewStaff(
        username=f.text("username", required=True),
        officer_code=f.text("officer_code", required=True),
        first_name=f.text("first_name", required=True),
        last_name=f.text("last_name", required=True),
        grade=f.text("grade", required=True),
        role=f.text("role", required=True),
        contracted_hours=f.decimal("contracted_hours", default=Decimal("37")),
    )
    email = f.text("email", longest=254)
    values = {
        "officer_code": new.officer_code,
        "grade": new.grade,
        "role": new.role,
        "contracted_hours": new.contracted_hours,
    }
    user = {"first_name": new.first_name, "last_name": new.last_name, "email": email}
    parsed = Parsed(values, {"team": f.ref("team", required=False)}, new.username)
    parsed.children["user"] = [user]
    return _finish(f, parsed, lambda: validate_staff(new))


CRIMINAL_HISTORY_COUNTS = (
    "violent_sanctions",
    "contact_adult_sexual_sanctions",
    "contact_child_sexual_sanctions",
    "indecent_image_sanctions",
    "non_contact_sexual_offences",
)


def parse_person(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    new = NewPerson(
        crn=f.text("crn", required=True),
        first_name=f.text("first_name", required=True),
        last_name=f.text("last_name", required=True),
        preferred_name=f.text("preferred_name"),
        date_of_birth=f.day("date_of_birth", required=True),
        pnc_number=f.text("pnc_number"),
        sex=f.text("sex", required=True),
        equality={name: f.text(name) or NOT_RECORDED for name in EQUALITY_CODES},
        nationality=f.text("nationality"),
        preferred_language=f.text("preferred_language") or "English",
    )
    values = {
        "crn": new.crn,
        "first_name": new.first_name,
        "last_name": new.last_name,
        "preferred_name": new.preferred_name,
        "date_of_birth": new.date_of_birth,
        "pnc_number": new.pnc_number,
        "sex": new.sex,
        **new.equality,
        "nationality": new.nationality,
        "preferred_language": new.preferred_language,
        "interpreter_required": f.boolean("interpreter_required", default=False),
    }
    parsed = Parsed(values, {}, new.crn)
    history_raw = f.mapping("criminal_history")
    history: CriminalHistoryInput | None = None
    if history_raw is not None:
        h = Fields(history_raw)
        history = CriminalHistoryInput(
            total_sanctions=h.whole("total_sanctions", required=True, default=0),
            first_sanction_date=h.day("first_sanction_date", required=True),
            most_recent_sexual_offence_date=h.day("most_recent_sexual_offence_date"),
            **{name: h.whole(name, default=0) for name in CRIMINAL_HISTORY_COUNTS},
        )
        f.problems += _prefixed("criminal_history", h.problems + h.unknown())
        parsed.children["criminal_history"] = [vars(history)]

    def rules() -> list[FieldProblem]:
        problems = validate_person(new, today=clock.today)
        if history is not None:
            problems += _prefixed(
                "criminal_history",
                validate_criminal_history(
                    history, date_of_birth=new.date_of_birth, today=clock.today
                ),
            )
        return problems

    return _finish(f, parsed, rules)


def parse_event(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    crn = f.text("crn", required=True)
    new = NewEvent(
        number=f.whole("number", required=True, default=0),
        offence_code=f.text("offence_code", required=True),
        offence_description=f.text("offence_description"),
        offence_date=f.day("offence_date", required=True),
        conviction_date=f.day("conviction_date", required=True),
        court=f.text("court"),
    )
    parsed = Parsed(dict(vars(new)), {"person": crn}, (crn, new.number))
    return _finish(f, parsed, lambda: validate_event(new, today=clock.today))


def parse_sentence(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    event = (f.text("crn", required=True), f.whole("event", required=True, default=0))
    new = NewSentence(
        sentence_type=f.text("sentence_type", required=True),
        sentence_date=f.day("sentence_date", required=True),
        length=f.whole("length", required=True, default=0),
        length_unit=f.text("length_unit", required=True),
        release_date=f.day("release_date"),
        automatic_release_date=f.day("automatic_release_date"),
        licence_expiry_date=f.day("licence_expiry_date"),
        termination_date=f.day("termination_date"),
        termination_reason=f.text("termination_reason"),
    )
    values = {k: v for k, v in vars(new).items() if k != "conviction_date"}
    return _finish(f, Parsed(values, {"event": event}, event), lambda: [])


def sentence_rules(
    values: Mapping[str, Any], conviction_date: date, clock: Clock
) -> list[FieldProblem]:
    """A sentence's rules, once its event's date of conviction is known (loading reads it)."""
    return validate_sentence(
        NewSentence(**values, conviction_date=conviction_date), today=clock.today
    )


def parse_requirement(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    ref = f.ref("ref")
    sentence = (f.text("crn", required=True), f.whole("event", required=True, default=0))
    new = NewRequirement(
        category=f.text("category", required=True),
        length=f.whole("length"),
        length_unit=f.text("length_unit"),
        start_date=f.day("start_date", required=True),
        end_date=f.day("end_date"),
        termination_reason=f.text("termination_reason"),
    )
    values = {
        **vars(new),
        "electronic_monitoring": f.boolean("electronic_monitoring", default=False),
    }
    parsed = Parsed(values, {"sentence": sentence}, ref)
    return _finish(f, parsed, lambda: validate_requirement(new))


def parse_licence_condition(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    ref = f.ref("ref")
    sentence = (f.text("crn", required=True), f.whole("event", required=True, default=0))
    new = NewLicenceCondition(
        category=f.text("category", required=True),
        description=f.text("description"),
        start_date=f.day("start_date", required=True),
        end_date=f.day("end_date"),
    )
    parsed = Parsed(dict(vars(new)), {"sentence": sentence}, ref)
    return _finish(f, parsed, lambda: validate_licence_condition(new))


def parse_circumstance(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    change = CircumstanceChange(
        kind=f.text("kind", required=True),
        status=f.text("status", required=True),
        start_date=f.day("start_date", required=True),
    )
    end_date = f.day("end_date")
    values = {
        "kind": change.kind,
        "status": change.status,
        "start_date": change.start_date,
        "end_date": end_date,
        "verified": f.boolean("verified", default=False),
        "notes": f.text("notes", longest=10_000),
    }
    parsed = Parsed(values, {"person": crn}, ref)
    return _finish(
        f,
        parsed,
        lambda: (
            validate_circumstance(change, today=clock.today)
            + period_problems(change.start_date, end_date)
        ),
    )


def parse_registration(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    new = NewRegistration(
        register=f.text("register", required=True),
        category=f.text("category"),
        level=f.text("level"),
        registered_on=f.day("registered_on", required=True),
    )
    ended = f.day("deregistered_on")
    end_reason = f.text("end_reason")
    values = {
        **vars(new),
        "deregistered_on": ended,
        "end_reason": end_reason,
        "notes": f.text("notes", longest=10_000),
    }
    reviews: list[dict[str, Any]] = []
    for i, item in enumerate(f.items("reviews")):
        r = Fields(item)
        reviews.append(
            {"reviewed_on": r.day("reviewed_on", required=True), "notes": r.text("notes")}
        )
        f.problems += _prefixed(f"reviews[{i}]", r.problems + r.unknown())
    parsed = Parsed(values, {"person": crn}, ref, children={"reviews": reviews})

    def rules() -> list[FieldProblem]:
        problems = validate_registration(new, today=clock.today)
        if ended is not None and new.registered_on is not None:
            problems += validate_deregistration(
                new.registered_on, ended, end_reason, today=clock.today
            )
        for i, review in enumerate(reviews):
            problems += _prefixed(
                f"reviews[{i}]", validate_review(review["reviewed_on"], today=clock.today)
            )
        return problems

    return _finish(f, parsed, rules)


def parse_assessment(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    completed_on = f.day("completed_on", required=True)
    answers = f.mapping("answers", required=True) or {}
    parsed = Parsed({"completed_on": completed_on, "answers": answers}, {"person": crn}, ref)
    return _finish(f, parsed, lambda: validate_assessment(completed_on, answers, today=clock.today))


def parse_allocation(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    """The allocation's own rule (`validate_allocation`) needs the practitioner's grade and
    team: loading applies it once they are read."""
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    refs = {"person": crn, "staff": f.ref("staff"), "team": f.ref("team", required=False)}
    values = {"start_date": f.day("start_date", required=True), "end_date": f.day("end_date")}
    parsed = Parsed(values, refs, ref)
    return _finish(f, parsed, lambda: period_problems(values["start_date"], values["end_date"]))


def parse_contact(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    event = f.whole("event")
    new = ContactInput(
        contact_type=f.text("contact_type", required=True),
        happened_at=f.moment("happened_at", required=True),
        outcome=f.text("outcome"),
        enforcement_action=f.text("enforcement_action"),
        notes=f.text("notes"),
        actual_minutes=f.whole("actual_minutes"),
    )
    minutes_credited = f.whole("minutes_credited")
    values = {
        **vars(new),
        "sensitive": f.boolean("sensitive", default=False),
        "rar_activity": f.boolean("rar_activity", default=False),
        "minutes_credited": minutes_credited,
    }
    refs = {
        "person": crn,
        "event": (crn, event) if event is not None else None,
        "staff": f.ref("staff", required=False),
    }
    parsed = Parsed(values, refs, ref)
    return _finish(
        f,
        parsed,
        lambda: (
            validate_contact(new, now=clock.now)
            + validate_unpaid_work_credit(new.contact_type, minutes_credited)
        ),
    )


def parse_appointment(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    """The outcome's contact rule (same type, not cancelled) needs the contact: loading applies
    `appointment_rules` once it is read."""
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    new = NewAppointment(
        contact_type=f.text("contact_type", required=True),
        starts_at=f.moment("starts_at", required=True),
        duration_minutes=f.whole("duration_minutes", required=True),
        location=f.text("location"),
        notes=f.text("notes"),
    )
    values = {
        **vars(new),
        "location": location_for(new.contact_type, new.location),
        "must_attend": f.boolean("must_attend", default=True),
        "cancelled_at": f.moment("cancelled_at"),
        "cancellation_reason": f.text("cancellation_reason"),
    }
    refs = {
        "person": crn,
        "with_staff": f.ref("with_staff"),
        "contact": f.ref("contact", required=False),
    }
    return _finish(f, Parsed(values, refs, ref), lambda: [])


def appointment_rules(
    values: Mapping[str, Any], outcome_type: str | None, clock: Clock
) -> list[FieldProblem]:
    new = NewAppointment(
        contact_type=values["contact_type"],
        starts_at=values["starts_at"],
        duration_minutes=values["duration_minutes"],
        location=values["location"],
        notes=values["notes"],
    )
    return validate_appointment_record(
        new,
        now=clock.now,
        cancelled_at=values["cancelled_at"],
        cancellation_reason=values["cancellation_reason"],
        outcome_type=outcome_type,
    )


def parse_limited_access(raw: Mapping[str, Any], clock: Clock) -> Parsed:
    """The lists' rules (`validate_list_entry`) need the entries already held: loading."""
    f = Fields(raw)
    ref, crn = f.ref("ref"), f.text("crn", required=True)
    kind = f.text("kind", required=True)
    values = {
        "kind": kind,
        "start_date": f.day("start_date", required=True),
        "end_date": f.day("end_date"),
        "reason": f.text("reason", longest=200),
    }
    parsed = Parsed(values, {"person": crn, "user": f.ref("username")}, ref)

    def rules() -> list[FieldProblem]:
        if kind not in ("exclusion", "restriction"):
            return [FieldProblem("kind", "unknown_code", "kind is exclusion or restriction")]
        return []

    return _finish(f, parsed, rules)


Parser = Callable[[Mapping[str, Any], Clock], Parsed]

#: Every file of the format, in load order, with how its rows are read.
FILES: dict[str, Parser] = {
    "regions.jsonl": _unit(10, None),
    "delivery_units.jsonl": _unit(10, "region"),
    "teams.jsonl": _unit(12, "delivery_unit"),
    "staff.jsonl": parse_staff,
    "people.jsonl": parse_person,
    "events.jsonl": parse_event,
    "sentences.jsonl": parse_sentence,
    "requirements.jsonl": parse_requirement,
    "licence_conditions.jsonl": parse_licence_condition,
    "circumstances.jsonl": parse_circumstance,
    "registrations.jsonl": parse_registration,
    "assessments.jsonl": parse_assessment,
    "allocations.jsonl": parse_allocation,
    "contacts.jsonl": parse_contact,
    "appointments.jsonl": parse_appointment,
    "limited_access.jsonl": parse_limited_access,
}


def parse_row(file: str, text: str | bytes, clock: Clock) -> Parsed:
    """One line of one file, read and checked against every rule that needs no database."""
    raw, problems = read_line(text)
    if raw is None:
        return Parsed({}, {}, None, problems)
    return FILES[file](raw, clock)


def row_errors(file: str, line: int, problems: list[FieldProblem]) -> list[RowError]:
    return [RowError(file, line, p.field, p.rule, p.message) for p in problems]
