"""Every GOV.UK component we build, together on one signed-in page, checked by axe-core."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("caseload.browser_tests.component_pages"),
]


@pytest.fixture
def signed_in(live_server: LiveServer, page: Page) -> Page:
    user = User.objects.create_user("sam", first_name="Sam", last_name="Okafor")
    sign_in(page, live_server.url, user)
    return page


def test_the_layout_shows_the_user_navigation_and_messages(
    live_server: LiveServer, signed_in: Page
) -> None:
    page = signed_in
    page.goto(f"{live_server.url}/components/")

    header = page.locator("header.moj-header")
    expect(header).to_contain_text("Sam Okafor")
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    nav = page.get_by_role("navigation", name="Primary navigation")
    expect(nav.get_by_role("link", name="My cases")).to_have_attribute("aria-current", "page")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your team changes on Monday"
    )
    assert_accessible(page)


def test_a_form_with_errors_is_accessible_and_links_each_error(
    live_server: LiveServer, signed_in: Page
) -> None:
    page = signed_in
    page.goto(f"{live_server.url}/components/")
    page.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_title("Error: Record a contact – caseload")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Date of contact must include a day and year")
    page.screenshot(path="/tmp/components-errors.png", full_page=True)
    assert_accessible(page)

    summary.get_by_role("link", name="Date of contact must include a day and year").click()
    expect(page.get_by_label("Day")).to_be_focused()


def test_a_valid_form_shows_a_success_banner(live_server: LiveServer, signed_in: Page) -> None:
    page = signed_in
    page.goto(f"{live_server.url}/components/")
    page.get_by_label("Summary").fill("Office visit")
    page.get_by_label("Attended").check()
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2025")
    page.get_by_label("Time of contact").fill("14:30")
    page.get_by_label("Location").select_option("office")
    page.get_by_role("button", name="Save").click()

    success = page.locator(".govuk-notification-banner--success")
    expect(success).to_contain_text("Contact recorded")
    page.screenshot(path="/tmp/components-success.png", full_page=True)
    assert_accessible(page)
