"""Cases with essentials in the cache, for the Django tests of reading, overrides and the API."""

from datetime import timedelta

from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.essentials.models import EssentialDue


def with_essentials(case, user):  # type: ignore[no-untyped-def]
    """Record an attended office visit long ago: the case's essentials are then cached, most
    of them overdue (the factories' sentence began 110 days ago)."""
    record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=100),
        outcome="ATTC",
    )
    return {(e.kind, e.subject): e for e in EssentialDue.objects.filter(person=case)}
