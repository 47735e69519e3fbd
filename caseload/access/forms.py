"""The audit search's filters, checked as GOV.UK forms are."""

from typing import Any

from django import forms
from django.core.validators import RegexValidator

from caseload.access.audit_actions import action_choices
from caseload.access.audit_log import AuditFilters
from caseload.core.forms import GovUKDateField, GovUKForm

crn_validator = RegexValidator(
    r"^[A-Za-z][0-9]{6}$", "Enter a CRN as one letter and six numbers, like X123456"
)


class AuditSearchForm(GovUKForm):
    crn = forms.CharField(
        label="CRN",
        required=False,
        max_length=7,
        validators=[crn_validator],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    username = forms.CharField(
        label="Username",
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    from_date = GovUKDateField(label="From", required=False, help_text="For example, 27 3 2026")
    to_date = GovUKDateField(label="To", required=False, help_text="For example, 3 4 2026")
    action = forms.ChoiceField(
        label="What was done", required=False, choices=[("", "Anything"), *action_choices()]
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and end < start:
            self.add_error("to_date", "To must be the same as or after from")
        return cleaned

    def filters(self) -> AuditFilters:
        data = self.cleaned_data
        return AuditFilters(
            crn=data["crn"].upper(),
            username=data["username"].strip(),
            from_date=data["from_date"],
            to_date=data["to_date"],
            action=data["action"],
        )
