from typing import Any

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect
from caseload.core.version_fields import SeenField
from caseload.people.caselist import tier_letters
from caseload.people.constants import AccommodationStatus, CircumstanceKind, EmploymentStatus
from caseload.search.domain import MAX_QUERY_LENGTH, CaseQuery, QueryInvalid, parse_query


class CaseFilterForm(GovUKForm):
    """Filters a case list. The tier letters are the primary framework's; the practitioner
    filter is offered on team lists only, with the practitioners holding the list's cases."""

    q = forms.CharField(
        label="Name, CRN, PNC number or date of birth",
        required=False,
        max_length=MAX_QUERY_LENGTH,
    )
    tier = forms.ChoiceField(label="Tier", required=False)
    practitioner = forms.TypedChoiceField(
        label="Practitioner", required=False, coerce=int, empty_value=None
    )

    def __init__(
        self, *args: Any, practitioners: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = [("", "All tiers")] + [(x, x) for x in tier_letters()]
        if practitioners is None:
            del self.fields["practitioner"]
        else:
            self.fields["practitioner"].choices = [("", "All practitioners"), *practitioners]

    def clean_q(self) -> CaseQuery | None:
        text = self.cleaned_data["q"]
        if not text.strip():
            return None
        try:
            return parse_query(text)
        except QueryInvalid as problem:
            raise forms.ValidationError(str(problem)) from problem


class CircumstanceForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Type of change", choices=CircumstanceKind.choices, widget=GovUKRadioSelect
    )
    status = forms.ChoiceField(
        label="New status",
        choices=[
            ("", "Select the new status"),
            ("Accommodation", AccommodationStatus.choices),
            ("Employment, education or training", EmploymentStatus.choices),
        ],
        help_text="Choose a status of the kind you selected above",
    )
    start_date = GovUKDateField(label="Date of the change", help_text="For example, 27 3 2026")
    verified = forms.BooleanField(
        label="Verified (for example, seen a tenancy agreement or payslip)", required=False
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    #: The current circumstance of each kind the user was shown ("id:version", or "" for none).
    accommodation_seen = SeenField()
    employment_seen = SeenField()

    @staticmethod
    def seen_versions(person: Any) -> dict[str, object]:
        current: dict[str, Any] = {}
        for c in person.circumstances.filter(end_date__isnull=True).order_by("start_date", "id"):
            current[c.kind] = c  # the latest open one of each kind, as the action finds it
        return {
            f"{kind.lower()}_seen": current[kind].seen.token() if kind in current else ""
            for kind in CircumstanceKind.values
        }

    def action_arguments(self) -> dict[str, Any]:
        """The change, and which current circumstance it replaces: the one of its kind."""
        data = dict(self.cleaned_data)
        seen = {kind: data.pop(f"{kind.lower()}_seen") for kind in CircumstanceKind.values}
        return {**data, "replacing": seen.get(data["kind"])}
