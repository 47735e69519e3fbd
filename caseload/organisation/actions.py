"""Writes about the organisation: allocating a case to a practitioner, and the new
practitioner reading the handover that a reallocation makes."""

from datetime import date
from typing import Any

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.organisation.domain import NewAllocation, validate_allocation
from caseload.organisation.models import Allocation, Handover, Staff


def describe_allocation(allocation: Any) -> str:
    """An allocation (or a version of it from its history) in plain words."""
    text = f"Allocated to {allocation.staff} ({allocation.team}) from "
    text += day_in_words(allocation.start_date)
    if allocation.end_date:
        text += f" until {day_in_words(allocation.end_date)}"
    return text


@case_action("ALLOCATE_CASE", cause="case allocated")
def allocate_case(
    case: CaseWrite, *, staff_id: int | None, start_date: date | None, replacing: Seen | None
) -> Allocation:
    """Allocate a case to a practitioner from `start_date`, which may be a later day: the
    allocation it replaces runs until then.

    `replacing` is the latest open allocation the user saw (None: none); if the case has been
    allocated since, the new allocation is refused (`StaleEdit`). Moving a case from one
    practitioner to another records a `Handover`, so the new one is shown the handover summary.
    """
    staff = Staff.objects.select_related("team").filter(pk=staff_id).first()
    current = case.person.allocations.latest_open().first()
    refuse_stale_edit(
        "current allocation",
        replacing,
        current,
        model=Allocation,
        describe=describe_allocation,
    )
    problems = validate_allocation(
        NewAllocation(
            practitioner_grade=staff.grade if staff else None,
            practitioner_has_team=staff is not None and staff.team_id is not None,
            start_date=start_date,
            current_since=current.start_date if current else None,
        )
    )
    if problems:
        raise ActionInvalid(problems)
    assert staff is not None and staff.team is not None
    if current:
        current.end_date = start_date
        current.save(update_fields=["end_date"])
        case.staff_to_refresh.add(current.staff_id)
    allocation = Allocation.objects.create(
        person=case.person,
        staff=staff,
        team=staff.team,
        start_date=start_date,
        allocated_by=case.acting_user,
    )
    if current and current.staff_id != staff.pk:
        Handover.objects.create(allocation=allocation, handed_over_from=current)
    case.staff_to_refresh.add(staff.pk)
    case.audit.update(staff=staff.officer_code)
    return allocation


@case_action("READ_HANDOVER", cause="handover read")
def read_handover(case: CaseWrite, handover_id: int) -> Handover:
    """The practitioner now holding the case has read its handover summary: it is no longer
    flagged to them. Only they mark it; reading it again changes nothing."""
    handover = Handover.objects.select_related("allocation__staff").get(
        pk=handover_id, allocation__person=case.person
    )
    holder = getattr(handover.allocation.staff, "user_id", None)
    if handover.read_at is None and holder == getattr(case.acting_user, "pk", None):
        handover.read_at = case.now
        handover.save(update_fields=["read_at"])
    case.audit.update(handover_id=handover.pk)
    return handover
