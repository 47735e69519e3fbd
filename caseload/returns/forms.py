"""The filters every return page shows, sent with GET."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from caseload.core.forms import GovUKDateField, GovUKForm
from caseload.returns.domain.filters import ReturnFilters, filter_problems
from caseload.returns.registry import Return
from caseload.returns.scope import Units


def _choices(everyone: str, options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", everyone), *options]


class ReturnFilterForm(GovUKForm):
    as_at = GovUKDateField(
        label="As at", required=False, allow_future=False, help_text="For example, 31 3 2026"
    )
    period_from = GovUKDateField(
        label="From",
        required=False,
        allow_future=False,
        help_text="The period ends on the 'as at' day. Leave empty for the 12 months to it",
    )
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All regions")])
    delivery_unit = forms.ChoiceField(
        label="Delivery unit", required=False, choices=[("", "All delivery units")]
    )
    team = forms.ChoiceField(label="Team", required=False, choices=[("", "All teams")])
    practitioner = forms.ChoiceField(
        label="Practitioner", required=False, choices=[("", "All practitioners")]
    )

    def __init__(
        self,
        *args: Any,
        declared: Return | None = None,
        units: Units | None = None,
        today: date | None = None,
        **kwargs: Any,
    ):
        """Without a return, the form has both dates; without units, no one to choose."""
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        if declared is not None and declared.time != "period":
            del self.fields["period_from"]
        if units is not None:
            self._offer(units)

    def _offer(self, units: Units) -> None:
        self.fields["region"].choices = _choices(
            "All regions", [(r.code, r.name) for r in units.regions]
        )
        self.fields["delivery_unit"].choices = _choices(
            "All delivery units", [(u.code, u.name) for u in units.delivery_units]
        )
        self.fields["team"].choices = _choices("All teams", [(t.code, t.name) for t in units.teams])
        self.fields["practitioner"].choices = _choices(
            "All practitioners", [(s.user.username, str(s)) for s in units.practitioners]
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            for problem in filter_problems(self.filters(cleaned), self.today):
                self.add_error(problem.field, problem.message)
        return cleaned

    def filters(self, cleaned: dict[str, Any] | None = None) -> ReturnFilters:
        data = self.cleaned_data if cleaned is None else cleaned
        return ReturnFilters(
            as_at=data.get("as_at") or self.today,
            period_from=data.get("period_from"),
            region=data.get("region", ""),
            delivery_unit=data.get("delivery_unit", ""),
            team=data.get("team", ""),
            practitioner=data.get("practitioner", ""),
        )
