"""The enforcement pages' forms: each one step, named as the action's arguments."""

from typing import Any

from django import forms
from django.utils import timezone

from caseload.contacts.domain import ENFORCEMENT_ACTIONS
from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect, GovUKTimeField
from caseload.core.govuk_dates import aware_datetime
from caseload.enforcement.domain import UNDECIDED
from caseload.enforcement.models import (
    BREACH_OUTCOME_CHOICES,
    RECALL_DECISION_CHOICES,
    RECALL_TYPE_CHOICES,
    RECALL_WHY_CHOICES,
)

DECISIONS = [(code, a.label) for code, a in ENFORCEMENT_ACTIONS.items() if code not in UNDECIDED]
EXAMPLE = "For example, 17 11 2026"


def _notes(label: str = "Notes", **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10_000,
        **kwargs,
    )


def _today(label: str) -> GovUKDateField:
    return GovUKDateField(
        label=label, help_text=EXAMPLE, initial=timezone.localdate, allow_future=False
    )


class FailureDecisionForm(GovUKForm):
    enforcement_action = forms.ChoiceField(
        label="Decision", choices=DECISIONS, widget=GovUKRadioSelect
    )
    decided_on = _today("Date of the decision")
    reason = _notes(
        "Reason",
        help_text="Needed for an immediate breach: why this failure goes straight to court",
    )


class BreachPackSentForm(GovUKForm):
    sent_on = _today("Date the breach pack was sent")
    notes = _notes()


class BreachOutcomeForm(GovUKForm):
    outcome = forms.ChoiceField(
        label="Outcome", choices=BREACH_OUTCOME_CHOICES, widget=GovUKRadioSelect
    )
    outcome_on = _today("Date of the outcome")
    notes = _notes()


class ConsiderRecallForm(GovUKForm):
    considered_on = _today("Date the recall was considered")
    why = forms.ChoiceField(
        label="Why a recall is being considered",
        choices=RECALL_WHY_CHOICES,
        widget=GovUKRadioSelect,
    )
    recommended_type = forms.ChoiceField(
        label="Recommended type of recall",
        choices=RECALL_TYPE_CHOICES,
        widget=GovUKRadioSelect,
        help_text="The page shows the type the sentence and the record allow once saved",
    )
    emergency = forms.BooleanField(label="This is an emergency recall", required=False)
    fresh_charge = forms.BooleanField(label="The recall is on a fresh charge", required=False)
    notes = _notes()


class DecideRecallForm(GovUKForm):
    decision = forms.ChoiceField(
        label="Decision", choices=RECALL_DECISION_CHOICES, widget=GovUKRadioSelect
    )
    notes = _notes("Reasons for the decision")


class CountersignRecallForm(GovUKForm):
    confirm = forms.BooleanField(
        label="I have read the recall and I countersign the decision",
        error_messages={"required": "Confirm that you countersign the decision"},
    )

    def action_arguments(self) -> dict[str, Any]:
        return {}


class PartASentForm(GovUKForm):
    sent_on = _today("Date Part A was sent")
    sent_time = GovUKTimeField(label="Time Part A was sent")

    problem_fields = {"sent_at": "sent_on"}

    def action_arguments(self) -> dict[str, Any]:
        return {
            "sent_at": aware_datetime(self.cleaned_data["sent_on"], self.cleaned_data["sent_time"])
        }
