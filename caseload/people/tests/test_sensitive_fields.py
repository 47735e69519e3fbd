"""An analyst reads case records with the sensitive fields withheld: contact and other notes,
and equality data. The practitioner holding the case sees them."""

from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.people.actions import record_circumstance_change
from caseload.people.tests.test_api import bearer
from caseload.testing.pages import whole_case_record

NOTE = "Disclosed that his former partner now lives near the school."


def _case_with_notes(case, practitioner):  # type: ignore[no-untyped-def]
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now(),
        outcome="ATTC",
        notes=NOTE,
    )
    record_circumstance_change(
        case.crn,
        acting_user=practitioner.user,
        kind="ACCOMMODATION",
        status="TEMPORARY",
        start_date=timezone.localdate(),
        notes="Staying with his sister Amira.",
        replacing=None,
    )


def test_the_analyst_sees_the_case_page_without_notes_or_equality_data(
    client, case, practitioner, analyst
):
    _case_with_notes(case, practitioner)
    client.force_login(analyst.user)
    page = whole_case_record(client, case.crn)
    assert case.full_name in page
    assert NOTE not in page and "Amira" not in page
    assert "Ethnicity" not in page
    assert "Withheld: your role does not include seeing this." in page


def test_the_practitioner_sees_the_notes_and_equality_data(client, case, practitioner):
    _case_with_notes(case, practitioner)
    client.force_login(practitioner.user)
    page = whole_case_record(client, case.crn)
    assert NOTE in page and "Amira" in page and "Ethnicity" in page


def test_the_api_withholds_the_same_fields_from_the_analyst(client, case, practitioner, analyst):
    _case_with_notes(case, practitioner)
    record = client.get(f"/api/v1/cases/{case.crn}", **bearer(analyst.user)).json()
    assert record["withheld"] == ["disabilities", "equality", "personal_contacts", "notes"]
    assert record["equality"] is None
    assert record["personal_details"]["personal_contacts"] is None
    assert record["personal_details"]["disabilities"] is None
    assert [c["notes"] for c in record["contacts"]] == [None]
    mine = client.get(f"/api/v1/cases/{case.crn}", **bearer(practitioner.user)).json()
    assert mine["withheld"] == []
    assert [c["notes"] for c in mine["contacts"]] == [NOTE]
