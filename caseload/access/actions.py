"""Changes to a case's limited-access lists: audited actions like every other change to a case.

Only users who may manage limited access, and who can see the case, may make them
(`Capability.MANAGE_LIMITED_ACCESS`: team managers and heads of delivery units).
"""

from datetime import date

from django.contrib.auth import get_user_model

from caseload.access.capabilities import Capability
from caseload.access.case_write import CaseWrite, case_action
from caseload.access.domain import Kind, ListEntry, validate_ending, validate_new_entry
from caseload.access.models import LimitedAccess
from caseload.core.errors import ActionInvalid, FieldProblem


def _entry(row: LimitedAccess) -> ListEntry:
    return ListEntry(row.kind, row.user_id, row.start_date, row.end_date)  # type: ignore[arg-type]


@case_action(
    "ADD_LIMITED_ACCESS", cause="limited access changed", needs=Capability.MANAGE_LIMITED_ACCESS
)
def add_to_limited_access(
    case: CaseWrite,
    *,
    kind: Kind,
    username: str,
    start_date: date | None = None,
    end_date: date | None = None,
    reason: str = "",
) -> LimitedAccess:
    """Name someone on the case's exclusion list (kept out) or restriction list (let in)."""
    user = (
        get_user_model().objects.filter(username__iexact=username.strip(), is_active=True).first()
    )
    start = start_date or case.today
    new = ListEntry(kind, user.pk if user else 0, start, end_date)
    existing = [_entry(row) for row in case.person.limited_access.all()]
    problems = validate_new_entry(
        new,
        existing=existing,
        acting_user_id=case.acting_user.pk,
        user_found=user is not None and hasattr(user, "staff"),
        today=case.today,
    )
    if problems:
        raise ActionInvalid(problems)
    row = LimitedAccess.objects.create(
        person=case.person, kind=kind, user=user, start_date=start, end_date=end_date, reason=reason
    )
    case.audit.update({"entry": row.pk, "kind": kind, "user": user.get_username()})
    return row


@case_action(
    "END_LIMITED_ACCESS", cause="limited access changed", needs=Capability.MANAGE_LIMITED_ACCESS
)
def end_limited_access(case: CaseWrite, entry_id: int, *, end_date: date | None) -> LimitedAccess:
    row = case.person.limited_access.filter(pk=entry_id).first()
    if row is None:
        raise ActionInvalid(
            [FieldProblem("entry", "unknown", "There is no such entry on this case")]
        )
    problems = validate_ending(_entry(row), end_date, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    row.end_date = end_date
    row.save(update_fields=["end_date"])
    case.audit.update({"entry": row.pk, "kind": row.kind, "user": row.user.get_username()})
    return row
