"""The access part's case-page panel: a link to who viewed or changed the case, shown only to
users who may see the case's audit (`templates/access/case_audit_link.html`)."""

from caseload.people.record import CasePanel, register_panel

register_panel(CasePanel("case_audit", 5, "access/case_audit_link.html"))
