"""On the case page: "Handed over to you …" until the new practitioner reads the summary,
and a link to the printable handover summary for everyone."""

from typing import Any

from caseload.handover.notices import unread_handovers
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel


def handover_notice(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    unread = unread_handovers(viewer.user).filter(allocation__person=person).first()
    return {"unread_handover": unread}


register_panel(CasePanel("handover", 1, "handover/notice_panel.html", handover_notice))
