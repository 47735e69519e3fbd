from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect
from caseload.people.constants import AccommodationStatus, CircumstanceKind, EmploymentStatus

TIER_FILTERS = [("", "All tiers")] + [(x, x) for x in "ABCDEFG"]


class CaseFilterForm(GovUKForm):
    q = forms.CharField(label="Name or CRN", required=False, max_length=100)
    tier = forms.ChoiceField(label="Tier", choices=TIER_FILTERS, required=False)


class CircumstanceForm(GovUKForm):
    kind = forms.ChoiceField(
        label="What has changed?", choices=CircumstanceKind.choices, widget=GovUKRadioSelect
    )
    status = forms.ChoiceField(
        label="New status",
        choices=[
            ("Accommodation", AccommodationStatus.choices),
            ("Employment, education or training", EmploymentStatus.choices),
        ],
        help_text="Choose a status of the kind you selected above",
    )
    start_date = GovUKDateField(label="Date of the change", help_text="For example, 27 3 2026")
    verified = forms.BooleanField(
        label="Verified (for example, seen a tenancy agreement or payslip)", required=False
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)
