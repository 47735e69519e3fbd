"""The override forms (snooze, not applicable, end) and the filters of the essential lists."""

from typing import Any

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm
from caseload.core.version_fields import VersionField
from caseload.essentials.domain.essential import STATE_LABELS, State
from caseload.essentials.domain.overrides import MAX_REASON, NOT_APPLICABLE_MONTHS, SNOOZE_DAYS
from caseload.essentials.domain.rules import RULES

#: What a list of essentials across cases may be filtered to.
FILTER_STATES = (State.OVERDUE, State.DUE, State.SNOOZED)


def _reason(hint: str, required: str) -> forms.CharField:
    return forms.CharField(
        label="Reason",
        max_length=MAX_REASON,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": required},
    )


def _until(label: str, hint: str, required: str) -> GovUKDateField:
    return GovUKDateField(
        label=label, help_text=hint, allow_past=False, error_messages={"required": required}
    )


class SnoozeEssentialForm(GovUKForm):
    reason = _reason(
        "Why this can wait, for example the person is in hospital this week",
        "Enter why the essential can wait",
    )
    until = _until(
        "Snooze until",
        f"At most {SNOOZE_DAYS} days from today. For example, 24 12 2026",
        "Enter the date to snooze until",
    )


class NotApplicableForm(GovUKForm):
    reason = _reason(
        "Why the rule does not fit this case, for example the enquiry was made by the court "
        "team before sentence",
        "Enter why the essential is not applicable",
    )
    until = _until(
        "Not applicable until",
        f"At most {NOT_APPLICABLE_MONTHS} months from today. For example, 24 5 2027",
        "Enter the date it is not applicable until",
    )


def override_version(person: Any, *, override_id: int) -> dict[str, object]:
    """The version of the override the user is shown, for the form's hidden field."""
    row = person.essential_overrides.filter(pk=override_id).first()
    return {"expected_version": row.version} if row else {}


class EndOverrideForm(GovUKForm):
    """Ending an override asks nothing more than the version seen: the button is the answer."""

    expected_version = VersionField()

    seen_versions = staticmethod(override_version)


class EssentialFilterForm(GovUKForm):
    """The filters of a list of essentials across cases (GET); the team's lists add the
    practitioner, by username."""

    kind = forms.ChoiceField(label="Essential", required=False)
    state = forms.ChoiceField(
        label="State",
        required=False,
        choices=[("", "Overdue and due"), *((s.value, STATE_LABELS[s]) for s in FILTER_STATES)],
    )
    practitioner = forms.ChoiceField(label="Practitioner", required=False)

    def __init__(
        self, data: Any = None, *, practitioners: list[tuple[str, str]] | None = None
    ) -> None:
        super().__init__(data)
        kinds = sorted(((kind, rule.title) for kind, rule in RULES.items()), key=lambda c: c[1])
        self.fields["kind"].choices = [("", "Every essential"), *kinds]
        if practitioners is None:
            del self.fields["practitioner"]
        else:
            self.fields["practitioner"].choices = [("", "Everyone"), *practitioners]
