"""Allocation's writes: allocating a case with the decision recorded as a contact, and recording
that a practitioner is away or leaving (so their cases are listed for reallocation)."""

from datetime import date
from typing import Any

from django.db import transaction

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.case_write import CaseWrite, case_action
from caseload.access.cases import may_change
from caseload.allocation.domain.suitability import suitability
from caseload.allocation.models import Absence
from caseload.allocation.reading import absences_to_cover, kept_out_of
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen
from caseload.organisation.actions import allocate_case, describe_allocation
from caseload.organisation.constants import Role
from caseload.organisation.models import Allocation, Staff
from caseload.tiering.models import CaseTier

#: The contact type of the allocation decision (`caseload.contacts.domain.CONTACT_TYPES`).
CASE_ALLOCATED = "CAAL"
MOST_NOTE_CHARACTERS = 4000


def _problems(case: CaseWrite, staff: Staff | None, note: str) -> list[FieldProblem]:
    problems = []
    if not may_change(case.acting_user, case.person):
        problems.append(
            FieldProblem(
                "staff",
                "not_your_team",
                "Only a manager of the team holding this case can allocate it",
            )
        )
    if not note.strip():
        problems.append(FieldProblem("note", "required", "Enter a note about the allocation"))
    elif len(note) > MOST_NOTE_CHARACTERS:
        problems.append(
            FieldProblem(
                "note", "too_long", f"The note must be {MOST_NOTE_CHARACTERS} characters or fewer"
            )
        )
    if staff is None or staff.role != Role.PRACTITIONER:
        problems.append(FieldProblem("staff", "required", "Select a practitioner"))
        return problems
    current = case.person.allocations.active_on(case.today).first()
    if current is not None and current.staff_id == staff.pk:
        problems.append(FieldProblem("staff", "already_holds", f"{staff} already holds this case"))
    tier = CaseTier.objects.filter(person=case.person).values_list("v2_tier", flat=True).first()
    fit = suitability(
        staff.grade,
        tier or "",
        kept_out=kept_out_of(staff, case.person),
        away=staff.pk in absences_to_cover([staff.pk], case.today),
    )
    if not fit.suitable:
        problems.append(
            FieldProblem("staff", "unsuitable", f"{staff} cannot be chosen: {fit.words}")
        )
    return problems


@case_action("ALLOCATE_CASE", cause="case allocated", needs=Capability.OVERSEE_CASES)
def allocate_with_note(
    case: CaseWrite,
    *,
    staff_id: int | None,
    start_date: date | None,
    replacing: Seen | None,
    note: str,
) -> Allocation:
    """Allocate the case (organisation's `allocate_case`, which ends the current allocation and
    records the handover) and record the decision with its note as a "Case allocated" contact,
    in one transaction: both or neither.

    A manager's task (`OVERSEE_CASES`) on a case they may change (held in their own team); the
    practitioner must be suitable (`domain.suitability`)."""
    # Stale first: a case allocated since the manager looked is a conflict, whoever it went to.
    refuse_stale_edit(
        "current allocation",
        replacing,
        case.person.allocations.latest_open().first(),
        model=Allocation,
        describe=describe_allocation,
    )
    staff = Staff.objects.select_related("team", "user").filter(pk=staff_id).first()
    problems = _problems(case, staff, note)
    if problems:
        raise ActionInvalid(problems)
    # The body of organisation's action, inside this action's transaction and row lock.
    allocation: Allocation = allocate_case.__wrapped__(  # type: ignore[attr-defined]
        case, staff_id=staff_id, start_date=start_date, replacing=replacing
    )
    contact = Contact.objects.create(
        person=case.person,
        contact_type=CASE_ALLOCATED,
        happened_at=case.now,
        notes=note.strip(),
        staff=getattr(case.acting_user, "staff", None),
        recorded_by=case.acting_user,
    )
    case.audit.update(contact_id=contact.pk, type=CASE_ALLOCATED)
    return allocation


def record_absence(
    *, acting_user: Any, staff: Staff, kind: str, start_date: date, end_date: date | None
) -> Absence:
    """That a practitioner is or will be away, or is leaving; audited."""
    if end_date is not None and end_date <= start_date:
        raise ActionInvalid(
            [FieldProblem("end_date", "after_start", "Back on must be after the first day away")]
        )
    with transaction.atomic():
        absence = Absence.objects.create(
            staff=staff,
            kind=kind,
            start_date=start_date,
            end_date=end_date,
            recorded_by=acting_user,
        )
        record_audit(
            acting_user,
            "RECORD_STAFF_ABSENCE",
            detail={
                "practitioner": staff.user.get_username(),
                "kind": kind,
                "start_date": start_date.isoformat(),
                "end_date": end_date.isoformat() if end_date else None,
            },
        )
    return absence
