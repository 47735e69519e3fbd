"""Refuse an edit made from a version of a record that is no longer the latest.

An action calls `refuse_stale_edit` after the case's row is locked and before it writes, with
what the user saw (`Seen`, or None when they saw no such record) and what is recorded now. Both
versions are described from the record's history: who wrote each, when, and what it said.
"""

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from caseload.core.errors import StaleEdit
from caseload.core.models import Versioned
from caseload.core.versions import RecordVersion, Seen, is_stale


def refuse_stale_edit(
    record: str,
    seen: Seen | None,
    current: Versioned | None,
    *,
    model: type[Versioned],
    describe: Callable[[Any], str],
) -> None:
    """Raise `StaleEdit` unless `current` is exactly the record, at the version, the user saw.

    `record` names it in words ("registration"); `describe(row)` says what a version of it
    held, for the record itself or one of its history rows.
    """
    recorded = current.seen if current is not None else None
    if not is_stale(seen, recorded):
        return
    raise StaleEdit(
        record,
        seen=version_in_words(model, seen, describe),
        recorded=version_in_words(model, recorded, describe, current=current),
    )


def _name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.username)


def version_in_words(
    model: type[Versioned],
    seen: Seen | None,
    describe: Callable[[Any], str],
    *,
    current: Versioned | None = None,
) -> RecordVersion | None:
    if seen is None:
        return None
    history: Any = model.history  # type: ignore[attr-defined]
    row = (
        history.filter(id=seen.id, version=seen.version)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if row is not None:
        when = timezone.localtime(row.history_date)
        return RecordVersion(seen.id, seen.version, describe(row), _name(row.history_user), when)
    if current is not None:  # written in bulk, without a history row
        return RecordVersion(seen.id, seen.version, describe(current))
    return RecordVersion(seen.id, seen.version, f"Version {seen.version}, which is not on record")
