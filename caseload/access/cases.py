"""The one place that answers "may this user see (or change) this case?".

Every surface (pages, API, CLI, exports, returns) reads cases through `visible_cases` or
`get_case_for_user`. A case the user may not see is reported as not found (404), so its
existence is not revealed. Rules, one per line:

- practitioners and managers see and change the cases held in their own team (duty cover);
- heads of delivery units and performance analysts see, but do not change, cases in their PDU;
- administrators see every case (support), but do not change case records;
- staff representatives see no case at all (aggregate workload only);
- a user with no staff record, or an inactive user, sees nothing.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from caseload.access.audit import record_audit
from caseload.organisation.constants import Role
from caseload.people.models import Person

TEAM_ROLES = {Role.PRACTITIONER, Role.MANAGER}
DELIVERY_UNIT_ROLES = {Role.HEAD_OF_PDU, Role.ANALYST}
WRITE_ROLES = {Role.PRACTITIONER, Role.MANAGER}


def _staff(user: Any) -> Any | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return getattr(user, "staff", None)


def visible_cases(user: Any) -> QuerySet[Person]:
    staff = _staff(user)
    if staff is None:
        return Person.objects.none()
    if staff.role == Role.ADMIN:
        return Person.objects.all()
    if staff.team_id is None:
        return Person.objects.none()
    if staff.role in TEAM_ROLES:
        return Person.objects.in_team(staff.team_id)
    if staff.role in DELIVERY_UNIT_ROLES:
        return Person.objects.in_delivery_unit(staff.team.delivery_unit_id)
    return Person.objects.none()


def may_change_cases(user: Any) -> bool:
    staff = _staff(user)
    return staff is not None and staff.role in WRITE_ROLES


def get_case_for_user(user: Any, crn: str, *, write: bool = False, audit: bool = True) -> Person:
    """The case with this CRN if the user may see it (and change it, with write=True); else 404.

    Reads are audited as VIEW_CASE; refusals are audited with outcome FAIL, so "who tried to see
    this case" can be answered too.
    """
    person = visible_cases(user).filter(crn=crn.upper()).first()
    allowed = person is not None and (not write or may_change_cases(user))
    if audit and not (write and allowed):
        # A permitted write is audited by the action itself, under the action's own name.
        record_audit(
            user,
            "CHANGE_CASE" if write else "VIEW_CASE",
            crn=crn.upper()[:7],
            outcome="SUCCESS" if allowed else "FAIL",
        )
    if not allowed or person is None:
        raise Http404("No case with that CRN")
    return person
