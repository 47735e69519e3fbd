"""Confirming a reallocation: each case its own allocation (its own transaction, its own
"Case allocated" contact), so a case that fails leaves the others allocated and itself as it
was; the result says which failed and why."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import Http404

from caseload.allocation.actions import allocate_with_note
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.core.versions import Seen
from caseload.organisation.models import Allocation
from caseload.people.models import Person


@dataclass(frozen=True)
class Result:
    crn: str
    allocated: bool
    problem: str = ""


def allocate_each(
    user: Any,
    chosen: dict[str, str],
    *,
    from_staff_id: int,
    start_date: date,
    note: str,
    names: dict[str, int],
) -> list[Result]:
    """`chosen`: CRN to the username of the practitioner it goes to; `names`: username to staff
    id of those who may receive cases. A case no longer held by `from_staff_id` (moved since the
    proposal was shown) is left alone and reported."""
    results = []
    for crn, username in sorted(chosen.items()):
        staff_id = names.get(username)
        if staff_id is None:
            results.append(Result(crn, False, "Not a practitioner who may receive cases"))
            continue
        current = (
            Allocation.objects.filter(person__in=Person.objects.filter(crn=crn))
            .latest_open()
            .first()
        )
        if current is None or current.staff_id != from_staff_id:
            results.append(Result(crn, False, "No longer held by this practitioner"))
            continue
        try:
            allocate_with_note(
                crn,
                acting_user=user,
                staff_id=staff_id,
                start_date=start_date,
                replacing=Seen(current.pk, current.version) if current else None,
                note=note,
            )
        except ActionInvalid as exc:
            results.append(Result(crn, False, "; ".join(p.message for p in exc.problems)))
        except StaleEdit:
            results.append(Result(crn, False, "Allocated by someone else meanwhile"))
        except Http404:
            results.append(Result(crn, False, "Not a case you may allocate"))
        else:
            results.append(Result(crn, True))
    return results
