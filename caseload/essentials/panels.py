"""The overview's "Essential work" panel, beside "What needs doing": what is due, overdue or
snoozed on the case and what was done this month, each with the action that clears it."""

from typing import Any

from django.utils import timezone

from caseload.essentials.reading import State, essentials_for_case
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel

SHOWN_ON_OVERVIEW = (State.OVERDUE, State.DUE, State.SNOOZED)


def essential_work(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    today = timezone.localdate()
    found = essentials_for_case(person, today=today)
    month_start = today.replace(day=1)
    return {
        "essentials_today": today,
        "essentials_open": [e for e in found if e.state in SHOWN_ON_OVERVIEW],
        "essentials_done_this_month": [
            e
            for e in found
            if e.state == State.DONE and e.done_on is not None and e.done_on >= month_start
        ],
    }


register_panel(
    CasePanel(
        "essential_work", 22, "essentials/overview_panel.html", essential_work, width="one-half"
    )
)
