"""The diary's forms. Each names the action field a problem is about when the form asks for it
in parts (`problem_fields`: the action's one `starts_at` is the form's date and time)."""

from datetime import date
from typing import Any

from django import forms

from caseload.contacts.models import ENFORCEMENT_CHOICES, OUTCOME_CHOICES
from caseload.core.forms import (
    GovUKDateField,
    GovUKForm,
    GovUKRadioSelect,
    GovUKTimeField,
    aware_datetime,
    minutes_spent_field,
)
from caseload.diary.domain import LONGEST_REASON, RESCHEDULED_OUTCOMES, Repeat, RequestedBy
from caseload.diary.models import APPOINTMENT_TYPE_CHOICES

ONCE = "once"
START_FIELDS = {"starts_at": "starts_on", "appointment": None}


def _moment(data: dict[str, Any]) -> Any:
    day, clock = data.pop("starts_on", None), data.pop("starts_at_time", None)
    return aware_datetime(day, clock) if day and clock else None


def _confirm_overlap() -> forms.BooleanField:
    """Carries "arrange it anyway" once the page has shown the overlapping appointments."""
    return forms.BooleanField(required=False, widget=forms.HiddenInput)


class ArrangeAppointmentForm(GovUKForm):
    problem_fields = START_FIELDS

    contact_type = forms.ChoiceField(
        label="Type of appointment",
        choices=[("", "Select a type of appointment"), *APPOINTMENT_TYPE_CHOICES],
    )
    starts_on = GovUKDateField(label="Date", help_text="For example, 27 11 2026")
    starts_at_time = GovUKTimeField(label="Start time")
    duration_minutes = forms.IntegerField(
        label="How long, in minutes",
        min_value=5,
        max_value=480,
        initial=30,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter how long it will take, in minutes",
            "invalid": "How long must be a number of minutes, like 30",
            "min_value": "The appointment must take at least 5 minutes",
            "max_value": "The appointment must take 8 hours (480 minutes) or less",
        },
    )
    location = forms.CharField(
        label="Where",
        required=False,
        max_length=200,
        help_text="The office and room, or the address. Leave blank for a video or phone call",
    )
    with_staff = forms.TypedChoiceField(
        label="Who it is with",
        coerce=int,
        choices=[],
        error_messages={"required": "Select who the appointment is with"},
    )
    must_attend = forms.BooleanField(
        label="They must attend: missing it counts as a failure to comply",
        required=False,
        initial=True,
    )
    repeat = forms.ChoiceField(
        label="Repeats",
        initial=ONCE,
        choices=[(ONCE, "No, just this once"), *((r.value, r.label) for r in Repeat)],
        widget=GovUKRadioSelect,
        error_messages={"required": "Select whether it repeats"},
    )
    repeat_until = GovUKDateField(
        label="Repeat until",
        required=False,
        help_text="Only if it repeats: the date of the last one, at most a year ahead",
    )
    notes = forms.CharField(
        label="Notes for the appointment",
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Not shown in the appointment letter or the calendar feed",
    )
    confirm_overlap = _confirm_overlap()

    def __init__(
        self, *args: Any, staff_choices: list[tuple[int, str]] | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["with_staff"].choices = staff_choices or []  # type: ignore[attr-defined]

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["starts_at"] = _moment(data)
        if data["repeat"] == ONCE:
            data["repeat"], data["repeat_until"] = None, None
        return data


class RescheduleAppointmentForm(GovUKForm):
    problem_fields = START_FIELDS

    starts_on = GovUKDateField(label="New date", help_text="For example, 27 11 2026")
    starts_at_time = GovUKTimeField(label="New start time")
    duration_minutes = forms.IntegerField(
        label="How long, in minutes",
        min_value=5,
        max_value=480,
        required=False,
        help_text="Leave blank to keep the same length",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "How long must be a number of minutes, like 30",
            "min_value": "The appointment must take at least 5 minutes",
            "max_value": "The appointment must take 8 hours (480 minutes) or less",
        },
    )
    requested_by = forms.ChoiceField(
        label="Who asked for the change",
        choices=[(r.value, r.label) for r in RequestedBy],
        widget=GovUKRadioSelect,
        error_messages={"required": "Select who asked for the change"},
    )
    reason = forms.CharField(
        label="Reason for moving it",
        max_length=LONGEST_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the appointment is being rescheduled"},
    )
    confirm_overlap = _confirm_overlap()

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["starts_at"] = _moment(data)
        return data


class CancelAppointmentForm(GovUKForm):
    problem_fields = {"appointment": None}

    reason = forms.CharField(
        label="Reason for cancelling",
        max_length=LONGEST_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the appointment is being cancelled"},
    )


OUTCOMES_TO_RECORD = [
    (code, label) for code, label in OUTCOME_CHOICES if code not in RESCHEDULED_OUTCOMES
]


class AppointmentOutcomeForm(GovUKForm):
    problem_fields = {"appointment": None}

    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[("", "Select the outcome"), *OUTCOMES_TO_RECORD],
        error_messages={"required": "Select the outcome"},
    )
    enforcement_action = forms.ChoiceField(
        label="Enforcement action",
        required=False,
        choices=[("", "None"), *ENFORCEMENT_CHOICES],
        help_text="Needed when the outcome is a failure to comply",
    )
    notes = forms.CharField(
        label="Notes", required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    sensitive = forms.BooleanField(
        label="Sensitive: hide the notes from the activity log", required=False
    )
    actual_minutes = minutes_spent_field()


class DiaryDayForm(GovUKForm):
    """`?day=2026-11-27`: which day of the diary to show (today if none)."""

    day = forms.DateField(
        label="Day",
        help_text="For example, 2026-11-27",
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "Enter a real date, like 2026-11-27"},
    )

    def clean_day(self) -> date | None:
        return _in_range(self.cleaned_data.get("day"))


class DiaryWeekForm(GovUKForm):
    """`?week=2026-11-23`: any day of the week to show (this week if none)."""

    week = forms.DateField(
        label="A day in the week",
        help_text="For example, 2026-11-23",
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "Enter a real date, like 2026-11-23"},
    )

    def clean_week(self) -> date | None:
        return _in_range(self.cleaned_data.get("week"))


def _in_range(day: date | None) -> date | None:
    if day is not None and not date(1900, 1, 8) <= day <= date(2999, 12, 24):
        raise forms.ValidationError("Enter a date between 1900 and 2999")
    return day
