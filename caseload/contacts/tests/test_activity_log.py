"""The Activity log section: people's entries filtered, searched and paged; the system's apart."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.contacts.domain import (
    ACCEPTABLE_ABSENCE,
    COMPLIED,
    FAILED_TO_COMPLY,
    NO_OUTCOME,
    OUTCOMES,
    compliance,
    outcomes_with,
)
from caseload.testing.moments import days_ago as days_ago_at


def contact(case, user, days_ago, **fields):  # type: ignore[no-untyped-def]
    values = {"contact_type": "COAP", "outcome": "ATTC", **fields}
    return record_contact(
        case.crn,
        acting_user=user,
        happened_at=days_ago_at(days_ago),
        **values,
    )


def log(client, case, **query):  # type: ignore[no-untyped-def]
    return client.get(reverse("case_activity", args=[case.crn]), query)


@pytest.fixture
def history(case, practitioner):  # type: ignore[no-untyped-def]
    user = practitioner.user
    contact(case, user, 1, notes="Talked about the job at the bakery.")
    contact(
        case, user, 3, outcome="AFTA", enforcement_action="EA02", notes="No answer at the door."
    )
    contact(case, user, 5, outcome="AAME", notes="Sick note from the GP.")
    contact(case, user, 8, contact_type="CTOA", outcome=None, notes="Left a message.")
    contact(case, user, 9, notes="Spoke about the bakery debts.", sensitive=True)
    return case


def test_every_outcome_has_one_compliance_standing_or_none():
    for code in OUTCOMES:
        standing = compliance(code)
        assert standing is None or code in outcomes_with(standing)
    assert compliance("") == NO_OUTCOME
    assert compliance("ATTC") == COMPLIED
    assert compliance("AFTA") == FAILED_TO_COMPLY
    assert compliance("AAME") == ACCEPTABLE_ABSENCE
    assert compliance("RSSR") is None


def test_the_log_lists_every_contact_newest_first_with_who_recorded_it(
    client, practitioner, history
):
    client.force_login(practitioner.user)
    page = log(client, history).content.decode()
    assert "6 entries." in page
    assert page.index("bakery.") < page.index("No answer at the door.")
    assert page.count("by Alice") == 5  # and the allocation, loaded without a user
    assert "<title>Activity log – " in page


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"contact_type": "CTOA"}, ["Left a message."]),
        ({"outcome": "AFTA"}, ["No answer at the door."]),
        ({"compliance": "failed"}, ["No answer at the door."]),
        ({"compliance": "acceptable"}, ["Sick note from the GP."]),
        ({"compliance": "none"}, ["Left a message."]),
        ({"notes": "BAKERY"}, ["Talked about the job at the bakery."]),
    ],
)
def test_it_filters_by_type_outcome_compliance_and_words_in_the_notes(
    client, practitioner, history, query, shown
):
    client.force_login(practitioner.user)
    page = log(client, history, **query).content.decode()
    notes = ["bakery.", "No answer at the door.", "Sick note from the GP.", "Left a message."]
    assert [n for n in notes if n in page] == [
        s.split()[-1] if s.endswith("bakery.") else s for s in shown
    ]
    assert f"{len(shown)} entr{'ies' if len(shown) > 1 else 'y'} match" in page


def test_it_filters_by_dates_in_uk_time(client, practitioner, history):
    client.force_login(practitioner.user)
    start = timezone.localdate() - timedelta(days=6)
    end = timezone.localdate() - timedelta(days=2)
    query = {
        "from_date_day": start.day, "from_date_month": start.month, "from_date_year": start.year,
        "to_date_day": end.day, "to_date_month": end.month, "to_date_year": end.year,
    }  # fmt: skip
    page = log(client, history, **query).content.decode()
    assert "2 entries match" in page
    assert "No answer at the door." in page and "Sick note" in page


def test_a_sensitive_note_is_never_found_nor_counted(client, practitioner, history):
    client.force_login(practitioner.user)
    page = log(client, history, notes="debts").content.decode()
    assert "Nothing matches the filters." in page
    assert "Spoke about the bakery debts." not in log(client, history).content.decode()


def test_a_viewer_who_may_not_read_notes_cannot_search_them(client, analyst, history):
    client.force_login(analyst.user)
    page = log(client, history, notes="bakery").content.decode()
    assert 'name="notes"' not in page
    assert "6 entries." in page
    assert "Talked about the job" not in page


def test_a_bad_date_gets_the_error_summary_naming_the_field(client, practitioner, history):
    client.force_login(practitioner.user)
    response = log(client, history, from_date_day="31", from_date_month="2", from_date_year="2026")
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page and 'href="#id_from_date' in page
    assert "<title>Error: Activity log" in page


def test_a_to_date_before_the_from_date_is_refused(client, practitioner, history):
    client.force_login(practitioner.user)
    response = log(
        client, history,
        from_date_day="5", from_date_month="3", from_date_year="2026",
        to_date_day="4", to_date_month="3", to_date_year="2026",
    )  # fmt: skip
    assert response.status_code == 400
    assert "To must be the same as or after from" in response.content.decode()


def test_paging_keeps_the_filters_and_each_page_has_its_own_title(client, practitioner, case):
    for n in range(25):
        contact(case, practitioner.user, n % 20, notes=f"Visit {n}")
    client.force_login(practitioner.user)
    first = log(client, case, compliance="complied").content.decode()
    assert "compliance=complied&amp;page=2" in first
    assert "(page 1 of 2)" in first
    second = log(client, case, compliance="complied", page=2).content.decode()
    assert "<title>Activity log (page 2 of 2) – " in second
    assert "showing 21 to 25" in second


def test_system_changes_are_listed_apart_from_peoples_entries(client, practitioner, history):
    client.force_login(practitioner.user)
    system = log(client, history, show="system").content.decode()
    assert "changed from" in system and "Recalculated because" in system
    assert "No answer at the door." not in system
    assert "changed from" not in log(client, history).content.decode()
    assert "<title>System changes – " in system


def test_it_refuses_a_practitioner_from_another_unit(client, outsider, history):
    client.force_login(outsider.user)
    assert log(client, history).status_code == 404


def test_enquiries_plans_and_oversight_are_in_the_log_and_filtered_by_kind(
    client, practitioner, analyst, case
):  # type: ignore[no-untyped-def]
    from caseload.testing.factories import (
        EnquiryFactory,
        ManagementOversightFactory,
        SentencePlanFactory,
    )

    EnquiryFactory(
        person=case,
        requested_by=practitioner.user,
        responded_on=timezone.localdate(),
        response="CONCERNS",
        response_notes="Known to police for threats to a neighbour",
    )
    SentencePlanFactory(person=case, contact_every_days=7)
    ManagementOversightFactory(person=case, notes="Agreed a home visit")
    client.force_login(practitioner.user)
    page = log(client, case).content.decode()
    assert "Police domestic abuse enquiry requested (at the start of supervision)" in page
    assert "Police domestic abuse enquiry: concerns identified" in page
    assert "threats to a neighbour" in page
    assert "Sentence plan completed: weekly contact" in page and "Agreed a home visit" in page
    enquiries_only = log(client, case, contact_type="ENQUIRY").content.decode()
    assert (
        "Sentence plan completed" not in enquiries_only and "concerns identified" in enquiries_only
    )
    client.force_login(analyst.user)
    assert "threats to a neighbour" not in log(client, case).content.decode()
