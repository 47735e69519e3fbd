from typing import Any

from django import forms

from caseload.contacts.models import CONTACT_TYPE_CHOICES, ENFORCEMENT_CHOICES, OUTCOME_CHOICES
from caseload.core.forms import GovUKDateField, GovUKForm, GovUKTimeField, aware_datetime


class ContactForm(GovUKForm):
    contact_type = forms.ChoiceField(
        label="Type of contact", choices=[("", "Select a type of contact"), *CONTACT_TYPE_CHOICES]
    )
    happened_on = GovUKDateField(label="Date of contact", help_text="For example, 17 11 2026")
    happened_at_time = GovUKTimeField(label="Time of contact")
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=[("", "No outcome (not an appointment)"), *OUTCOME_CHOICES],
        help_text="Appointments need an outcome",
    )
    enforcement_action = forms.ChoiceField(
        label="Enforcement action",
        required=False,
        choices=[("", "None"), *ENFORCEMENT_CHOICES],
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 5}), required=False)
    sensitive = forms.BooleanField(
        label="Sensitive: hide the notes from the timeline", required=False
    )
    rar_activity = forms.BooleanField(label="Counts as a RAR activity day", required=False)

    def action_arguments(self) -> dict[str, Any]:
        """`record_contact` takes one moment; the form asks for its date and time apart."""
        data = dict(self.cleaned_data)
        data["happened_at"] = aware_datetime(data.pop("happened_on"), data.pop("happened_at_time"))
        return data
