"""The Activity log section's panel: the case's contacts, filtered and paged on its own page
(`views.activity_log`); for the API's whole record, the latest contacts."""

from typing import Any

from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)

#: How many of the latest contacts the API's whole record carries.
LATEST = 100


def latest_contacts(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """Lazy: the section's page shows its own filtered list, so it never reads these."""
    return {"contacts": person.contacts.select_related("recorded_by")[:LATEST]}


register_panel(
    CasePanel(
        "activity_log",
        80,
        "contacts/activity_log_panel.html",
        latest_contacts,
        section="activity",
    )
)
register_case_action(
    CaseAction("Record a contact", "new_contact", sections=("overview", "activity"), order=1)
)
