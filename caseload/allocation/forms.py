"""The allocation forms: choose a practitioner for one case, record an absence, and change
the lines of a proposed reallocation."""

from typing import Any

from django import forms
from django.utils import timezone

from caseload.allocation.actions import MOST_NOTE_CHARACTERS
from caseload.allocation.models import AbsenceKind
from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect
from caseload.core.version_fields import SeenField


def _note(
    hint: str = "Why this practitioner: it is recorded on the case as a “Case allocated” contact",
) -> forms.CharField:
    return forms.CharField(
        label="Note for the case record",
        help_text=hint,
        max_length=MOST_NOTE_CHARACTERS,
        error_messages={
            "required": "Enter a note about the allocation",
            "max_length": f"The note must be {MOST_NOTE_CHARACTERS} characters or fewer",
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _start_date() -> GovUKDateField:
    return GovUKDateField(
        label="Start date",
        help_text="For example, 4 1 2027. A later day is allowed: the case moves then",
        allow_past=False,
        error_messages={"required": "Enter the date the allocation starts"},
    )


class AllocateForm(GovUKForm):
    """One case to one of the practitioners who may take it."""

    staff = forms.ChoiceField(
        label="Practitioner",
        widget=GovUKRadioSelect,
        error_messages={
            "required": "Select a practitioner",
            "invalid_choice": "Select one of the practitioners listed",
        },
    )
    start_date = _start_date()
    note = _note()
    replacing = SeenField()

    def __init__(
        self,
        *args: Any,
        choices: dict[str, str] | None = None,
        hints: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        """`choices`: staff id to the practitioner's name, for those who may take the case;
        `hints`: staff id to their capacity before and after, shown under each."""
        super().__init__(*args, **kwargs)
        self.fields["staff"].choices = list((choices or {}).items())
        self.fields["staff"].widget.hints = hints or {}
        if not self.is_bound:
            self.initial.setdefault("start_date", timezone.localdate())


class AbsenceForm(GovUKForm):
    """That a practitioner is, or will be, away or leaving: their cases are then listed for
    reallocation."""

    practitioner = forms.ChoiceField(
        label="Practitioner", error_messages={"required": "Select the practitioner"}
    )
    kind = forms.ChoiceField(
        label="Why their cases need reallocating",
        choices=AbsenceKind.choices,
        widget=GovUKRadioSelect,
        error_messages={"required": "Select why their cases need reallocating"},
    )
    start_date = GovUKDateField(
        label="First day away",
        help_text="For example, 4 1 2027. For leaving, the day after their last day",
        error_messages={"required": "Enter the first day away"},
    )
    end_date = GovUKDateField(
        label="Back on",
        help_text="Leave empty if not known, or if they are leaving",
        required=False,
    )

    def __init__(self, *args: Any, practitioners: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].choices = [("", "Select"), *(practitioners or {}).items()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", "Back on must be after the first day away")
        return data


class ReallocateForm(GovUKForm):
    """The proposal's lines: one choice of practitioner per case (suitable ones only), a start
    date and one note recorded on every case."""

    start_date = _start_date()
    note = _note("Why these cases are moving: it is recorded on each as a “Case allocated” contact")

    def __init__(
        self,
        *args: Any,
        lines: dict[str, tuple[str, dict[str, str], str]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`lines`: CRN to (the person's name, username to name of those who may take it, a
        hint: the case's tier and points and the proposal)."""
        super().__init__(*args, **kwargs)
        for crn, (name, choices, hint) in (lines or {}).items():
            self.fields[f"case_{crn}"] = forms.ChoiceField(
                label=f"{name} ({crn})",
                help_text=hint,
                choices=[("", "Leave with the current practitioner"), *choices.items()],
                required=False,
                error_messages={"invalid_choice": f"Select a practitioner who may take {crn}"},
            )
        if not self.is_bound:
            self.initial.setdefault("start_date", timezone.localdate())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(value for name, value in data.items() if name.startswith("case_")):
            raise forms.ValidationError("Select who takes at least one of the cases")
        return data

    def chosen(self) -> dict[str, str]:
        """CRN to the username chosen, for the lines given one."""
        return {
            name.removeprefix("case_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("case_") and value
        }
