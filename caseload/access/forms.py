"""The access part's forms: limited-access entries, the password forms as GOV.UK pages ask
for them (Django's forms, relabelled, with problems with the new password shown against the new
password field), and the audit search's filters."""

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from caseload.access.audit_actions import action_choices
from caseload.access.audit_log import AuditFilters
from caseload.core.forms import GovUKDateField, GovUKForm, GovUKFormMixin, GovUKRadioSelect

NEW_PASSWORD_HINT = "Use at least 8 characters. Do not use a common password."
MISMATCH = "Enter the same new password twice"

#: Our words for Django's password validators' problems, by their code.
PASSWORD_PROBLEMS = {
    "password_too_short": "Your new password must be at least 8 characters",
    "password_too_common": "Your new password is too common. Choose one that is harder to guess",
    "password_entirely_numeric": "Your new password must include letters, not only numbers",
    "password_too_similar": "Your new password is too like your username or name",
}


class SignInForm(GovUKFormMixin, auth_forms.AuthenticationForm):
    """Django's sign-in form with our words: it does not say which of the two was wrong."""

    error_messages = {
        "invalid_login": "The username or password is not right",
        "inactive": "This account cannot be used. Ask a caseload administrator",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username"
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].label = "Password"
        self.fields["password"].error_messages["required"] = "Enter your password"


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
        password = self.cleaned_data.get("new_password1")  # type: ignore[attr-defined]
        if password:
            try:
                password_validation.validate_password(password, self.user)  # type: ignore[attr-defined]
            except ValidationError as problems:
                for problem in problems.error_list:
                    message = PASSWORD_PROBLEMS.get(problem.code or "", problem.messages[0])
                    self.add_error("new_password1", message)  # type: ignore[attr-defined]
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


crn_validator = RegexValidator(
    r"^[A-Za-z][0-9]{6}$", "Enter a CRN as one letter and six numbers, like X123456"
)


class AuditSearchForm(GovUKForm):
    crn = forms.CharField(
        label="CRN",
        required=False,
        max_length=7,
        validators=[crn_validator],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    username = forms.CharField(
        label="Username",
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    from_date = GovUKDateField(label="From", required=False, help_text="For example, 27 3 2026")
    to_date = GovUKDateField(label="To", required=False, help_text="For example, 3 4 2026")
    action = forms.ChoiceField(
        label="What was done", required=False, choices=[("", "Anything"), *action_choices()]
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and end < start:
            self.add_error("to_date", "To must be the same as or after from")
        return cleaned

    def filters(self) -> AuditFilters:
        data = self.cleaned_data
        return AuditFilters(
            crn=data["crn"].upper(),
            username=data["username"].strip(),
            from_date=data["from_date"],
            to_date=data["to_date"],
            action=data["action"],
        )
