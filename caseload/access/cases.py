"""The one place that answers "may this user see (or change) this case?".

Every surface (pages, API, CLI, exports, returns, search) reads cases through `visible_cases`
or `get_case_for_user`. A case the user may not see is reported as not found (404), so its
existence is not revealed. In order:

1. the user's role must include seeing case records (`caseload.access.capabilities`);
2. the case must be held in the user's delivery unit, or their region or the nation when
   `settings.CASE_VISIBILITY` widens it;
3. no exclusion in force names the user, and if any restriction is in force, one names them
   (after ministryofjustice/hmpps-probation-integration-services'
   `limited-access` library);
4. to change a case, the role must include changing cases and the case must be held in the
   user's own team.

Aggregate returns count every case in scope, limited access or not, without its identity:
`countable_allocations` is that set, and nothing that names a person may be read from it.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, acting_staff, has_capability
from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.organisation.models import Allocation
from caseload.people.models import Person
from caseload.people.record import CaseViewer


def _scope_lookup(staff: Any) -> dict[str, int] | None:
    """The staff member's visibility scope (`CASE_VISIBILITY`) as a lookup on the allocations
    in force: their delivery unit's, their region's, or (None) the nation's. The one switch both
    sides of the access function read: people through their allocation, returns from the
    allocations themselves."""
    scope = settings.CASE_VISIBILITY
    if scope == "nation":
        return None
    if scope == "region":
        return {"team__delivery_unit__region_id": staff.team.delivery_unit.region_id}
    return {"team__delivery_unit_id": staff.team.delivery_unit_id}


def _in_scope(staff: Any, day: date) -> QuerySet[Person]:
    if staff.team is None:
        return Person.objects.none()
    lookup = _scope_lookup(staff)
    if lookup is None:
        return Person.objects.all()
    held = Allocation.objects.active_on(day).filter(person=OuterRef("pk"), **lookup)
    return Person.objects.filter(Exists(held))


def limited_access_refusals(user: Any, day: date | None = None) -> Q:
    """Cases this user is kept out of: excluded from, or restricted without being named."""
    day = day or timezone.localdate()
    in_force = LimitedAccess.objects.active_on(day).filter(person=OuterRef("pk"))
    exclusions = in_force.filter(kind=LimitedAccessKind.EXCLUSION)
    restrictions = in_force.filter(kind=LimitedAccessKind.RESTRICTION)
    excluded = Exists(exclusions.filter(user=user))
    restricted = Exists(restrictions) & ~Exists(restrictions.filter(user=user))
    return excluded | restricted


def visible_cases(user: Any, day: date | None = None) -> QuerySet[Person]:
    staff = acting_staff(user)
    if staff is None or not has_capability(user, Capability.SEE_CASE):
        return Person.objects.none()
    day = day or timezone.localdate()
    return _in_scope(staff, day).exclude(limited_access_refusals(user, day))


def _allocations_in_scope(staff: Any, day: date) -> QuerySet[Allocation]:
    """The allocations in force on `day` within the staff member's visibility scope."""
    held = Allocation.objects.active_on(day)
    lookup = _scope_lookup(staff)
    return held if lookup is None else held.filter(**lookup)


def countable_allocations(user: Any, day: date | None = None) -> QuerySet[Allocation]:
    """The allocations in force on `day` that a user who may see returns counts in
    aggregates: every case held in their scope, limited access or not. Only for counting: rows
    that identify people are read through `visible_among`. Read from the allocation side, so
    that a delivery unit's return starts from its own allocations rather than from every
    person in the database."""
    staff = acting_staff(user)
    if staff is None or staff.team is None or not has_capability(user, Capability.SEE_RETURNS):
        return Allocation.objects.none()
    return _allocations_in_scope(staff, day or timezone.localdate())


def visible_among(user: Any, held: QuerySet[Allocation]) -> QuerySet[Allocation]:
    """Of `held`, the allocations of cases the user may see today: `visible_cases`'s rules
    (the capability, the scope today, the limited-access lists) applied from the allocation
    side, so that a return's rows need not read every person in the database."""
    staff = acting_staff(user)
    if staff is None or staff.team is None or not has_capability(user, Capability.SEE_CASE):
        return held.none()
    today = timezone.localdate()
    in_scope_today = _allocations_in_scope(staff, today).values("person_id")
    # Only people on a list in force can be refused: start from the lists, not from everyone.
    listed = LimitedAccess.objects.active_on(today).values("person_id")
    refused = Person.objects.filter(pk__in=listed).filter(limited_access_refusals(user, today))
    return held.filter(person_id__in=in_scope_today).exclude(person_id__in=refused.values("pk"))


def changeable_cases(user: Any) -> QuerySet[Person]:
    staff = acting_staff(user)
    if staff is None or staff.team_id is None or not has_capability(user, Capability.CHANGE_CASE):
        return Person.objects.none()
    return visible_cases(user).filter(pk__in=Person.objects.in_team(staff.team_id).values("pk"))


def may_change(user: Any, person: Person) -> bool:
    return changeable_cases(user).filter(pk=person.pk).exists()


def case_viewer(user: Any, person: Person) -> CaseViewer:
    """What this user, who may see the case, may see of it and do to it."""
    return CaseViewer(
        sees_sensitive=has_capability(user, Capability.SEE_SENSITIVE),
        can_change=may_change(user, person),
        user=user,
    )


def get_case_for_user(
    user: Any,
    crn: str,
    *,
    write: bool = False,
    needs: Capability | None = None,
    audit: bool = True,
) -> Person:
    """The case with this CRN if the user may see it (and change it, with write=True; and has
    the capability `needs`, for a case-level task such as managing limited access); else 404.

    Reads are audited as VIEW_CASE; refusals are audited with outcome FAIL, so "who tried to see
    this case" can be answered too.
    """
    cases = changeable_cases(user) if write else visible_cases(user)
    if needs is not None and not has_capability(user, needs):
        cases = Person.objects.none()
    person = cases.filter(crn=crn.upper()).first()
    allowed = person is not None
    changing = write or needs is not None
    if audit and not (changing and allowed):
        # A permitted change is audited by the action itself, under the action's own name.
        record_audit(
            user,
            "CHANGE_CASE" if changing else "VIEW_CASE",
            crn=crn.upper()[:7],
            outcome="SUCCESS" if allowed else "FAIL",
        )
    if person is None:
        raise Http404("No case with that CRN")
    return person
