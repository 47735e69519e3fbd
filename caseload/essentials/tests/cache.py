"""Rows of the essentials cache, written directly, for tests of the pages that read it.

The cache is the step's (`steps.py`): a test of a page puts rows in it to say "the engine
derived this", so the page is tested apart from the rules. Tests that record a fact use the
real actions and the real step instead.
"""

from datetime import date, timedelta

from django.utils import timezone

from caseload.essentials.models import EssentialDue
from caseload.people.models import Person


def essential_on(
    person: Person,
    kind: str,
    *,
    due_in: int = 0,
    state: str = "due",
    subject: str = "",
    reason: str = "",
    done_on: date | None = None,
) -> EssentialDue:
    """An essential due `due_in` days from today (negative: overdue by that many days)."""
    today = timezone.localdate()
    return EssentialDue.objects.create(
        person=person,
        kind=kind,
        subject=subject,
        state=state,
        due_on=today + timedelta(days=due_in),
        reason=reason or f"{kind} reason",
        done_on=done_on,
        facts_as_at=today,
    )
