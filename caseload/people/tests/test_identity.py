"""The identity bar: one function, a fixed number of queries, on every case page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caseload.derived.recompute import recompute_all
from caseload.people.identity import case_identity
from caseload.testing.case_records import community_order_under_way, very_high_risk_licence_case


def test_the_identity_of_a_very_high_risk_licence_case(practitioner):
    case = very_high_risk_licence_case(practitioner)
    recompute_all()
    with CaptureQueriesContext(connection) as queries:
        identity = case_identity(case)
    # The tier, the registrations with their reviews (the same read serves the case page's risk
    # panels: `risk.reading.case_registrations`), and the essentials with their overrides.
    assert len(queries) == 5
    assert identity.risk.rosh_label == "Very high"
    assert identity.risk.mappa == "Category 2, level 2"
    assert identity.risk.flags == (
        "Child protection",
        "Domestic abuse perpetrator",
        "Risk to staff",
    )
    assert identity.tier and identity.age >= 0


def test_the_bar_is_on_every_section_and_on_the_case_action_pages(client, practitioner):
    case = community_order_under_way(practitioner)
    client.force_login(practitioner.user)
    for name in ("case_detail", "case_risk", "new_contact", "new_registration", "new_assessment"):
        page = client.get(reverse(name, args=[case.crn])).content.decode()
        assert 'class="app-identity-bar"' in page, name
        assert "Not assessed" in page and case.crn in page, name


def test_each_section_names_itself_in_the_title_and_the_sub_navigation(client, practitioner):
    case = community_order_under_way(practitioner)
    client.force_login(practitioner.user)
    page = client.get(reverse("case_sentence", args=[case.crn])).content.decode()
    assert "<title>Sentence – Jordan Hughes – caseload</title>" in page
    assert f'aria-current="page" href="/cases/{case.crn}/sentence/"' in page
    assert "13 hours 30 minutes worked of 100 hours ordered" in page
