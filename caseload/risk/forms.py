from typing import Any

from django import forms

from caseload.core.forms import (
    GovUKCheckboxSelectMultiple,
    GovUKDateField,
    GovUKForm,
    GovUKRadioSelect,
)
from caseload.core.version_fields import VersionField
from caseload.risk.assessment import QUESTIONS
from caseload.risk.constants import MAPPA_CATEGORIES, MAPPA_LEVELS, REGISTER_CHOICES
from caseload.risk.domain import RISK_TOOLS, ROSH_LEVEL_LABELS, ROSH_SOURCES


class RegistrationForm(GovUKForm):
    register = forms.ChoiceField(
        label="Register", choices=[("", "Select a register"), *REGISTER_CHOICES]
    )
    category = forms.ChoiceField(
        label="MAPPA category",
        required=False,
        choices=[("", "Not MAPPA"), *[(c, c) for c in MAPPA_CATEGORIES]],
        help_text="Only for MAPPA registrations",
    )
    level = forms.ChoiceField(
        label="MAPPA level",
        required=False,
        choices=[("", "Not MAPPA"), *[(c, c) for c in MAPPA_LEVELS]],
        help_text="Only for MAPPA registrations",
    )
    registered_on = GovUKDateField(
        label="Date of registration", help_text="For example, 17 11 2026"
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    #: Set by the page that asks, when the new registration would end a current one.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


def registration_version(person: Any, *, registration_id: int) -> dict[str, object]:
    """The version of the registration the user is shown, for the form's hidden field."""
    registration = person.registrations.filter(pk=registration_id).first()
    return {"expected_version": registration.version} if registration else {}


class EndRegistrationForm(GovUKForm):
    expected_version = VersionField()
    deregistered_on = GovUKDateField(
        label="Date the registration ends", help_text="For example, 17 11 2026"
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the risk has reduced, or a review board decided to end it",
        error_messages={"required": "Enter the reason the registration is ending"},
    )

    seen_versions = staticmethod(registration_version)


class ReviewRegistrationForm(GovUKForm):
    expected_version = VersionField()
    reviewed_on = GovUKDateField(label="Date of the review")
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    seen_versions = staticmethod(registration_version)


def _choice_value(raw: str) -> object:
    return {"True": True, "False": False}.get(raw, raw)


class AssessmentForm(GovUKForm):
    """One optional question per assessment item (`caseload.risk.assessment.QUESTIONS`)."""

    completed_on = GovUKDateField(label="Date the assessment was completed")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for q in QUESTIONS:
            choices = [(str(value), label) for value, label in q.answers]
            if q.many:
                self.fields[q.key] = forms.MultipleChoiceField(
                    label=q.label,
                    choices=choices,
                    required=False,
                    widget=GovUKCheckboxSelectMultiple,
                )
            else:
                self.fields[q.key] = forms.ChoiceField(
                    label=q.label, choices=choices, required=False, widget=GovUKRadioSelect
                )

    def action_arguments(self) -> dict[str, Any]:
        return {
            "completed_on": self.cleaned_data["completed_on"],
            "answers": answers_from(self.cleaned_data),
        }

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        grouped: dict[str, list[forms.BoundField]] = {}
        for q in QUESTIONS:
            grouped.setdefault(q.section, []).append(self[q.key])
        return list(grouped.items())


def answers_from(data: dict[str, Any]) -> dict[str, object]:
    """The assessment answers in a cleaned AssessmentForm, as stored (predictor enum names)."""
    result: dict[str, object] = {}
    for q in QUESTIONS:
        value = data.get(q.key)
        if q.many:
            result[q.key] = list(value or [])
        elif value not in (None, ""):
            result[q.key] = _choice_value(value)
    return result


def initial_from(answers: dict[str, object]) -> dict[str, object]:
    return {k: (v if isinstance(v, list) else str(v)) for k, v in answers.items()}


_LEVELS = [(code, label) for code, label in ROSH_LEVEL_LABELS.items()]


class RoshSummaryForm(GovUKForm):
    """RoSH by audience, as the assessment concluded it. No level is chosen in advance."""

    assessed_on = GovUKDateField(
        label="Date of the assessment", help_text="For example, 17 11 2026"
    )
    source = forms.ChoiceField(
        label="Where the levels come from",
        choices=list(ROSH_SOURCES.items()),
        widget=GovUKRadioSelect,
    )
    public = forms.ChoiceField(label="Risk to the public", choices=_LEVELS, widget=GovUKRadioSelect)
    known_adult = forms.ChoiceField(
        label="Risk to a known adult", choices=_LEVELS, widget=GovUKRadioSelect
    )
    children = forms.ChoiceField(label="Risk to children", choices=_LEVELS, widget=GovUKRadioSelect)
    staff = forms.ChoiceField(label="Risk to staff", choices=_LEVELS, widget=GovUKRadioSelect)


class ToolAssessmentForm(GovUKForm):
    """That an ARMS or a SARA was completed, and when: its judgements stay in the tool's record."""

    tool = forms.ChoiceField(
        label="Assessment",
        choices=list(RISK_TOOLS.items()),
        widget=GovUKRadioSelect,
        error_messages={"required": "Select ARMS or SARA"},
    )
    completed_on = GovUKDateField(
        label="Date the assessment was completed", help_text="For example, 17 11 2026"
    )
