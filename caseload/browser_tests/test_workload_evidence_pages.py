"""The evidence pages in a real browser: actual against agreed minutes, the staff
representative's workload figures and the establishment's posts, each checked with axe-core
(WCAG 2.2 A/AA) and for sideways scrolling at 1280px and 320px."""

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
from caseload.contacts.models import Contact
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory, case_held_by
from caseload.workload.actions import record_establishment
from caseload.workload.seed import seed_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

#: Set CASELOAD_SCREENSHOTS=DIR to keep a screenshot of each page at each width.
SHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def check(page: Page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_horizontal_scroll(page)
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)
    assert_accessible(page)


def a_unit_with_evidence(team, practitioner):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner)
    at = timezone.now() - timedelta(days=2)
    for contact_type, minutes in (("COAP", [60, 75, 70, 80, 65, 90, 75, 70, 85, 75, 60, 95]),
                                  ("CHVS", [120, 150, 110])):  # fmt: skip
        for spent in minutes:
            Contact.objects.create(
                person=case, contact_type=contact_type, happened_at=at, outcome="ATTC",
                actual_minutes=spent, staff=practitioner,
            )  # fmt: skip
    for n in range(6):
        StaffFactory(team=team, user__username=f"po{n}")
    admin = StaffFactory(team=team, grade=Grade.OTHER, role=Role.ADMIN, user__username="ada")
    for grade, posts in ((Grade.PO, 9), (Grade.PSO, 2)):
        record_establishment(
            acting_user=admin.user,
            team=team,
            grade=grade,
            posts=posts,
            effective_from=timezone.localdate(),
        )
    return admin


def test_actual_against_agreed_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, team, practitioner, manager
) -> None:
    seed_reference_data(apps)
    a_unit_with_evidence(team, practitioner)
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/workload/evidence/")
    expect(
        page.get_by_role("heading", name="Actual against agreed minutes", level=1)
    ).to_be_visible()
    expect(page.get_by_text("Takes about 15 minutes longer than agreed")).to_be_visible()
    check(page, "workload-evidence")
    page.get_by_text("Choose the delivery unit and period").click()
    page.get_by_role("group", name="From").get_by_label("Day").fill("31")
    page.get_by_role("group", name="From").get_by_label("Month").fill("2")
    page.get_by_role("group", name="From").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show the figures").click()
    expect(page.get_by_role("alert")).to_contain_text("From must be a real date")
    check(page, "workload-evidence-error")


def test_the_workload_figures_are_accessible_and_reflow(
    live_server: LiveServer, page: Page, team, practitioner, rep
) -> None:
    seed_reference_data(apps)
    a_unit_with_evidence(team, practitioner)
    sign_in(page, live_server.url, rep.user)
    page.goto(f"{live_server.url}/workload/aggregate/")
    expect(page.get_by_role("heading", name="Workload figures", level=1)).to_be_visible()
    expect(page.get_by_role("table", name="Vacancies against the establishment")).to_be_visible()
    check(page, "workload-aggregate")
    page.get_by_role("link", name="Posts in each team").click()
    expect(page.get_by_role("heading", name="Posts in each team", level=1)).to_be_visible()
    check(page, "workload-establishment")


def test_the_posts_form_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, team, practitioner
) -> None:
    seed_reference_data(apps)
    admin = a_unit_with_evidence(team, practitioner)
    sign_in(page, live_server.url, admin.user)
    page.goto(f"{live_server.url}/workload/establishment/new/")
    page.get_by_role("button", name="Record the posts").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the number of posts")
    check(page, "workload-establishment-error")
    page.get_by_label("Team").select_option(team.code)
    page.get_by_label("Grade").select_option("PSO")
    page.get_by_label("Posts").fill("3")
    day = timezone.localdate() + timedelta(days=10)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_role("button", name="Record the posts").click()
    expect(page.get_by_text("Posts recorded")).to_be_visible()
