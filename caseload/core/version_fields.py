"""Hidden form fields that carry the version of a record the user was shown.

A form that changes an existing record declares one of these and a `seen_versions(person,
**fixed_arguments)` static method giving their values from the record when the form is shown
(`caseload.access.pages.case_action_page` calls it). Bad or missing values clean to None, which
never matches a recorded version, so a tampered form gets the conflict page, never a save.
"""

from typing import Any

from django import forms

from caseload.core.versions import Seen


class VersionField(forms.IntegerField):
    """The version of the one record the form changes (`expected_version`)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> int | None:
        try:
            number = super().to_python(value)
        except forms.ValidationError:
            return None
        return number if number is not None and number >= 1 else None


class SeenField(forms.CharField):
    """The record the form replaces, as the user saw it: "id:version", or "" when there was none."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> Seen | None:  # type: ignore[override]
        try:
            return Seen.parse(str(value or "").strip())
        except ValueError:
            return Seen(0, 0)  # matches no record: the edit is refused as stale

    def prepare_value(self, value: Any) -> Any:
        return value.token() if isinstance(value, Seen) else value
