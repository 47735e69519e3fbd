from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect


class LimitedAccessForm(GovUKForm):
    kind = forms.ChoiceField(
        label="What kind of limit",
        choices=[
            ("exclusion", "Exclude this person: they may not see the case"),
            ("restriction", "Restrict the case to named people, including this person"),
        ],
        widget=GovUKRadioSelect,
    )
    username = forms.CharField(
        label="Username", max_length=150, help_text="The staff member's caseload username"
    )
    start_date = GovUKDateField(label="Start date", help_text="For example, 1 12 2026")
    end_date = GovUKDateField(
        label="End date (optional)", required=False, help_text="Leave empty if it has no end date"
    )
    reason = forms.CharField(
        label="Reason",
        max_length=200,
        help_text="For example, a conflict of interest or a member of staff known to the person",
    )


class EndLimitedAccessForm(GovUKForm):
    end_date = GovUKDateField(label="Date the entry ends", help_text="Today or later")
