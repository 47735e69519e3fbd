"""The compliance section of a case: per current sentence and over the last 12 months."""

from caseload.testing.case_records import very_high_risk_licence_case
from caseload.testing.pages import whole_case_record


def test_the_compliance_section_shows_failures_warnings_and_the_recall_under_way(
    client, practitioner
):
    case = very_high_risk_licence_case(practitioner)
    client.force_login(practitioner.user)
    page = client.get(f"/cases/{case.crn}/compliance/").content.decode()
    assert 'data-figure="failures">2<' in page
    assert 'data-figure="acceptable">1<' in page
    assert "First warning letter sent" in page
    assert "Breach or recall under way: recall requested on" in page


def test_every_section_of_the_record_opens_for_a_rich_case(client, practitioner):
    case = very_high_risk_licence_case(practitioner)
    client.force_login(practitioner.user)
    assert "Category 2, level 2" in whole_case_record(client, case.crn)
