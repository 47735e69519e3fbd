from datetime import time
from typing import Any

from django import forms
from django.utils import timezone

from caseload.contacts.domain import COMPLIANCE_LABELS, CONTACT_TYPES, OUTCOMES, RECORDED_BY_HAND
from caseload.contacts.models import CONTACT_TYPE_CHOICES, ENFORCEMENT_CHOICES, OUTCOME_CHOICES
from caseload.contacts.timeline import OTHER_KINDS, ActivityFilters
from caseload.core.forms import (
    GovUKDateField,
    GovUKForm,
    GovUKTimeField,
    aware_datetime,
    minutes_spent_field,
)

#: The contact types that are appointments, and the outcomes that are a failure to comply:
#: the outcome question is for the first, the enforcement decision for the second.
APPOINTMENT_TYPES = " ".join(code for code, t in CONTACT_TYPES.items() if t.appointment)
ENFORCEABLE_OUTCOMES = " ".join(code for code, o in OUTCOMES.items() if o.enforceable)
UNPAID_WORK_TYPES = " ".join(code for code, t in CONTACT_TYPES.items() if t.unpaid_work)


def _now_to_the_minute() -> time:
    return timezone.localtime().time().replace(second=0, microsecond=0)


def shown_for(field: str, values: str) -> dict[str, str]:
    """Attributes that let `frontend/js/conditional-fields.js` show a question only when
    `field`'s answer is one of `values`; without JavaScript every question is shown."""
    return {"data-app-shown-for-field": field, "data-app-shown-for": values}


class ContactForm(GovUKForm):
    """One screen, in the order a practitioner answers: what, when, how it went, notes.

    The date and time start at now (UK time). The outcome is asked for appointments only, and
    the enforcement decision only after a failure to comply; the page says so in each hint, and
    the script hides each question until it applies.
    """

    contact_type = forms.ChoiceField(
        label="Type of contact",
        choices=[
            ("", "Select a type of contact"),
            *((code, label) for code, label in CONTACT_TYPE_CHOICES if code in RECORDED_BY_HAND),
        ],
    )
    happened_on = GovUKDateField(
        label="Date of contact",
        help_text="For example, 17 11 2026",
        initial=timezone.localdate,
        allow_future=False,
    )
    happened_at_time = GovUKTimeField(label="Time of contact", initial=_now_to_the_minute)
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=[("", "Select an outcome"), *OUTCOME_CHOICES],
        help_text="Needed for appointments: office, home, video and phone appointments and "
        "doorstep visits. Leave it empty for calls, messages and letters.",
        widget=forms.Select(attrs=shown_for("contact_type", APPOINTMENT_TYPES)),
    )
    enforcement_action = forms.ChoiceField(
        label="Enforcement decision",
        required=False,
        choices=[("", "Select an enforcement decision"), *ENFORCEMENT_CHOICES],
        help_text="Needed when the person failed to attend or failed to comply",
        widget=forms.Select(attrs=shown_for("outcome", ENFORCEABLE_OUTCOMES)),
    )
    minutes_credited = forms.IntegerField(
        label="Unpaid work credited, in minutes",
        required=False,
        help_text="Unpaid work sessions only. For example, 420 for 7 hours",
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", **shown_for("contact_type", UNPAID_WORK_TYPES)}
        ),
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 5}), required=False)
    sensitive = forms.BooleanField(
        label="Sensitive: hide the notes from the timeline", required=False
    )
    rar_activity = forms.BooleanField(label="Counts as a RAR activity day", required=False)
    actual_minutes = minutes_spent_field()

    #: The action's `happened_at` is asked for as a date and a time: its problems belong to
    #: the date (the error summary links to the day box).
    problem_fields = {"happened_at": "happened_on"}

    def clean(self) -> dict[str, Any]:
        """A moment later today is a problem with the time, not the date."""
        data = super().clean() or {}
        day, at = data.get("happened_on"), data.get("happened_at_time")
        today = timezone.localdate()
        if day == today and at is not None and aware_datetime(day, at) > timezone.now():
            self.add_error("happened_at_time", "Time of contact must be now or in the past")
        return data

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
