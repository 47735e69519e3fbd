"""Limited-access (LAO) rules, pure: who a case's exclusion and restriction lists keep out, and
what a change to the lists must satisfy.

The semantics are Delius's, as ministryofjustice/hmpps-probation-integration-services'
`libs/limited-access` library implements them: a user is *excluded* if an exclusion in force
names them; *restricted* if any restriction is in force and none names them. A list entry runs
from its start date to its end date (exclusive), like every period in the record
(`caseload.core.dates.in_force`). The database form of `kept_out` is
`caseload.access.cases.limited_access_refusals`; a property test holds the two together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from caseload.core.dates import in_force
from caseload.core.errors import FieldProblem

Kind = Literal["exclusion", "restriction"]
KINDS: tuple[Kind, ...] = ("exclusion", "restriction")


@dataclass(frozen=True)
class ListEntry:
    kind: Kind
    user_id: int
    start_date: date
    end_date: date | None

    def in_force_on(self, day: date) -> bool:
        return in_force(self.start_date, self.end_date, day)


def kept_out(user_id: int, entries: Sequence[ListEntry], day: date) -> bool:
    """Whether the lists keep this user out of the case on this day."""
    current = [e for e in entries if e.in_force_on(day)]
    if any(e.kind == "exclusion" and e.user_id == user_id for e in current):
        return True
    restrictions = [e for e in current if e.kind == "restriction"]
    return bool(restrictions) and all(e.user_id != user_id for e in restrictions)


def _overlaps(a: ListEntry, b: ListEntry) -> bool:
    a_end, b_end = a.end_date or date.max, b.end_date or date.max
    return a.start_date < b_end and b.start_date < a_end


def validate_new_entry(
    entry: ListEntry,
    *,
    existing: Sequence[ListEntry],
    acting_user_id: int,
    user_found: bool,
    today: date,
) -> list[FieldProblem]:
    """The rules for naming someone on a list.

    The first restriction must name the person making it (or they would lock themselves out of
    the case and of its lists), and nobody is on both lists at once.
    """
    if not user_found:
        return [
            FieldProblem("username", "unknown", "Enter the username of an active member of staff")
        ]
    problems: list[FieldProblem] = []
    if entry.kind == "exclusion" and entry.user_id == acting_user_id:
        problems.append(
            FieldProblem("username", "not_yourself", "You cannot exclude yourself from a case")
        )
    problems += _period_problems(entry)
    if entry.end_date is not None and entry.end_date <= today:
        problems.append(FieldProblem("end_date", "future", "The end date must be in the future"))
    if problems:
        return problems
    problems += _listed_problems(entry, existing)
    restricted_to = {e.user_id for e in existing if e.kind == "restriction" and _overlaps(e, entry)}
    if (
        entry.kind == "restriction"
        and entry.user_id != acting_user_id
        and acting_user_id not in restricted_to
    ):
        problems.append(
            FieldProblem(
                "username",
                "restrict_yourself_first",
                "Add yourself to the restriction list first, or you would lose access to the case",
            )
        )
    return problems


def validate_list_entry(
    entry: ListEntry, *, existing: Sequence[ListEntry], user_found: bool
) -> list[FieldProblem]:
    """The rules of the lists themselves, for an entry that another system recorded
    (`caseload import`): it may have ended already, and nobody in caseload is making it, so
    the rules about the user making a change do not apply."""
    if not user_found:
        return [FieldProblem("username", "unknown", "Enter the username of a member of staff")]
    return _period_problems(entry) or _listed_problems(entry, existing)


def _period_problems(entry: ListEntry) -> list[FieldProblem]:
    if entry.end_date is not None and entry.end_date <= entry.start_date:
        return [
            FieldProblem("end_date", "after_start", "The end date must be after the start date")
        ]
    return []


def _listed_problems(entry: ListEntry, existing: Sequence[ListEntry]) -> list[FieldProblem]:
    """Nobody is twice on one list, or on both lists, at the same time."""
    theirs = [e for e in existing if e.user_id == entry.user_id and _overlaps(e, entry)]
    if any(e.kind == entry.kind for e in theirs):
        return [
            FieldProblem("username", "already_listed", "This person is already on that list then")
        ]
    if theirs:
        return [
            FieldProblem(
                "username",
                "on_both_lists",
                "This person is on the other list then: end that entry first",
            )
        ]
    return []


def validate_ending(entry: ListEntry, end_date: date | None, *, today: date) -> list[FieldProblem]:
    if end_date is None:
        return [FieldProblem("end_date", "required", "Enter the date the entry ends")]
    if entry.end_date is not None and entry.end_date <= today:
        return [FieldProblem("end_date", "already_ended", "This entry has already ended")]
    if end_date < entry.start_date:
        return [
            FieldProblem(
                "end_date", "after_start", "The end date must be on or after the start date"
            )
        ]
    if end_date < today:
        return [FieldProblem("end_date", "not_past", "The end date must be today or later")]
    return []
