"""The forms of the report pages. Required answers are asked for here, worded as the pure rules
word them; the action checks the rest (the order of the dates, one completion per report)."""

from typing import Any

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect, minutes_spent_field
from caseload.core.version_fields import VersionField
from caseload.reports.constants import ReportKind


class RequestReportForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Kind of report",
        choices=ReportKind.choices,
        widget=GovUKRadioSelect(
            hints={
                ReportKind.ORAL: "Given to the court on the day",
                ReportKind.FAST: "Written within a few days of the request",
                ReportKind.STANDARD: "A full written report, after an adjournment",
                ReportKind.PAROLE: "For the Parole Board, by the community offender manager",
            }
        ),
        error_messages={"required": "Select the kind of report"},
    )
    requested_on = GovUKDateField(
        label="Date requested",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the report was requested"},
    )
    due_on = GovUKDateField(
        label="Needed by",
        help_text="The hearing or the day the report must be sent, for example 10 4 2026",
        error_messages={"required": "Enter the date the report is needed by"},
    )

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {**data, "kind": data["kind"] or None}


def report_version(person: Any, *, report_id: int) -> dict[str, object]:
    """The version of the report the user is shown, for the form's hidden field."""
    report = person.reports.filter(pk=report_id).first()
    return {"expected_version": report.version} if report else {}


class CompleteReportForm(GovUKForm):
    expected_version = VersionField()
    completed_on = GovUKDateField(
        label="Date completed",
        help_text="For example, 3 4 2026",
        error_messages={"required": "Enter the date the report was completed"},
    )
    actual_minutes = minutes_spent_field(
        "The whole time writing it took you, reading and interviews included. For example, "
        "420. It is used, without names, to test the workload agreement"
    )

    seen_versions = staticmethod(report_version)
