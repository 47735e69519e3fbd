"""The personal-details pages: each parses one form and calls one action (`case_action_page`),
then goes back to the Personal details section."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.core.dates import in_force
from caseload.people import personal_actions as actions
from caseload.people import personal_forms as forms
from caseload.people.models import Person

TEMPLATE = "people/personal/form.html"


def _page(request: HttpRequest, crn: str, **options: Any) -> HttpResponse:
    return case_action_page(request, crn, template=TEMPLATE, done="case_personal", **options)


def _naming(
    related: str, record_id: int, describe: Callable[[Any], str], **extra: str
) -> Callable[[Person], dict[str, Any]]:
    """The page names the record it changes; one that is not the case's, or has ended, is 404."""

    def context(person: Person) -> dict[str, Any]:
        row = getattr(person, related).filter(pk=record_id).first()
        if row is None or not in_force(row.start_date, row.end_date, timezone.localdate()):
            raise Http404("No such current record on this case")
        return {"record_summary": describe(row), **extra}

    return context


@case_page(write=True)
def new_address(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.AddressForm,
        action=actions.record_address,
        title="Add an address",
        success="Address added",
    )


@case_page(write=True)
def end_address(request: HttpRequest, crn: str, address_id: int) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.EndAddressForm,
        action=actions.end_address,
        title="End an address",
        success="Address ended",
        fixed_arguments={"address_id": address_id},
        context=_naming("addresses", address_id, actions.describe_address),
    )


@case_page(write=True)
def change_phone_and_email(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.PhoneAndEmailForm,
        action=actions.change_phone_and_email,
        title="Change phone and email",
        success="Phone and email saved",
        initial=forms.PhoneAndEmailForm.current,
    )


@case_page(write=True)
def new_personal_contact(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.PersonalContactForm,
        action=actions.add_personal_contact,
        title="Add a personal contact",
        success="Personal contact added",
    )


@case_page(write=True)
def end_personal_contact(request: HttpRequest, crn: str, contact_id: int) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.EndPersonalContactForm,
        action=actions.end_personal_contact,
        title="Remove a personal contact",
        success="Personal contact removed",
        fixed_arguments={"contact_id": contact_id},
        context=_naming(
            "personal_contacts",
            contact_id,
            actions.describe_personal_contact,
            lead="They will no longer be listed as a contact from today. "
            "What was recorded about them is kept in the history.",
            button="Remove contact",
            warning="yes",
        ),
    )


@case_page(write=True)
def new_disability(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.DisabilityForm,
        action=actions.record_disability,
        title="Add a disability and adjustments",
        success="Disability and adjustments added",
    )


@case_page(write=True)
def end_disability(request: HttpRequest, crn: str, disability_id: int) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.EndDisabilityForm,
        action=actions.end_disability,
        title="End a disability",
        success="Disability ended",
        fixed_arguments={"disability_id": disability_id},
        context=_naming("disabilities", disability_id, actions.describe_disability),
    )


@case_page(write=True)
def change_language_needs(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=forms.LanguageForm,
        action=actions.change_language_needs,
        title="Change language and interpreter needs",
        success="Language and interpreter needs saved",
        initial=forms.LanguageForm.current,
    )
