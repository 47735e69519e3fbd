"""Writes to a person's reports, each through the one case-write wrapper: a report requested,
and its completion recorded."""

from datetime import date
from typing import Any

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.reports import domain
from caseload.reports.constants import ReportKind
from caseload.reports.models import Report

_KINDS = dict(ReportKind.choices)


def describe_report(row: Any) -> str:
    """A report (or a version of it from its history) in plain words."""
    text = f"{_KINDS.get(row.kind, row.kind)} needed by {day_in_words(row.due_on)}"
    if row.completed_on is None:
        return f"{text}, not completed"
    return f"{text}, completed on {day_in_words(row.completed_on)}"


@case_action("REQUEST_REPORT", cause="report requested")
def request_report(
    case: CaseWrite, *, kind: str | None, requested_on: date | None, due_on: date | None
) -> Report:
    """A report asked of the practitioner holding the case, needed by `due_on`."""
    problems = domain.validate_report_request(
        domain.ReportRequest(kind, requested_on, due_on), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    report = Report.objects.create(
        person=case.person,
        kind=kind,
        requested_on=requested_on,
        due_on=due_on,
        requested_by=case.acting_user,
    )
    case.audit.update(report_id=report.pk, kind=kind)
    return report


@case_action("COMPLETE_REPORT", cause="report completed")
def complete_report(
    case: CaseWrite,
    report_id: int,
    *,
    expected_version: int | None,
    completed_on: date | None,
    actual_minutes: int | None = None,
) -> Report:
    """The report is done, with the minutes it took if the writer gives them; refused if it
    changed since the user saw it."""
    report = case.person.reports.filter(pk=report_id).first()
    if report is None:
        raise ActionInvalid(
            [FieldProblem("report", "not_found", "There is no such report on this case")]
        )
    seen = None if expected_version is None else Seen(report_id, expected_version)
    refuse_stale_edit("report", seen, report, model=Report, describe=describe_report)
    entered = domain.ReportCompletion(
        report.requested_on, report.completed_on, completed_on, actual_minutes
    )
    problems = domain.validate_report_completion(entered, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    report.completed_on = completed_on
    report.actual_minutes = actual_minutes
    report._change_reason = "Completed"  # type: ignore[attr-defined]
    report.save(update_fields=["completed_on", "actual_minutes"])
    case.audit.update(report_id=report.pk, kind=report.kind)
    return report
