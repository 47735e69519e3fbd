"""The forms of the plan and oversight pages. Fields the action validates are optional here,
so that every problem comes back at once from the pure rules, worded the same on page and API."""

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect
from caseload.plans.constants import CONTACT_FREQUENCY_CHOICES


def _notes(label: str, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, help_text=hint, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


def _completed_on() -> GovUKDateField:
    return GovUKDateField(
        label="Date completed", required=False, help_text="For example, 27 3 2026"
    )


class SentencePlanForm(GovUKForm):
    completed_on = _completed_on()
    contact_every_days = forms.TypedChoiceField(
        label="Agreed contact frequency",
        choices=CONTACT_FREQUENCY_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=GovUKRadioSelect,
    )
    notes = _notes("Notes (optional)", "For example, the objectives agreed")


class RiskManagementPlanForm(GovUKForm):
    completed_on = _completed_on()
    notes = _notes("Notes (optional)", "For example, the measures to manage the risk")


class ManagementOversightForm(GovUKForm):
    recorded_on = GovUKDateField(
        label="Date of the oversight", required=False, help_text="For example, 27 3 2026"
    )
    notes = _notes("What you reviewed and what you decided")
