"""Recording an ARMS or SARA in a real browser, at 1280 px and 320 px, with axe-core.

Screenshots go to `CASELOAD_SCREENSHOTS` when it is set."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    WIDTHS,
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.testing.case_records import community_order_under_way

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def _screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_an_arms_or_sara_is_recorded_from_the_risk_section_and_shown_there(
    live_server: LiveServer, page: Page, practitioner, width: int
) -> None:
    case = community_order_under_way(practitioner)
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + reverse("case_risk", args=[case.crn]))
    expect(page.get_by_role("heading", name="ARMS and SARA")).to_be_visible()
    page.get_by_role("link", name="Record an ARMS or SARA").click()
    expect(page).to_have_title(f"Record an ARMS or SARA – {case.full_name} – caseload")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    _screenshot(page, f"arms-sara-form-{width}")

    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select ARMS or SARA")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    _screenshot(page, f"arms-sara-form-errors-{width}")

    today = timezone.localdate()
    page.get_by_label("SARA (Spousal Assault Risk Assessment)").check()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text(f"Last completed on {today:%-d %B %Y}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    _screenshot(page, f"arms-sara-risk-section-{width}")
