"""The workload model's reference data in a real browser: an administrator reads each points
table and the workload agreement and adds a new version; a practitioner reads the agreement.
Every page is checked with axe-core (WCAG 2.2 A/AA) and for sideways scrolling, at 1280px and
320px."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    WIDTHS,
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory
from caseload.workload.seed import seed_reference_data
from caseload.workload.tables import WEIGHTING_TABLES

pytestmark = pytest.mark.django_db(transaction=True)

#: Set CASELOAD_SCREENSHOTS=DIR to keep a screenshot of each page at each width.
SHOTS = os.environ.get("CASELOAD_SCREENSHOTS")

PAGES = [
    "/reference-data/",
    "/reference-data/workload/agreement/",
    "/reference-data/workload/agreement/new/",
    *(f"/reference-data/workload/{spec.slug}/" for spec in WEIGHTING_TABLES),
    *(f"/reference-data/workload/{spec.slug}/new/" for spec in WEIGHTING_TABLES),
]


@pytest.fixture
def administrator(db):  # type: ignore[no-untyped-def]
    seed_reference_data(apps)  # a transactional test's database starts flushed
    return StaffFactory(team=None, grade=Grade.OTHER, role=Role.ADMIN, user__first_name="Ada")


def check(page: Page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_horizontal_scroll(page)
        if SHOTS:
            shot = Path(SHOTS) / f"{name}-{width}.png"
            page.screenshot(path=str(shot), full_page=False)
    assert_accessible(page)


def test_every_reference_data_page_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, administrator
) -> None:
    sign_in(page, live_server.url, administrator.user)
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check(page, path.strip("/").replace("/", "_") or "index")


def test_an_administrator_adds_a_version_of_the_agreement_after_correcting_the_date(
    live_server: LiveServer, page: Page, administrator
) -> None:
    sign_in(page, live_server.url, administrator.user)
    page.goto(f"{live_server.url}/reference-data/")
    page.get_by_role("link", name="Workload agreement").click()
    page.get_by_role("link", name="Add a new version").click()

    yesterday = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Day").fill(str(yesterday.day))
    page.get_by_label("Month").fill(str(yesterday.month))
    page.get_by_label("Year").fill(str(yesterday.year))
    page.get_by_label("What changed and why").fill("Office visits take 50 minutes")
    page.get_by_label("Minutes for Office visit", exact=True).fill("50")
    page.get_by_role("button", name="Add the new version").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The date it takes effect must be today or in the future")
    check(page, "agreement_new-error")

    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Add the new version").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Workload agreement")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("New version")
    expect(page.locator("main")).to_contain_text("Office visits take 50 minutes")
    page.get_by_text("What this version changed").click()
    expect(page.locator("main")).to_contain_text("Minutes for Office visit: 45 to 50")
    check(page, "agreement-after")


def test_a_practitioner_reads_the_agreement_but_is_not_offered_a_new_version(
    live_server: LiveServer, page: Page, administrator, practitioner
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/reference-data/workload/agreement/")
    expect(page.get_by_role("table", name="Appointments and other contacts")).to_contain_text(
        "Home visit"
    )
    expect(page.get_by_role("link", name="Add a new version")).to_have_count(0)
    check(page, "agreement-practitioner")
