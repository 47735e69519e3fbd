"""The case timeline: every recorded fact and derived change, newest first, in one list."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone


@dataclass(frozen=True)
class TimelineItem:
    when: datetime | date
    title: str
    detail: str
    by: str
    kind: str

    @property
    def sort_key(self) -> datetime:
        if isinstance(self.when, datetime):
            return self.when
        return timezone.make_aware(datetime.combine(self.when, datetime.min.time()))


def _name(user: Any) -> str:
    if user is None:
        return "caseload"
    return user.get_full_name() or user.get_username()


def case_timeline(person: Any, *, with_notes: bool, limit: int = 200) -> list[TimelineItem]:
    """`with_notes` false leaves out every free-text note (for viewers who may not see them);
    a contact marked sensitive never shows its notes here."""
    items: list[TimelineItem] = []
    for c in person.contacts.select_related("recorded_by").all()[:limit]:
        outcome = f" – {c.get_outcome_display()}" if c.outcome else ""
        action = (
            f". Enforcement: {c.get_enforcement_action_display()}" if c.enforcement_action else ""
        )
        notes = c.notes if with_notes and not c.sensitive else ""
        items.append(
            TimelineItem(
                c.happened_at,
                f"{c.get_contact_type_display()}{outcome}",
                (notes + action).strip(),
                _name(c.recorded_by),
                "contact",
            )
        )
    for r in person.registrations.select_related("registered_by").all():
        items.append(
            TimelineItem(
                r.registered_on,
                f"Registered: {r.get_register_display()}",
                r.notes if with_notes else "",
                _name(r.registered_by),
                "registration",
            )
        )
        if r.deregistered_on:
            items.append(
                TimelineItem(
                    r.deregistered_on, f"Ended: {r.get_register_display()}", "", "", "registration"
                )
            )
    for ci in person.circumstances.select_related("recorded_by").all():
        items.append(
            TimelineItem(
                ci.start_date,
                f"{ci.get_kind_display()}: {ci.get_status_display()}",
                ci.notes if with_notes else "",
                _name(ci.recorded_by),
                "circumstance",
            )
        )
    for a in person.allocations.select_related("staff__user", "allocated_by").all():
        items.append(
            TimelineItem(
                a.start_date, f"Allocated to {a.staff}", "", _name(a.allocated_by), "allocation"
            )
        )
    for t in person.tier_changes.all():
        items.append(
            TimelineItem(
                t.changed_at,
                f"Tier ({t.framework}) {t.previous_tier or 'none'} → {t.new_tier}",
                t.cause,
                "caseload",
                "tier",
            )
        )
    items.sort(key=lambda i: i.sort_key, reverse=True)
    return items[:limit]
