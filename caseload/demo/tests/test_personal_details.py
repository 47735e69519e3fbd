"""The demo's personal details: deterministic, realistic, and within the rules the pages apply."""

from datetime import date

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from caseload.demo.personal_details import personal_details
from caseload.people.domain import (
    AddressInput,
    DisabilityInput,
    PersonalContactInput,
    PhoneAndEmail,
    validate_address,
    validate_disability,
    validate_personal_contact,
    validate_phone_and_email,
)
from caseload.people.models import Address, Adjustment, PersonalContact
from caseload.people.models import PhoneAndEmail as Stored

TODAY = date(2026, 12, 1)
SINCE = date(2026, 6, 1)


def details(crn: str, accommodation: str = "SETTLED", disabled: str = "YES"):  # type: ignore[no-untyped-def]
    return personal_details(
        crn,
        first_name="Daniel",
        last_name="Walker",
        accommodation=accommodation,
        since=SINCE,
        disabled=disabled,
    )


def test_the_same_crn_gives_the_same_details():
    assert details("A000001") == details("A000001")


@given(
    st.from_regex(r"\A[A-Z][0-9]{6}\Z"),
    st.sampled_from(["SETTLED", "TEMPORARY", "NFA", "APPROVED_PREMISES", "CUSTODY"]),
    st.sampled_from(["YES", "NO", "NOT_RECORDED"]),
)
def test_every_generated_fact_passes_the_rules_the_pages_apply(crn, accommodation, disabled):
    found = details(crn, accommodation, disabled)
    for a in found.addresses:
        entered = AddressInput(
            str(a["kind"]), str(a["line_1"]), str(a["line_2"]), str(a["town"]),
            str(a["postcode"]), a["start_date"], a.get("end_date"),  # type: ignore[arg-type]
        )  # fmt: skip
        assert validate_address(entered, today=TODAY) == []
    assert validate_phone_and_email(PhoneAndEmail(**found.phone_and_email)) == []
    phone = found.phone_and_email["mobile"]
    assert not phone or 900000 <= int(phone[5:]) <= 900999
    for c in found.personal_contacts:
        fields = {k: str(v) for k, v in c.items() if k != "start_date"}
        assert validate_personal_contact(PersonalContactInput(**fields)) == []
    for d in found.disabilities:
        entered = DisabilityInput(str(d["kind"]), SINCE, d["adjustments"], str(d["notes"]))  # type: ignore[arg-type]
        assert validate_disability(entered, today=TODAY) == []
    assert (accommodation == "NFA") == (not found.addresses)


@pytest.mark.django_db
def test_the_seed_writes_them_for_every_person():
    call_command("seed", people=30, seed=5, verbosity=0, no_recompute=True)
    assert Stored.objects.count() == 30
    assert PersonalContact.objects.filter(kind="NEXT_OF_KIN").count() == 30
    assert Address.objects.filter(end_date__isnull=True).exists()
    assert Adjustment.objects.exists()
