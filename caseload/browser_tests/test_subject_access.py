"""A head of delivery unit prints a subject-access export: every value to check is tagged, and
the printed copy carries the content without navigation or buttons."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.testing.everything import case_with_everything, head_of_delivery_unit

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_export_page_prints_without_navigation_or_buttons(
    live_server: LiveServer, page: Page, practitioner, team
) -> None:
    case = case_with_everything(practitioner)
    head = head_of_delivery_unit(team)
    sign_in(page, live_server.url, head.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/subject-access/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Subject access export: {case.full_name}"
    )
    expect(page.get_by_text("Check before release").first).to_be_visible()
    download = page.get_by_role("link", name="Download as JSON")
    expect(download).to_be_visible()
    expect(page.get_by_role("navigation", name="Primary navigation")).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(download).to_be_hidden()
    expect(page.get_by_role("navigation", name="Primary navigation")).to_be_hidden()
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    expect(page.get_by_role("link", name="Back to the case")).to_be_hidden()
    expect(page.get_by_text("Check before release").first).to_be_visible()
    expect(page.get_by_text("Talked about his sister Jane").first).to_be_visible()
