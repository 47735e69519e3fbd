"""Reading the audit log: whose entries a user may see, and the filters investigations use.

Who sees which entries (the `SEE_CASE_AUDIT` capability is needed for any):

- an administrator (`MANAGE_USERS`: the administrator role, or Django's `is_staff` on top of
  another role) sees every entry, with or without a CRN, in the audit search. They see no
  case content: the audit pages and the export show only the audit's own fields;
- anyone else with the capability (team managers, heads of delivery units) sees the entries
  about the cases they can see today (`visible_cases`), everyone's, refused attempts included,
  and nothing about a case they cannot see, so the audit does not reveal that it exists.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from caseload.access.audit_actions import ORIGINS, describe, is_refusal, outcome_label
from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import visible_cases
from caseload.access.models import AuditEvent


def sees_every_entry(user: Any) -> bool:
    return has_capability(user, Capability.SEE_CASE_AUDIT) and has_capability(
        user, Capability.MANAGE_USERS
    )


def may_see_case_audit(user: Any, crn: str) -> bool:
    """For "who viewed this case": the capability, and the case among those the user can see."""
    if not has_capability(user, Capability.SEE_CASE_AUDIT):
        return False
    return visible_cases(user).filter(crn=crn).exists()


def entries_for(user: Any) -> QuerySet[AuditEvent]:
    """Every entry `user` may see, newest first, with who made each."""
    entries = AuditEvent.objects.select_related("user__staff")
    if not has_capability(user, Capability.SEE_CASE_AUDIT):
        return entries.none()
    if sees_every_entry(user):
        return entries
    return entries.filter(crn__in=visible_cases(user).values("crn"))


def start_of_day(day: date) -> datetime:
    """Midnight at the start of `day` in UK time (the service's time zone)."""
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class AuditFilters:
    crn: str = ""
    username: str = ""
    from_date: date | None = None
    to_date: date | None = None
    action: str = ""

    def apply(self, entries: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        """The entries that match every filter given; dates are whole UK days, inclusive."""
        if self.crn:
            entries = entries.filter(crn=self.crn.upper())
        if self.username:
            entries = entries.filter(user__username=self.username)
        if self.from_date:
            entries = entries.filter(at__gte=start_of_day(self.from_date))
        if self.to_date:
            entries = entries.filter(at__lt=start_of_day(self.to_date + timedelta(days=1)))
        if self.action:
            entries = entries.filter(action=self.action)
        return entries

    def as_detail(self) -> dict[str, str]:
        """What was asked for, for the VIEW_AUDIT or EXPORT_AUDIT entry."""
        given = {
            "crn": self.crn.upper(),
            "username": self.username,
            "from": self.from_date.isoformat() if self.from_date else "",
            "to": self.to_date.isoformat() if self.to_date else "",
            "action": self.action,
        }
        return {name: value for name, value in given.items() if value}


def who(entry: AuditEvent) -> dict[str, str]:
    """The user's name, username and role as shown and exported; empty for no one signed in."""
    user = entry.user
    if user is None:
        return {"name": "", "username": "", "role": ""}
    staff = getattr(user, "staff", None)
    return {
        "name": user.get_full_name() or user.get_username(),
        "username": user.get_username(),
        "role": staff.get_role_display() if staff is not None else "",
    }


def as_shown(entry: AuditEvent) -> dict[str, Any]:
    """One entry as the audit pages show it."""
    return {
        "at": entry.at,
        **who(entry),
        "description": describe(entry.action, entry.outcome),
        "crn": entry.crn,
        "refused": is_refusal(entry.outcome),
        "outcome": outcome_label(entry.outcome),
        "via": ORIGINS.get(entry.via, entry.via),
        "ip_address": entry.ip_address or "",
    }


def as_row(entry: AuditEvent) -> dict[str, Any]:
    """One entry as exported: its own fields, in words where a code needs them."""
    return {
        "id": entry.pk,
        "at": timezone.localtime(entry.at).isoformat(),
        **who(entry),
        "action": entry.action,
        "description": describe(entry.action, entry.outcome),
        "crn": entry.crn,
        "outcome": entry.outcome,
        "outcome_description": outcome_label(entry.outcome),
        "via": entry.via,
        "where": entry.where,
        "ip_address": entry.ip_address or "",
        "detail": entry.detail,
    }


def rows(entries: QuerySet[AuditEvent], chunk_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Oldest first, streamed from the database in chunks rather than loaded at once."""
    ordered = entries.select_related("user__staff").order_by("at", "id")
    for entry in ordered.iterator(chunk_size=chunk_size):
        yield as_row(entry)
