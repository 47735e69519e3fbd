from typing import Any

from django import forms

from caseload.contacts.domain import COMPLIANCE_LABELS
from caseload.contacts.models import CONTACT_TYPE_CHOICES, ENFORCEMENT_CHOICES, OUTCOME_CHOICES
from caseload.contacts.timeline import OTHER_KINDS, ActivityFilters
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


class ActivityFilterForm(GovUKForm):
    """The activity log's filters, sent with GET. `notes_searchable` false (a viewer who may not
    read notes) leaves out the notes search altogether."""

    contact_type = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[
            ("", "All types"),
            ("Contacts", CONTACT_TYPE_CHOICES),
            ("Other records", list(OTHER_KINDS.items())),
        ],
    )
    compliance = forms.ChoiceField(
        label="Compliance",
        required=False,
        choices=[("", "Any"), *COMPLIANCE_LABELS.items()],
    )
    outcome = forms.ChoiceField(
        label="Outcome", required=False, choices=[("", "Any outcome"), *OUTCOME_CHOICES]
    )
    from_date = GovUKDateField(label="From", required=False, help_text="For example, 1 9 2026")
    to_date = GovUKDateField(label="To", required=False, help_text="For example, 30 11 2026")
    notes = forms.CharField(
        label="Words in the notes",
        required=False,
        max_length=100,
        help_text="Sensitive notes are not searched",
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, notes_searchable: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not notes_searchable:
            del self.fields["notes"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and end < start:
            self.add_error("to_date", "To must be the same as or after from")
        return cleaned

    def filters(self) -> ActivityFilters:
        data = self.cleaned_data
        return ActivityFilters(
            contact_type=data["contact_type"],
            outcome=data["outcome"],
            compliance=data["compliance"],
            from_date=data["from_date"],
            to_date=data["to_date"],
            notes=data.get("notes", "").strip(),
        )
