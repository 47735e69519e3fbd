"""The activity log: what people recorded (every contact, registration, change of
circumstances, allocation, safeguarding enquiry, plan and oversight, filtered and searched),
kept apart from what the system recorded (tier changes when a recompute moved a derived value).

Notes are searched only where the viewer may read them: never a contact marked sensitive, and
not at all for a viewer without the capability to see notes, so a search can never reveal, even
by a count, what a hidden note says.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from caseload.contacts.domain import outcomes_with


@dataclass(frozen=True)
class ActivityFilters:
    contact_type: str = ""
    outcome: str = ""
    compliance: str = ""
    from_date: date | None = None
    to_date: date | None = None
    #: Words to find in the notes; ignored for a viewer who may not read notes.
    notes: str = ""

    @property
    def any(self) -> bool:
        return any(
            (
                self.contact_type,
                self.outcome,
                self.compliance,
                self.from_date,
                self.to_date,
                self.notes,
            )
        )


def _start_of(day: date) -> datetime:
    """Midnight UK time at the start of `day`, as a moment (right across the clock changes)."""
    return timezone.make_aware(datetime.combine(day, time.min))


#: Kinds of entry, besides contacts, that people record: the type filter offers them too.
OTHER_KINDS = {
    "REGISTRATION": "Registrations",
    "CIRCUMSTANCE": "Changes of circumstances",
    "ALLOCATION": "Allocations",
    "ENQUIRY": "Safeguarding enquiries",
    "PLAN": "Plans and management oversight",
}


@dataclass(frozen=True)
class Entry:
    """One thing a person recorded, as the log shows it."""

    when: datetime | date
    title: str
    by: str
    notes: str = ""
    sensitive: bool = False
    outcome: str = ""
    enforcement: str = ""

    @property
    def moment(self) -> datetime:
        return self.when if isinstance(self.when, datetime) else _start_of(self.when)

    @property
    def timed(self) -> bool:
        return isinstance(self.when, datetime)


def _contacts(person: Any, filters: ActivityFilters, notes_searchable: bool) -> QuerySet[Any]:
    contacts = person.contacts.select_related("recorded_by")
    if filters.contact_type:
        contacts = contacts.filter(contact_type=filters.contact_type)
    if filters.outcome:
        contacts = contacts.filter(outcome=filters.outcome)
    if filters.compliance:
        contacts = contacts.filter(outcome__in=outcomes_with(filters.compliance))
    if filters.from_date:
        contacts = contacts.filter(happened_at__gte=_start_of(filters.from_date))
    if filters.to_date:
        contacts = contacts.filter(happened_at__lt=_start_of(filters.to_date + timedelta(days=1)))
    if filters.notes and notes_searchable:
        contacts = contacts.filter(sensitive=False, notes__icontains=filters.notes)
    return contacts


def _other_entries(person: Any) -> dict[str, list[Entry]]:
    registrations: list[Entry] = []
    for r in person.registrations.select_related("registered_by"):
        label = r.get_register_display()
        registrations.append(
            Entry(r.registered_on, f"Registered: {label}", _name(r.registered_by), r.notes)
        )
        if r.deregistered_on:
            registrations.append(Entry(r.deregistered_on, f"Registration ended: {label}", ""))
    return {
        "REGISTRATION": registrations,
        "CIRCUMSTANCE": [
            Entry(
                c.start_date,
                f"{c.get_kind_display()}: {c.get_status_display()}",
                _name(c.recorded_by),
                c.notes,
            )
            for c in person.circumstances.select_related("recorded_by")
        ],
        "ALLOCATION": [
            Entry(a.start_date, f"Allocated to {a.staff}", _name(a.allocated_by))
            for a in person.allocations.select_related("staff__user", "allocated_by")
        ],
        "ENQUIRY": _enquiry_entries(person),
        "PLAN": _plan_entries(person),
    }


def _enquiry_entries(person: Any) -> list[Entry]:
    """Each enquiry requested, and its response with what was shared (shown, like any note, only
    to a viewer who may read notes)."""
    entries: list[Entry] = []
    for e in person.enquiries.select_related("requested_by"):
        kind = e.get_kind_display()
        why = e.get_reason_display().lower()
        entries.append(Entry(e.requested_on, f"{kind} requested ({why})", _name(e.requested_by)))
        if e.responded_on:
            answer = e.get_response_display().lower()
            entries.append(Entry(e.responded_on, f"{kind}: {answer}", "", e.response_notes))
    return entries


def _plan_entries(person: Any) -> list[Entry]:
    entries = [
        Entry(
            p.completed_on,
            f"Sentence plan completed: {p.get_contact_every_days_display().lower()} contact",
            _name(p.recorded_by),
            p.notes,
        )
        for p in person.sentence_plans.select_related("recorded_by")
    ]
    entries += [
        Entry(p.completed_on, "Risk management plan completed", _name(p.recorded_by), p.notes)
        for p in person.risk_management_plans.select_related("recorded_by")
    ]
    entries += [
        Entry(o.recorded_on, "Management oversight", _name(o.staff.user), o.notes)
        for o in person.management_oversight.select_related("staff__user")
    ]
    return entries


def _matches(entry: Entry, filters: ActivityFilters, notes_searchable: bool) -> bool:
    day = entry.when.date() if isinstance(entry.when, datetime) else entry.when
    return (
        (filters.from_date is None or day >= filters.from_date)
        and (filters.to_date is None or day <= filters.to_date)
        and (
            not filters.notes
            or (notes_searchable and filters.notes.casefold() in entry.notes.casefold())
        )
    )


def people_entries(person: Any, filters: ActivityFilters, *, notes_searchable: bool) -> list[Entry]:
    """Everything people recorded on the case that matches every filter given, newest first:
    contacts, and (unless the filters ask about outcomes or a contact type) registrations,
    changes of circumstances and allocations."""
    entries: list[Entry] = []
    kind = filters.contact_type
    contacts_only = bool(filters.outcome or filters.compliance)
    if kind not in OTHER_KINDS:
        for c in _contacts(person, filters, notes_searchable):
            entries.append(
                Entry(
                    c.happened_at,
                    c.get_contact_type_display()
                    + (f" – {c.get_outcome_display()}" if c.outcome else ""),
                    recorded_by(c),
                    c.notes,
                    c.sensitive,
                    c.outcome,
                    c.get_enforcement_action_display() if c.enforcement_action else "",
                )
            )
    if not contacts_only and (not kind or kind in OTHER_KINDS):
        for other, found in _other_entries(person).items():
            if not kind or kind == other:
                entries += [e for e in found if _matches(e, filters, notes_searchable)]
    entries.sort(key=lambda e: e.moment, reverse=True)
    return entries


@dataclass(frozen=True)
class SystemEntry:
    when: datetime
    title: str
    detail: str


def system_entries(person: Any) -> list[SystemEntry]:
    """What the system recorded about the case, newest first: each change of tier, with the
    change of facts that caused it."""
    primary = settings.PRIMARY_TIER_FRAMEWORK

    def tier(framework: str) -> str:
        return "Tier" if framework == primary else f"Tier ({framework} framework)"

    return [
        SystemEntry(
            t.changed_at,
            f"{tier(t.framework)} changed from {t.previous_tier or 'none'} to {t.new_tier}",
            f"Recalculated because: {t.cause}" if t.cause else "",
        )
        for t in person.tier_changes.order_by("-changed_at", "-id")
    ]


def recorded_by(contact: Any) -> str:
    """Who recorded a contact: their name, or "" for one loaded without a user."""
    return _name(contact.recorded_by)


def _name(user: Any) -> str:
    return "" if user is None else str(user.get_full_name() or user.get_username())
