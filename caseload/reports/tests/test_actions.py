"""The report actions: written once with history and audit, completed once, stale completions
refused, nothing half-saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.reports.actions import complete_report, request_report
from caseload.reports.models import Report
from caseload.testing.factories import ReportFactory


def days_from_today(n: int):  # type: ignore[no-untyped-def]
    return timezone.localdate() + timedelta(days=n)


def test_a_requested_report_is_written_with_history_and_audited(practitioner, case):
    report = request_report(
        case.crn,
        acting_user=practitioner.user,
        kind="PAROLE",
        requested_on=days_from_today(-2),
        due_on=days_from_today(26),
    )
    assert report.requested_by == practitioner.user and report.completed_on is None
    assert report.history.get().history_user == practitioner.user
    audit = AuditEvent.objects.get(action="REQUEST_REPORT")
    assert audit.crn == case.crn and audit.detail["kind"] == "PAROLE"


def test_a_request_with_problems_writes_nothing(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        request_report(
            case.crn,
            acting_user=practitioner.user,
            kind="STANDARD",
            requested_on=days_from_today(-1),
            due_on=days_from_today(-3),
        )
    assert [(p.field, p.rule) for p in refused.value.problems] == [("due_on", "before_request")]
    assert not Report.objects.exists()


def test_a_report_is_completed_once(practitioner, case):
    report = ReportFactory(person=case)
    done = complete_report(
        case.crn,
        report.pk,
        acting_user=practitioner.user,
        expected_version=report.version,
        completed_on=timezone.localdate(),
    )
    assert done.completed_on == timezone.localdate()
    assert done.history.first().history_change_reason == "Completed"
    with pytest.raises((ActionInvalid, StaleEdit)):
        complete_report(
            case.crn,
            report.pk,
            acting_user=practitioner.user,
            expected_version=done.version,
            completed_on=timezone.localdate(),
        )


def test_a_completion_from_an_old_view_is_refused(practitioner, case):
    report = ReportFactory(person=case)
    seen = report.version
    report.due_on = days_from_today(3)
    report.save()
    with pytest.raises(StaleEdit):
        complete_report(
            case.crn,
            report.pk,
            acting_user=practitioner.user,
            expected_version=seen,
            completed_on=timezone.localdate(),
        )
    report.refresh_from_db()
    assert report.completed_on is None


def test_a_report_of_another_case_is_not_found(practitioner, case):
    other = ReportFactory()
    with pytest.raises(ActionInvalid) as refused:
        complete_report(
            case.crn,
            other.pk,
            acting_user=practitioner.user,
            expected_version=other.version,
            completed_on=timezone.localdate(),
        )
    assert refused.value.problems[0].rule == "not_found"
