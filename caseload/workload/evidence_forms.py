"""The forms of the evidence pages: the report's filters (GET) and a new establishment figure."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from caseload.core.forms import GovUKDateField, GovUKForm
from caseload.organisation.models import DeliveryUnit, Team
from caseload.workload.aggregate import ESTABLISHMENT_GRADES
from caseload.workload.evidence import DEFAULT_WEEKS

#: The longest period the report reads at once.
LONGEST_PERIOD_DAYS = 366 * 2


class EvidenceFilterForm(GovUKForm):
    delivery_unit = forms.ChoiceField(
        label="Delivery unit", required=False, choices=[("", "All delivery units")]
    )
    period_from = GovUKDateField(
        label="From",
        required=False,
        allow_future=False,
        help_text="For example, 1 9 2026. Leave empty for the 12 weeks to the end date",
    )
    period_to = GovUKDateField(
        label="To",
        required=False,
        allow_future=False,
        help_text="For example, 30 11 2026. Leave empty for today",
    )

    def __init__(
        self, *args: Any, units: QuerySet[DeliveryUnit] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.units = DeliveryUnit.objects.none() if units is None else units
        self.fields["delivery_unit"].choices = [
            ("", "All delivery units in your area"),
            *((u.code, u.name) for u in self.units),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", "To must be the same as or after from")
        elif start and (end or timezone.localdate()) - start > timedelta(LONGEST_PERIOD_DAYS):
            self.add_error("period_from", "From must be no more than 2 years before to")
        return cleaned

    def chosen_units(self) -> QuerySet[DeliveryUnit]:
        code = self.cleaned_data.get("delivery_unit")
        return self.units.filter(code=code) if code else self.units

    def period(self) -> tuple[date, date]:
        end = self.cleaned_data.get("period_to") or timezone.localdate()
        start = self.cleaned_data.get("period_from") or end - timedelta(weeks=DEFAULT_WEEKS)
        return start, end


class EstablishmentForm(GovUKForm):
    """A new figure: how many posts of a grade a team has, from a day (today or later: a
    figure once counted against is never changed)."""

    team = forms.ChoiceField(label="Team", choices=[("", "Select a team")])
    grade = forms.ChoiceField(
        label="Grade",
        choices=[("", "Select a grade"), *((g.value, g.label) for g in ESTABLISHMENT_GRADES)],
    )
    posts = forms.IntegerField(
        label="Posts",
        min_value=0,
        max_value=200,
        help_text="Full-time posts the team is funded for in this grade. For example, 6",
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter the number of posts",
            "invalid": "Posts must be a whole number, like 6",
            "min_value": "Posts must be 0 or more",
            "max_value": "Posts must be 200 or fewer",
        },
    )
    effective_from = GovUKDateField(
        label="From",
        allow_past=False,
        help_text="The day the posts take effect: today or later. For example, 1 4 2027",
        error_messages={"required": "Enter the day the posts take effect from"},
    )

    def __init__(self, *args: Any, teams: QuerySet[Team] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.teams = Team.objects.none() if teams is None else teams
        self.fields["team"].choices = [
            ("", "Select a team"),
            *((t.code, f"{t.name} ({t.delivery_unit.name})") for t in self.teams),
        ]
        self.fields["team"].error_messages["required"] = "Select a team"
        self.fields["grade"].error_messages["required"] = "Select a grade"

    def chosen_team(self) -> Team:
        return self.teams.get(code=self.cleaned_data["team"])
