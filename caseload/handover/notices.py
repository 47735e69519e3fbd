"""Which handovers a practitioner has not read yet: flagged on their case list and on the case
page until they open the summary."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from caseload.access.cases import visible_cases
from caseload.organisation.models import Handover


def unread_handovers(user: Any) -> QuerySet[Handover]:
    """Handovers of the cases this user holds today that they have not opened yet (an
    allocation dated later is not theirs yet), of cases they may see (a case they are kept out
    of is not named, even to its holder)."""
    if not getattr(user, "is_authenticated", False):
        return Handover.objects.none()
    today = timezone.localdate()
    held = Q(allocation__start_date__lte=today) & (
        Q(allocation__end_date__isnull=True) | Q(allocation__end_date__gt=today)
    )
    return (
        Handover.objects.filter(held, read_at__isnull=True, allocation__staff__user=user)
        # Each handover's own case tried, rather than the whole unit's cases listed first.
        .filter(Exists(visible_cases(user).filter(pk=OuterRef("allocation__person_id"))))
        .select_related("allocation__person", "allocation__allocated_by")
        .order_by("allocation__start_date", "id")
    )
