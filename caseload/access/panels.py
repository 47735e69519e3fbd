"""On the case page, for those who can see it: whether the case has limited access, and who;
and a link to who viewed or changed the case."""

from typing import Any

from caseload.access.capabilities import Capability, has_capability
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel


def limited_access(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    rows = list(person.limited_access.current().select_related("user").order_by("kind", "pk"))
    manages = has_capability(viewer.user, Capability.MANAGE_LIMITED_ACCESS)
    return {"limited_access": rows, "manages_limited_access": manages}


register_panel(CasePanel("limited_access", 5, "access/limited_access_panel.html", limited_access))


def case_audit_link(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """A link to who viewed or changed the case (`case_audit`), for those who may see it."""
    return {"sees_case_audit": has_capability(viewer.user, Capability.SEE_CASE_AUDIT)}


register_panel(CasePanel("case_audit", 91, "access/case_audit_link.html", case_audit_link))
