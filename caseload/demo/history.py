"""What a real record would already hold that a freshly seeded demo does not.

- **Tiers since supervision began.** The demo's tiers are first calculated when it is seeded,
  so on every earlier day the record shows none, and the team's 12-week trend and the
  caseload-by-tier return for a past day would be empty. A live record has had a tier since the
  case was allocated: each person's first tier change (the one with no previous tier) is dated
  from the start of their first allocation. Later changes keep their own time.
- **A practitioner leaving.** One practitioner in the demo practitioner's team (not her) is
  leaving in three weeks, recorded by the manager, so the allocation page has cases to
  reallocate and a spread to propose.

Only `caseload demo` calls these, after the seed and the first recompute; the seed itself (and
every test that seeds a unit) is unchanged.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Min

from caseload.allocation.actions import record_absence
from caseload.allocation.models import AbsenceKind
from caseload.organisation.constants import Role
from caseload.organisation.models import Allocation, Staff
from caseload.tiering.models import TierChange

UK = ZoneInfo("Europe/London")
LEAVING_IN = timedelta(weeks=3)


def date_first_tiers_from_allocation() -> int:
    """Date each person's first tier change from the start of their first allocation, at
    9am UK time; returns how many were moved."""
    started = dict(
        Allocation.objects.values("person_id")
        .annotate(first=Min("start_date"))
        .values_list("person_id", "first")
    )
    first_changes = TierChange.objects.filter(previous_tier="", person_id__in=started)
    moved = []
    for change in first_changes.only("pk", "person_id", "changed_at"):
        since = datetime.combine(started[change.person_id], time(9), tzinfo=UK)
        if since < change.changed_at:
            change.changed_at = since
            moved.append(change)
    TierChange.objects.bulk_update(moved, ["changed_at"], batch_size=1000)
    return len(moved)


def a_colleague_leaving(today: date) -> Staff | None:
    """The first other practitioner in the demo practitioner's team leaves in three weeks."""
    practitioner = Staff.objects.select_related("team").get(user__username="practitioner")
    manager = Staff.objects.select_related("user").get(user__username="manager")
    colleague = (
        Staff.objects.filter(team=practitioner.team, role=Role.PRACTITIONER)
        .exclude(pk=practitioner.pk)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if colleague is None:
        return None
    record_absence(
        acting_user=manager.user,
        staff=colleague,
        kind=AbsenceKind.LEAVING,
        start_date=today + LEAVING_IN,
        end_date=None,
    )
    return colleague
