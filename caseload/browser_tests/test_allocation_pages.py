"""Allocation in a real browser: the team's cases to allocate, choosing a practitioner for one
case, recording an absence and reallocating one practitioner's cases, each checked with axe-core
(WCAG 2.2 A/AA) and for sideways scrolling at 1280px and 320px."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.allocation.models import Absence
from caseload.browser_tests.conftest import (
    WIDTHS,
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.organisation.constants import Grade
from caseload.testing.factories import (
    AllocationFactory,
    PersonFactory,
    RequirementFactory,
    StaffFactory,
    case_held_by,
)
from caseload.tiering.models import CaseTier
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


@pytest.fixture
def allocations(practitioner, manager):  # type: ignore[no-untyped-def]
    """A new tier B case held by the manager; Alice (off sick) holds two cases; Bella (PO) and
    Pat (PSO) have room."""
    seed_reference_data(apps)  # a transactional test's database starts flushed
    team = practitioner.team
    StaffFactory(
        team=team, user__username="bella", user__first_name="Bella", user__last_name="Brown"
    )
    StaffFactory(
        team=team, grade=Grade.PSO, user__username="pat", user__first_name="Pat",
        user__last_name="Singh",
    )  # fmt: skip
    now = timezone.now()
    new = PersonFactory(first_name="Nia", last_name="Newton")
    RequirementFactory(sentence__event__person=new)
    AllocationFactory(person=new, staff=manager, start_date=timezone.localdate() - timedelta(2))
    CaseTier.objects.create(person=new, v2_tier="B2", calculated_at=now)
    for first, tier in (("Hal", "C1"), ("Ivy", "D2")):
        held = case_held_by(practitioner, first_name=first, last_name="Holder")
        CaseTier.objects.create(person=held, v2_tier=tier, calculated_at=now)
    Absence.objects.create(
        staff=practitioner, kind="SICKNESS", start_date=timezone.localdate(),
        recorded_by=manager.user,
    )  # fmt: skip
    return new


def test_the_cases_to_allocate_and_choosing_a_practitioner(
    live_server: LiveServer, page: Page, manager, allocations
) -> None:
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/team/workload/")
    page.get_by_role("link", name="Cases to allocate").first.click()
    expect(page.get_by_role("heading", name="Cases to allocate", level=1)).to_be_visible()
    expect(page.get_by_text("Off sick from").first).to_be_visible()
    check(page, "allocation-team")

    page.get_by_role("link", name="Choose a practitioner for Nia Newton").click()
    expect(page.get_by_role("heading", name="Choose a practitioner", level=1)).to_be_visible()
    expect(
        page.get_by_text("No: A Probation Services Officer is not given a tier A or B case")
    ).to_be_visible()
    page.get_by_role("button", name="Allocate the case").click()
    expect(page.get_by_role("alert")).to_contain_text("Select a practitioner")
    expect(page.get_by_role("alert")).to_contain_text("Enter a note about the allocation")
    check(page, "allocation-choose-error")
    page.get_by_label("Bella Brown (Probation Officer)").check()
    page.get_by_label("Note for the case record").fill("Bella has room and covers the area")
    page.get_by_role("button", name="Allocate the case").click()
    expect(page.get_by_text("Case allocated")).to_be_visible()


def test_recording_an_absence_and_reallocating_cases(
    live_server: LiveServer, page: Page, manager, allocations
) -> None:
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/team/allocations/absences/new/")
    page.get_by_role("button", name="Record it").click()
    expect(page.get_by_role("alert")).to_contain_text("Select the practitioner")
    check(page, "allocation-absence-error")

    page.goto(f"{live_server.url}/team/allocations/")
    page.get_by_role("link", name="Reallocate Alice").first.click()
    expect(page.get_by_role("heading", name="Reallocate", level=1)).to_be_visible()
    expect(page.get_by_text("The proposal takes nobody over 100%.")).to_be_visible()
    check(page, "allocation-reallocate")
    page.get_by_label("Note for the case record").fill("Alice is off sick for a month")
    page.get_by_role("button", name="Reallocate these cases").click()
    expect(page.get_by_text("2 cases reallocated")).to_be_visible()
