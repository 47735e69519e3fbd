"""Lists of essentials across cases: who holds each case, and the team's counts.

The reading functions (`reading.py`) answer with one `EssentialView` per essential; these add
what the team's lists need besides, in one query for the whole list.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from caseload.essentials.reading import EssentialView, State
from caseload.organisation.models import Allocation, Staff

#: What Today and the team view count: the work still to do (a snoozed essential is not).
OPEN_STATES = (State.OVERDUE, State.DUE)


def holders(person_ids: Iterable[int]) -> dict[int, Staff]:
    """Who holds each case today (one query)."""
    held = Allocation.objects.current().filter(person_id__in=set(person_ids))
    return {a.person_id: a.staff for a in held.select_related("staff__user")}


@dataclass(frozen=True)
class CountRow:
    """One line of the team view: a practitioner or a kind of essential, and its counts."""

    key: str
    label: str
    overdue: int
    due: int


def _rows(counts: Counter[tuple[str, str]], labels: dict[str, str]) -> list[CountRow]:
    rows = [
        CountRow(key, label, counts[(key, State.OVERDUE)], counts[(key, State.DUE)])
        for key, label in labels.items()
    ]
    return sorted(rows, key=lambda r: (-r.overdue, -r.due, r.label))


def team_counts(
    found: Sequence[EssentialView], held_by: dict[int, Staff]
) -> tuple[list[CountRow], list[CountRow]]:
    """Counts of overdue and due essentials by practitioner and by kind, most overdue first."""
    by_practitioner: Counter[tuple[str, str]] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    practitioners: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for e in found:
        staff = held_by.get(e.person_id)
        if staff is not None:
            username = staff.user.get_username()
            practitioners[username] = str(staff)
            by_practitioner[(username, e.state)] += 1
        kinds[e.kind] = e.title
        by_kind[(e.kind, e.state)] += 1
    return _rows(by_practitioner, practitioners), _rows(by_kind, kinds)
