"""The form that adds a new dated version of a reference-data table.

It starts from the version in force: one field per value that may change, for every row, with
that version's value; the date it takes effect (today or later: a version is never back-dated,
so figures already shown never change) and a note saying why. Each error names the value's row
and the rule it breaks.
"""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from caseload.core.dates import add_months
from caseload.core.forms import GovUKDateField, GovUKForm, govukify_field
from caseload.workload.tables import AGREEMENT_TIMINGS, TABLES_BY_SLUG, Column, TableSpec
from caseload.workload.weightings import agreement_version_in_force, version_in_force

CASE_POINTS = TABLES_BY_SLUG["case-points"]

MAX_NOTE = 2000
YEARS_AHEAD = 5
#: Limits of each kind of value: (smallest, largest, decimal places).
LIMITS: dict[str, tuple[int, int, int]] = {
    "whole": (0, 100_000, 0),
    "minutes": (0, 1440, 0),
    "months": (1, 120, 0),
    "hours": (0, 80, 1),
    "percent": (0, 100, 2),
}
KIND_WORDS = {
    "whole": "a whole number",
    "minutes": "a whole number of minutes",
    "months": "a whole number of months",
    "hours": "a number of hours",
    "percent": "a percentage",
}


def field_name(index: int, column: Column) -> str:
    return f"r{index}_{column.name}"


def value_field(column: Column, row_words: str) -> forms.Field:
    label = f"{column.label} for {row_words}"
    if column.kind == "yes_no":
        return forms.BooleanField(label=label, required=False)
    low, high, places = LIMITS[column.kind]
    what = KIND_WORDS[column.kind]
    between = f"{label} must be between {low:,} and {high:,}"
    messages = {
        "required": f"Enter the {column.label.lower()} for {row_words}",
        "invalid": f"{label} must be {what}",
        "min_value": between,
        "max_value": between,
        "max_digits": between,
        "max_whole_digits": between,
        "max_decimal_places": f"{label} must have no more than {places} decimal places",
    }
    common: dict[str, Any] = {
        "label": label,
        "required": not column.optional,
        "min_value": low,
        "max_value": high,
        "error_messages": messages,
    }
    if places == 0:
        return forms.IntegerField(**common)
    return forms.DecimalField(max_digits=5, decimal_places=places, **common)


class NewVersionForm(GovUKForm):
    """`rows` are the version in force's rows, in order; `extra` fields come first (the
    agreement's responsive share)."""

    effective_from = GovUKDateField(
        label="Date it takes effect",
        help_text="Today or later. For example, 1 4 2027",
        allow_past=False,
        error_messages={
            "required": "Enter the date it takes effect",
            "past": "The date it takes effect must be today or in the future",
        },
    )
    note = forms.CharField(
        label="What changed and why",
        help_text="For example, the weightings agreed with the unions on 3 March",
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter what changed and why",
            "max_length": f"What changed and why must be {MAX_NOTE:,} characters or fewer",
        },
    )

    def __init__(self, *args: Any, spec: TableSpec = CASE_POINTS, **kwargs: Any) -> None:
        """Raises `NoneInForce` when the table has no version in force to start from."""
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.in_force = self.version_in_force()
        self.rows = list(getattr(self.in_force, spec.related_name).order_by(*spec.order_by))
        added = self.extra_fields()
        for index, row in enumerate(self.rows):
            words = spec.row_label(row)
            for column in spec.columns:
                name = field_name(index, column)
                added[name] = value_field(column, words)
                self.initial.setdefault(name, getattr(row, column.name))
        for name, field in added.items():
            govukify_field(name, field)
            self.fields[name] = field

    def version_in_force(self) -> Any:
        return version_in_force(self.spec.table, timezone.localdate())  # type: ignore[arg-type]

    def extra_fields(self) -> dict[str, forms.Field]:
        return {}

    def clean_note(self) -> str:
        note: str = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError("Enter what changed and why", code="required")
        if any(ord(c) < 32 and c not in "\n\r\t" for c in note):
            raise forms.ValidationError(
                "What changed and why must not contain control characters", code="control"
            )
        return note

    def clean_effective_from(self) -> Any:
        day = self.cleaned_data["effective_from"]
        if day is not None and day > add_months(timezone.localdate(), 12 * YEARS_AHEAD):
            raise forms.ValidationError(
                f"The date it takes effect must be within the next {YEARS_AHEAD} years",
                code="too_far",
            )
        return day

    def values(self) -> list[dict[str, Any]]:
        """Each row's values as entered, in the rows' order."""
        return [
            {
                column.name: self.cleaned_data.get(field_name(index, column))
                for column in self.spec.columns
            }
            for index in range(len(self.rows))
        ]

    def cells(self) -> list[tuple[Any, str, list[forms.BoundField]]]:
        """(row, its name, its fields) for the template's table."""
        return [
            (
                row,
                self.spec.row_label(row),
                [self[field_name(index, column)] for column in self.spec.columns],
            )
            for index, row in enumerate(self.rows)
        ]


class NewAgreementForm(NewVersionForm):
    """A new version of the workload agreement: its timings and the share for responsive work."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, spec=AGREEMENT_TIMINGS, **kwargs)
        self.initial.setdefault("responsive_share_percent", self.in_force.responsive_share_percent)

    def version_in_force(self) -> Any:
        return agreement_version_in_force(timezone.localdate())

    def extra_fields(self) -> dict[str, forms.Field]:
        return {"responsive_share_percent": responsive_share_field()}


def responsive_share_field() -> forms.DecimalField:
    between = "The share for responsive work must be between 0 and 100"
    return forms.DecimalField(
        label="Share for responsive work (%)",
        help_text="Added on top of the planned work of a week, for crises and work nobody planned",
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=4,
        decimal_places=1,
        error_messages={
            "required": "Enter the share for responsive work",
            "invalid": "The share for responsive work must be a percentage",
            "min_value": between,
            "max_value": between,
            "max_digits": between,
            "max_whole_digits": between,
            "max_decimal_places": "The share for responsive work must have 1 decimal place at most",
        },
    )


MAX_WEEK_NOTE = 2_000


class WeekNoteForm(GovUKForm):
    """The practitioner's note on this week's list, for their manager."""

    text = forms.CharField(
        label="Your note for your manager",
        help_text="For example, what took longer than agreed, or what you could not reach",
        max_length=MAX_WEEK_NOTE,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter your note",
            "max_length": f"Your note must be {MAX_WEEK_NOTE:,} characters or fewer",
        },
    )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Enter your note", code="required")
        if any(ord(c) < 32 and c not in "\n\r\t" for c in text):
            raise forms.ValidationError(
                "Your note must not contain control characters", code="control"
            )
        return text


MOST_REDUCTION_HOURS = Decimal(48)


class ReductionForm(GovUKForm):
    """A reduction for one of the manager's practitioners: hours a week, a reason from the
    reasons in force, and its dates (the reason's expiry gives the end when none is entered)."""

    practitioner = forms.ChoiceField(
        label="Practitioner", error_messages={"required": "Select the practitioner"}
    )
    reason = forms.ChoiceField(label="Reason", error_messages={"required": "Select the reason"})
    hours = forms.DecimalField(
        label="Hours a week",
        help_text="For example, 7.5",
        max_digits=4,
        decimal_places=2,
        min_value=Decimal("0.25"),
        max_value=MOST_REDUCTION_HOURS,
        error_messages={
            "required": "Enter the hours a week",
            "invalid": "Hours a week must be a number, like 7.5",
            "min_value": "Hours a week must be at least 0.25",
            "max_value": "Hours a week must be 48 or fewer",
            "max_digits": "Hours a week must be 48 or fewer",
            "max_decimal_places": "Hours a week must have no more than 2 decimal places",
            "max_whole_digits": "Hours a week must be 48 or fewer",
        },
    )
    effective_from = GovUKDateField(label="Start date", help_text="For example, 4 1 2027")
    effective_to = GovUKDateField(
        label="End date",
        help_text="Leave empty to end it when its reason says, or never",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        practitioners: dict[str, str] | None = None,
        reasons: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        """`practitioners`: username to name, those the manager may record for; `reasons`: the
        names of the reasons in force."""
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].choices = [("", "Select"), *(practitioners or {}).items()]
        self.fields["reason"].choices = [("", "Select"), *((r, r) for r in reasons or [])]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("effective_from"), data.get("effective_to")
        if start and end and end <= start:
            self.add_error("effective_to", "End date must be after the start date")
        return data
