"""The one place that answers "may this user see (or change) this case?".

Every surface (pages, API, CLI, exports, returns) reads cases through `visible_cases` or
`get_case_for_user`. A case the user may not see is reported as not found (404), so its
existence is not revealed. Who may see and change which cases is the role table in
`caseload.access.capabilities`; this module turns its case scopes into querysets.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, acting_staff, has_capability
from caseload.people.models import Person


def visible_cases(user: Any) -> QuerySet[Person]:
    staff = acting_staff(user)
    if staff is None:
        return Person.objects.none()
    if has_capability(user, Capability.SEE_ALL_CASES):
        return Person.objects.all()
    if staff.team_id is None:
        return Person.objects.none()
    if has_capability(user, Capability.SEE_TEAM_CASES):
        return Person.objects.in_team(staff.team_id)
    if has_capability(user, Capability.SEE_DELIVERY_UNIT_CASES):
        return Person.objects.in_delivery_unit(staff.team.delivery_unit_id)
    return Person.objects.none()


def get_case_for_user(user: Any, crn: str, *, write: bool = False, audit: bool = True) -> Person:
    """The case with this CRN if the user may see it (and change it, with write=True); else 404.

    Reads are audited as VIEW_CASE; refusals are audited with outcome FAIL, so "who tried to see
    this case" can be answered too.
    """
    person = visible_cases(user).filter(crn=crn.upper()).first()
    allowed = person is not None and (not write or has_capability(user, Capability.CHANGE_CASE))
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
