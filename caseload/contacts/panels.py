"""The timeline on the case page: contacts with everything else recorded, newest first."""

from typing import Any

from caseload.contacts.timeline import case_timeline
from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)


def timeline(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {
        "contacts": list(person.contacts.select_related("recorded_by")[:100]),
        "timeline": case_timeline(person, with_notes=viewer.sees_sensitive),
    }


register_panel(
    CasePanel("timeline", 80, "contacts/timeline_panel.html", timeline, section="activity")
)
register_case_action(
    CaseAction("Record a contact", "new_contact", sections=("overview", "activity"), order=1)
)
