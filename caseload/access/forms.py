"""The access part's forms: limited-access entries, and the password forms as GOV.UK pages ask
for them (Django's forms, relabelled, with problems with the new password shown against the new
password field)."""

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKFormMixin, GovUKRadioSelect

NEW_PASSWORD_HINT = "Use at least 8 characters. Do not use a common password."
MISMATCH = "Enter the same new password twice"


class _NewPassword(GovUKFormMixin):
    error_messages = {"password_mismatch": MISMATCH}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        fields["new_password1"].label = "New password"
        fields["new_password1"].help_text = NEW_PASSWORD_HINT
        fields["new_password1"].error_messages["required"] = "Enter a new password"
        fields["new_password2"].label = "Confirm new password"
        fields["new_password2"].help_text = ""
        fields["new_password2"].error_messages["required"] = "Confirm your new password"

    def clean(self) -> dict[str, Any]:
        self.validate_passwords("new_password1", "new_password2")  # type: ignore[attr-defined]
        self.validate_password_for_user(self.user, "new_password1")  # type: ignore[attr-defined]
        return self.cleaned_data  # type: ignore[attr-defined,no-any-return]


class SetPasswordForm(_NewPassword, auth_forms.SetPasswordForm):
    """Through a one-time link an administrator made."""


class ChangePasswordForm(_NewPassword, auth_forms.PasswordChangeForm):
    error_messages = {
        **_NewPassword.error_messages,
        "password_incorrect": "Your current password is wrong. Enter it again.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"


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
