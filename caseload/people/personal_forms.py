"""The forms of the personal-details pages. Fields the action validates are optional here, so
that every problem comes back at once from the pure rules, worded the same on page and API."""

from typing import Any

from django import forms

from caseload.core.forms import (
    GovUKCheckboxSelectMultiple,
    GovUKDateField,
    GovUKForm,
    GovUKRadioSelect,
)
from caseload.core.version_fields import SeenField, VersionField
from caseload.people.constants import (
    AddressKind,
    AdjustmentNeed,
    DisabilityKind,
    PersonalContactKind,
)
from caseload.people.models import PhoneAndEmail


def _text(label: str, *, width: str = "", hint: str = "", **attrs: str) -> forms.CharField:
    if width:
        attrs["class"] = f"govuk-input--width-{width}"
    return forms.CharField(
        label=label, required=False, help_text=hint, widget=forms.TextInput(attrs=attrs)
    )


def _notes(label: str = "Notes", hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, help_text=hint, widget=forms.Textarea(attrs={"rows": 3})
    )


class AddressForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Type of address",
        choices=AddressKind.choices,
        widget=GovUKRadioSelect(
            hints={
                AddressKind.MAIN: "Where they live now. This ends their current main address.",
                AddressKind.PREVIOUS: "Somewhere they used to live: give the to date too.",
            }
        ),
        required=False,
    )
    line_1 = _text("Address line 1", autocomplete="address-line1")
    line_2 = _text("Address line 2 (optional)", autocomplete="address-line2")
    town = _text("Town or city", width="20", autocomplete="address-level2")
    postcode = _text("Postcode", width="10", autocomplete="postal-code", spellcheck="false")
    start_date = GovUKDateField(label="From", required=False, help_text="For example, 27 3 2026")
    end_date = GovUKDateField(
        label="To (optional)",
        required=False,
        help_text="Only for an address they have left. For example, 3 4 2026",
    )
    verified = forms.BooleanField(
        label="Verified (for example, seen a tenancy agreement or a letter)", required=False
    )
    notes = _notes()

    #: The current main address the user was shown ("id:version", or "" for none).
    main_seen = SeenField()

    @staticmethod
    def seen_versions(person: Any) -> dict[str, object]:
        main = (
            person.addresses.filter(kind=AddressKind.MAIN, end_date__isnull=True)
            .order_by("-start_date", "-id")
            .first()
        )
        return {"main_seen": main.seen.token() if main else ""}

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["replacing"] = data.pop("main_seen")
        data["kind"] = data["kind"] or None
        return data


def _version_of(related: str, key: str) -> Any:
    def seen_versions(person: Any, **fixed: int) -> dict[str, object]:
        row = getattr(person, related).filter(pk=fixed[key]).first()
        return {"expected_version": row.version} if row else {}

    return staticmethod(seen_versions)


class EndAddressForm(GovUKForm):
    expected_version = VersionField()
    end_date = GovUKDateField(label="Date they left", help_text="For example, 27 3 2026")

    seen_versions = _version_of("addresses", "address_id")


class PhoneAndEmailForm(GovUKForm):
    mobile = _text("Mobile number (optional)", width="20", autocomplete="tel", type="tel")
    phone = _text("Other phone number (optional)", width="20", type="tel")
    email = _text(
        "Email address (optional)", autocomplete="email", type="email", spellcheck="false"
    )
    seen = SeenField()

    @staticmethod
    def seen_versions(person: Any) -> dict[str, object]:
        current = PhoneAndEmail.objects.filter(person=person).first()
        return {"seen": current.seen.token() if current else ""}

    @staticmethod
    def current(person: Any) -> dict[str, Any] | None:
        found = PhoneAndEmail.objects.filter(person=person).first()
        return (
            {"mobile": found.mobile, "phone": found.phone, "email": found.email} if found else None
        )

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["replacing"] = data.pop("seen")
        return data


class PersonalContactForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Type of contact",
        choices=PersonalContactKind.choices,
        widget=GovUKRadioSelect,
        required=False,
    )
    name = _text("Name", width="20")
    relationship = _text(
        "Relationship to the person", width="20", hint="For example, mother, partner or GP"
    )
    phone = _text("Phone number (optional)", width="20", type="tel")
    address = _notes("Address (optional)")
    notes = _notes("Notes (optional)")

    def action_arguments(self) -> dict[str, Any]:
        return {**self.cleaned_data, "kind": self.cleaned_data["kind"] or None}


class EndPersonalContactForm(GovUKForm):
    expected_version = VersionField()

    seen_versions = _version_of("personal_contacts", "contact_id")


class DisabilityForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Type of disability or condition",
        choices=[("", "Select a type"), *DisabilityKind.choices],
        required=False,
    )
    start_date = GovUKDateField(
        label="From",
        required=False,
        help_text="When it began or was first recorded. For example, 27 3 2026",
    )
    adjustments = forms.MultipleChoiceField(
        label="Adjustments needed",
        choices=AdjustmentNeed.choices,
        widget=GovUKCheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply",
    )
    notes = _notes("Notes (optional)", hint="What helps, in the person's own words if possible")

    def action_arguments(self) -> dict[str, Any]:
        return {**self.cleaned_data, "kind": self.cleaned_data["kind"] or None}


class EndDisabilityForm(GovUKForm):
    expected_version = VersionField()
    end_date = GovUKDateField(label="Date it no longer applies", help_text="For example, 27 3 2026")

    seen_versions = _version_of("disabilities", "disability_id")


class LanguageForm(GovUKForm):
    preferred_language = _text("Preferred language", width="20", autocomplete="language")
    interpreter_required = forms.BooleanField(
        label="They need an interpreter at appointments", required=False
    )

    @staticmethod
    def current(person: Any) -> dict[str, Any]:
        return {
            "preferred_language": person.preferred_language,
            "interpreter_required": person.interpreter_required,
        }
