"""The forms of the plan and oversight pages. Required answers are asked for here, worded as
the pure rules word them; the action checks the rest (dates, the frequency, text bounds)."""

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect, minutes_spent_field
from caseload.plans.constants import CONTACT_FREQUENCY_CHOICES


def _notes(label: str, hint: str = "", *, required: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=bool(required),
        error_messages={"required": required} if required else None,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def _completed_on(plan: str) -> GovUKDateField:
    return GovUKDateField(
        label="Date completed",
        help_text="For example, 27 3 2026",
        error_messages={"required": f"Enter the date the {plan} was completed"},
    )


class SentencePlanForm(GovUKForm):
    completed_on = _completed_on("sentence plan")
    contact_every_days = forms.TypedChoiceField(
        label="Agreed contact frequency",
        choices=CONTACT_FREQUENCY_CHOICES,
        coerce=int,
        empty_value=None,
        widget=GovUKRadioSelect,
        error_messages={"required": "Select the agreed contact frequency"},
    )
    notes = _notes("Notes", "For example, the objectives agreed")
    actual_minutes = minutes_spent_field(
        "The whole time the plan took you, reading and writing it up included. For example, "
        "110. It is used, without names, to test the workload agreement"
    )


class RiskManagementPlanForm(GovUKForm):
    completed_on = _completed_on("risk management plan")
    notes = _notes("Notes", "For example, the measures to manage the risk")
    actual_minutes = minutes_spent_field(
        "The whole time the plan took you, reading and writing it up included. For example, "
        "110. It is used, without names, to test the workload agreement"
    )


class ManagementOversightForm(GovUKForm):
    recorded_on = GovUKDateField(
        label="Date of the oversight",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the oversight"},
    )
    notes = _notes(
        "What you reviewed and what you decided",
        required="Enter what you reviewed and what you decided",
    )
