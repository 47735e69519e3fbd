"""The forms of the enquiry pages. Required answers are asked for here, worded as the pure
rules word them; the action checks the rest (dates, one response per enquiry)."""

from typing import Any

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect
from caseload.core.version_fields import VersionField
from caseload.safeguarding.constants import EnquiryKind, EnquiryReason, EnquiryResponse


def _or_none(value: str) -> str | None:
    return value or None


class RequestEnquiryForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Who the enquiry is to",
        choices=EnquiryKind.choices,
        widget=GovUKRadioSelect(
            hints={
                EnquiryKind.POLICE_DA: "Domestic abuse call-outs and intelligence held by police",
                EnquiryKind.CHILDRENS_SERVICES: "Whether children are known to the local "
                "authority, for example on a child protection plan",
                EnquiryKind.ADULT_SERVICES: "Whether adults at risk are known to the local "
                "authority",
            }
        ),
        error_messages={"required": "Select who the enquiry is to"},
    )
    reason = forms.ChoiceField(
        label="Why it is made",
        choices=EnquiryReason.choices,
        widget=GovUKRadioSelect,
        error_messages={"required": "Select why the enquiry is made"},
    )
    requested_on = GovUKDateField(
        label="Date requested",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the enquiry was requested"},
    )

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {**data, "kind": _or_none(data["kind"]), "reason": _or_none(data["reason"])}


def enquiry_version(person: Any, *, enquiry_id: int) -> dict[str, object]:
    """The version of the enquiry the user is shown, for the form's hidden field."""
    enquiry = person.enquiries.filter(pk=enquiry_id).first()
    return {"expected_version": enquiry.version} if enquiry else {}


class EnquiryResponseForm(GovUKForm):
    expected_version = VersionField()
    responded_on = GovUKDateField(
        label="Date of the response",
        help_text="For example, 3 4 2026",
        error_messages={"required": "Enter the date of the response"},
    )
    response = forms.ChoiceField(
        label="Their response",
        choices=EnquiryResponse.choices,
        widget=GovUKRadioSelect,
        error_messages={"required": "Select the response"},
    )
    response_notes = forms.CharField(
        label="What they shared",
        help_text="Only people who may see sensitive notes will see this",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    seen_versions = staticmethod(enquiry_version)

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {**data, "response": _or_none(data["response"])}
