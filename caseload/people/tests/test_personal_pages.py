"""The Personal details section and its pages: each fact shown once, changed through a form
with the GOV.UK error summary, sensitive panels withheld from viewers who may not see them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.people.models import Address, PersonalContact
from caseload.people.personal_actions import add_personal_contact, record_address, record_disability
from caseload.people.tests.test_api import bearer


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_adding_a_main_address_shows_it_with_the_accommodation_status(client, practitioner, case):
    client.force_login(practitioner.user)
    url = reverse("new_address", args=[case.crn])
    form = client.get(url).content.decode()
    assert 'name="main_seen"' in form
    response = client.post(
        url,
        {
            "kind": "MAIN",
            "line_1": "1 Example Street",
            "town": "Sheffield",
            "postcode": "s1 2ab",
            "main_seen": "",
            **date_fields("start_date", timezone.localdate() - timedelta(days=3)),
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("case_personal", args=[case.crn])
    assert "Address added" in page and "S1 2AB" in page and "Accommodation" in page


def test_a_bad_postcode_gets_the_error_summary_naming_the_field(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("new_address", args=[case.crn]),
        {
            "kind": "SECONDARY",
            "line_1": "1 Example Street",
            "town": "Sheffield",
            "postcode": "nowhere",
            **date_fields("start_date", timezone.localdate()),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_postcode"' in page and "Enter a real postcode" in page
    assert "<title>Error: Add an address" in page
    assert not Address.objects.exists()


def test_the_end_page_names_the_address_and_refuses_another_cases(client, practitioner, case):
    from caseload.testing.factories import case_held_by

    mine = record_address(
        case.crn,
        acting_user=practitioner.user,
        kind="MAIN",
        line_1="1 Example Street",
        town="Sheffield",
        postcode="S1 2AB",
        start_date=timezone.localdate() - timedelta(days=30),
    )
    other = case_held_by(practitioner)
    client.force_login(practitioner.user)
    page = client.get(reverse("end_address", args=[case.crn, mine.pk])).content.decode()
    assert "Main address: 1 Example Street, Sheffield, S1 2AB" in page
    assert client.get(reverse("end_address", args=[other.crn, mine.pk])).status_code == 404


def test_phone_and_email_start_from_what_is_recorded(client, practitioner, case):
    client.force_login(practitioner.user)
    url = reverse("change_phone_and_email", args=[case.crn])
    client.post(url, {"mobile": "07700 900123", "seen": ""})
    form = client.get(url).content.decode()
    assert 'value="07700900123"' in form
    page = client.get(reverse("case_personal", args=[case.crn])).content.decode()
    assert "07700 900 123" in page and 'href="tel:07700900123"' in page


def test_personal_contacts_and_disabilities_are_withheld_from_the_analyst(
    client, practitioner, analyst, case
):
    add_personal_contact(
        case.crn, acting_user=practitioner.user, kind="GP", name="Dr Amir Shah", relationship="GP"
    )
    record_disability(
        case.crn,
        acting_user=practitioner.user,
        kind="VISUAL",
        start_date=timezone.localdate(),
        adjustments=["LARGE_PRINT"],
    )
    client.force_login(practitioner.user)
    mine = client.get(reverse("case_personal", args=[case.crn])).content.decode()
    assert "Dr Amir Shah" in mine and "Letters in large print" in mine
    client.force_login(analyst.user)
    theirs = client.get(reverse("case_personal", args=[case.crn])).content.decode()
    assert "Dr Amir Shah" not in theirs and "Letters in large print" not in theirs
    assert "Withheld: your role does not include seeing this." in theirs


def test_removing_a_personal_contact_takes_the_version_seen(client, practitioner, case):
    contact = add_personal_contact(
        case.crn, acting_user=practitioner.user, kind="GP", name="Dr Shah", relationship="GP"
    )
    client.force_login(practitioner.user)
    url = reverse("end_personal_contact", args=[case.crn, contact.pk])
    assert "Remove contact" in client.get(url).content.decode()
    assert client.post(url, {"expected_version": "9"}).status_code == 409
    assert client.post(url, {"expected_version": "1"}).status_code == 302
    assert not PersonalContact.objects.current().exists()


def test_the_api_reads_and_writes_personal_details(client, practitioner, case):
    auth = bearer(practitioner.user)
    base = f"/api/v1/cases/{case.crn}"
    today = timezone.localdate().isoformat()
    added = client.post(
        f"{base}/addresses",
        {"kind": "MAIN", "line_1": "1 Street", "town": "Leeds", "postcode": "ls11aa",
         "start_date": today, "replacing": None},
        content_type="application/json",
        **auth,
    )  # fmt: skip
    assert added.status_code == 201
    address = added.json()["addresses"][0]
    assert address["postcode"] == "LS1 1AA" and address["version"] == 1
    bad = client.post(
        f"{base}/phone-and-email",
        {"mobile": "12", "email": "nope", "replacing": None},
        content_type="application/json",
        **auth,
    )
    assert bad.status_code == 422
    assert [d["loc"][-1] for d in bad.json()["detail"]] == ["mobile", "email"]
    stale = client.post(
        f"{base}/addresses/{address['id']}/end",
        {"version": 5, "end_date": today},
        content_type="application/json",
        **auth,
    )
    assert stale.status_code == 409
    read = client.get(f"{base}/personal-details", **auth).json()
    assert read["language"] == {"preferred_language": "English", "interpreter_required": False}
