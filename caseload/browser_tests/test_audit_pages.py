"""A manager finds out who viewed a case, in a real browser; an administrator searches the
audit. Every page visited is checked with axe-core for WCAG 2.2 A/AA violations."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.access.audit import record_audit
from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_manager_sees_who_viewed_a_case_from_the_case_page(
    live_server: LiveServer, page: Page, manager, practitioner, outsider, case
) -> None:
    record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)
    record_audit(outsider.user, "VIEW_CASE", crn=case.crn, outcome="FAIL")
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/")
    page.get_by_role("link", name="See who viewed or changed this case").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Who viewed or changed this case")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Tried to view the case (refused)")
    expect(table).to_contain_text("Viewed the case")
    assert_accessible(page)


def test_an_administrator_searches_the_audit_by_crn(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)
    administrator = StaffFactory(team=None, grade=Grade.OTHER, role=Role.ADMIN)
    sign_in(page, live_server.url, administrator.user)
    page.goto(f"{live_server.url}/audit/")
    assert_accessible(page)
    page.get_by_label("CRN").fill(case.crn)
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("table")).to_contain_text("Viewed the case")
    expect(page.get_by_role("table")).to_contain_text(case.crn)
    assert_accessible(page)

    page.get_by_label("CRN").fill("nonsense")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a CRN")
    assert_accessible(page)
