"""The reports on the Sentence section: those outstanding first, soonest needed first (overdue
ones marked), then the last completed."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)
from caseload.reports.constants import ReportKind

#: Completed reports shown on the panel; the API lists them all.
LATEST_COMPLETED = 5


@dataclass(frozen=True)
class ReportRow:
    id: int
    kind: str
    kind_label: str
    requested_on: date
    due_on: date
    completed_on: date | None
    overdue: bool
    version: int


def report_rows(person: Person, today: date) -> list[ReportRow]:
    kinds = dict(ReportKind.choices)
    return [
        ReportRow(
            id=r.pk,
            kind=r.kind,
            kind_label=kinds.get(r.kind, r.kind),
            requested_on=r.requested_on,
            due_on=r.due_on,
            completed_on=r.completed_on,
            overdue=r.completed_on is None and r.due_on < today,
            version=r.version,
        )
        for r in person.reports.order_by("due_on", "id")
    ]


def reports(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    rows = report_rows(person, timezone.localdate())
    completed = sorted(
        (r for r in rows if r.completed_on is not None),
        key=lambda r: (r.completed_on, r.id),
        reverse=True,
    )
    return {
        "reports_outstanding": [r for r in rows if r.completed_on is None],
        "reports_completed": completed[:LATEST_COMPLETED],
    }


register_panel(CasePanel("reports", 52, "reports/reports_panel.html", reports, section="sentence"))
register_case_action(
    CaseAction("Record a report requested", "request_report", sections=("sentence",), order=11)
)
