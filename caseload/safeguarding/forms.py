"""The forms of the enquiry pages. Fields the action validates are optional here, so that every
problem comes back at once from the pure rules, worded the same on page and API."""

from typing import Any

from django import forms

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect
from caseload.core.version_fields import VersionField
from caseload.safeguarding.constants import EnquiryKind, EnquiryReason, EnquiryResponse


def _or_none(value: str) -> str | None:
    return value or None


class RequestEnquiryForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Who is the enquiry to?",
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
        required=False,
    )
    reason = forms.ChoiceField(
        label="Why is it being made?",
        choices=EnquiryReason.choices,
        widget=GovUKRadioSelect,
        required=False,
    )
    requested_on = GovUKDateField(
        label="Date requested", required=False, help_text="For example, 27 3 2026"
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
        label="Date of the response", required=False, help_text="For example, 3 4 2026"
    )
    response = forms.ChoiceField(
        label="What did they say?",
        choices=EnquiryResponse.choices,
        widget=GovUKRadioSelect,
        required=False,
    )
    response_notes = forms.CharField(
        label="What they shared (optional)",
        help_text="Only people who may see sensitive notes will see this",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    seen_versions = staticmethod(enquiry_version)

    def action_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {**data, "response": _or_none(data["response"])}
