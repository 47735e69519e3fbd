"""Versions of editable records, and the one rule for a stale edit. Pure: no Django.

A record that can be changed after it is written carries a version: 1 when it is written, one
more on every change (`caseload.core.models.Versioned`). A page or API caller sends back the
version it was shown. An edit made from an older version would silently replace a change its
author never saw, so the action refuses it (`caseload.core.errors.StaleEdit`) before anything
is written, and shows both versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Seen:
    """A record as someone saw it: which one, and at which version."""

    id: int
    version: int

    def token(self) -> str:
        """How a form carries it in a hidden field: "id:version"."""
        return f"{self.id}:{self.version}"

    @classmethod
    def parse(cls, token: str) -> Seen | None:
        """The inverse of `token`; "" means the user saw no record. Anything else: ValueError."""
        if token == "":
            return None
        record_id, sep, version = token.partition(":")
        if not sep or not record_id.isdigit() or not version.isdigit():
            raise ValueError(f"Not a record version: {token!r}")
        seen = cls(int(record_id), int(version))
        if seen.id < 1 or seen.version < 1:
            raise ValueError(f"Not a record version: {token!r}")
        return seen


def is_stale(seen: Seen | None, recorded: Seen | None) -> bool:
    """An edit is stale unless the record it changes (or replaces) is exactly the one, at the
    version, the user saw. Seeing none when one is recorded now, or the reverse, is stale too."""
    return seen != recorded


@dataclass(frozen=True)
class RecordVersion:
    """One version of a record in plain words, for the conflict page and the API's 409."""

    id: int
    version: int
    #: The record as it was at this version, e.g. "Accommodation: Settled, from 3 March 2026".
    summary: str
    #: Who wrote this version ("" when not known, e.g. loaded in bulk).
    changed_by: str = ""
    #: When, in local time (None when not known).
    changed_at: datetime | None = None

    @property
    def when(self) -> str:
        """When it was written, in words ("" when not known)."""
        return when_in_words(self.changed_at) if self.changed_at else ""

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "version": self.version,
            "summary": self.summary,
            "changed_by": self.changed_by or None,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
        }


def time_in_words(moment: datetime) -> str:
    """GOV.UK style: "2:05pm", "5pm", "midday", "midnight" (the moment's own wall-clock time)."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def when_in_words(moment: datetime) -> str:
    """GOV.UK style: "2:05pm on 3 March 2026"."""
    return f"{time_in_words(moment)} on {day_in_words(moment)}"


def day_in_words(day: date) -> str:
    """GOV.UK style: "3 March 2026"."""
    return f"{day.day} {day:%B %Y}"
