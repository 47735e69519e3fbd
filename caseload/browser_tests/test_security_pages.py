"""The pages that keep accounts safe, in a real browser under the Content-Security-Policy:
each works with no script or image refused, and passes axe-core."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import ConsoleMessage, Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.access.models import PasswordChangeRequired
from caseload.browser_tests.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def refusals(page: Page) -> list[str]:
    """Everything the Content-Security-Policy refuses on the pages the test visits."""
    refused: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", note)
    return refused


def sign_in_with_the_form(page: Page, url: str, username: str, password: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_gov_uk_frontend_runs_under_the_policy(
    live_server: LiveServer, page: Page, refusals: list[str], practitioner, case
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/")
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    page.goto(f"{live_server.url}/cases/{case.crn}/contacts/new/")
    expect(page.locator("body")).to_have_class(re.compile(r"\bjs-enabled\b"))
    assert refusals == []


def test_the_api_documentation_works_under_the_policy(
    live_server: LiveServer, page: Page, refusals: list[str], practitioner
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.get_by_text("/api/v1/cases/{crn}/contacts").click()
    expect(page.get_by_role("button", name="Try it out")).to_be_visible()
    assert refusals == []


def test_a_locked_out_user_is_told_why_and_how_long_to_wait(
    live_server: LiveServer, page: Page, refusals: list[str], practitioner
) -> None:
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in_with_the_form(page, live_server.url, "alice", f"guess {attempt}")

    expect(page).to_have_title("Error: Sign in – caseload")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("wrong username or password too many times")
    expect(summary).to_contain_text("Wait 30 minutes")
    expect(summary).to_be_focused()
    assert_accessible(page)
    assert refusals == []


def test_a_user_required_to_change_their_password_does_so_first(
    live_server: LiveServer, page: Page, refusals: list[str], practitioner
) -> None:
    PasswordChangeRequired.objects.create(user=practitioner.user)
    sign_in_with_the_form(page, live_server.url, "alice", PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    expect(page.locator("nav[aria-label='Primary navigation']")).to_have_count(0)
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your current password")
    assert_accessible(page)

    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill("a fresh password for alice")
    page.get_by_label("Confirm new password").fill("a fresh password for alice")
    page.get_by_role("button", name="Change password").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your password has been changed"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    assert refusals == []


def test_a_missing_page_is_a_gov_uk_page(
    live_server: LiveServer, page: Page, refusals: list[str]
) -> None:
    page.goto(f"{live_server.url}/no-such-page/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)
    assert refusals == []
