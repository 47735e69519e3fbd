"""Two people end the same registration in two browsers: the second sees the conflict page
(checked with axe-core), with their own answers kept, and starts again from the current record."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.risk.actions import register_flag
from caseload.risk.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)


def _end(page: Page, notes: str) -> None:
    today = timezone.localdate()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_role("textbox", name="Reason").fill(notes)
    page.get_by_role("button", name="Save").click()


def test_the_second_of_two_people_ending_a_registration_sees_both_versions(
    live_server: LiveServer, page: Page, browser: Browser, practitioner, manager, case
) -> None:
    registration = register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="ADVP",
        registered_on=timezone.localdate() - timedelta(days=40),
    )
    url = f"{live_server.url}/cases/{case.crn}/registrations/{registration.pk}/end/"
    other = browser.new_context().new_page()
    sign_in(page, live_server.url, practitioner.user)
    sign_in(other, live_server.url, manager.user)
    page.goto(url)
    other.goto(url)

    _end(page, "Risk reduced.")
    expect(page.get_by_role("heading", level=1)).to_have_text(case.full_name)
    _end(other, "Moved out of the area.")

    expect(other.get_by_role("heading", level=1)).to_have_text(
        "The registration has changed since you opened this page"
    )
    expect(other.get_by_text("Moved out of the area.")).to_be_visible()
    assert_accessible(other)
    other.get_by_role("link", name="Back to the case").click()
    expect(other.get_by_role("heading", level=1)).to_have_text(case.full_name)
    registration.refresh_from_db()
    assert registration.end_reason == "Risk reduced."
    assert Registration.objects.get().version == 2
