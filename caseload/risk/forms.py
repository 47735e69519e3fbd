from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm
from caseload.risk.constants import MAPPA_CATEGORIES, MAPPA_LEVELS, REGISTER_CHOICES


class RegistrationForm(GovUKForm):
    register = forms.ChoiceField(label="Register", choices=[("", "Select a register"), *REGISTER_CHOICES])
    category = forms.ChoiceField(
        label="MAPPA category", required=False, choices=[("", "Not MAPPA"), *[(c, c) for c in MAPPA_CATEGORIES]],
        help_text="Only for MAPPA registrations",
    )
    level = forms.ChoiceField(
        label="MAPPA level", required=False, choices=[("", "Not MAPPA"), *[(c, c) for c in MAPPA_LEVELS]],
        help_text="Only for MAPPA registrations",
    )
    registered_on = GovUKDateField(label="Date of registration", help_text="For example, 17 11 2026")
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class EndRegistrationForm(GovUKForm):
    deregistered_on = GovUKDateField(label="Date the registration ends")
    notes = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}), required=False)
