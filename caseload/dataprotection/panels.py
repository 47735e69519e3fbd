"""A link to the subject-access export, on the case page, for those who answer requests."""

from typing import Any

from caseload.access.capabilities import Capability, has_capability
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel


def subject_access_link(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {"exports_subject_access": has_capability(viewer.user, Capability.EXPORT_SUBJECT_ACCESS)}


register_panel(
    CasePanel("subject_access", 90, "dataprotection/subject_access_link.html", subject_access_link)
)
