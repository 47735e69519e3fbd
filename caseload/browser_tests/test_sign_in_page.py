"""The sign-in page: the first page everyone sees, so it proves the whole front end works."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_the_sign_in_page_is_a_styled_accessible_gov_uk_page(
    live_server: LiveServer, page: Page
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")

    expect(page).to_have_title("Sign in – caseload")
    expect(page.locator("header.moj-header")).to_contain_text("caseload")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.startswith('"GDS Transport"'), font
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('19px \"GDS Transport\"')")
    header_colour = page.evaluate(
        "getComputedStyle(document.querySelector('.moj-header')).backgroundColor"
    )
    assert header_colour == "rgb(11, 12, 12)", header_colour
    page.screenshot(path="/tmp/signin.png", full_page=True)
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_failed_sign_in_shows_the_error_summary(live_server: LiveServer, page: Page) -> None:
    User.objects.create_user("pat", password="correct horse battery staple")
    page.goto(f"{live_server.url}/accounts/login/")

    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password", exact=True).fill("wrong")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_title("Error: Sign in – caseload")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()
    page.screenshot(path="/tmp/signin-error.png", full_page=True)
    assert_accessible(page)
