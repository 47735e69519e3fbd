"""Enforcement in a real browser, at desktop and phone widths: the compliance section's panel
(a breach referral due; a fixed-term recall with its dates) and each step's page, with axe-core
finding no WCAG 2.2 A/AA violation and nothing scrolling sideways at 320 px."""

from datetime import timedelta

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
from caseload.contacts.actions import record_contact
from caseload.enforcement.actions import (
    consider_recall,
    countersign_recall,
    decide_recall,
    record_breach_pack_sent,
)
from caseload.organisation.constants import Grade, Role
from caseload.people.models import Sentence
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = "/tmp/enf-shots"


def check(page: Page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        if width == 320:
            assert_no_horizontal_scroll(page)
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def _failure(user, case, days, action):  # type: ignore[no-untyped-def]
    return record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=days),
        outcome="UAAB",
        enforcement_action=action,
        notes="Did not attend.",
    )


def test_a_breach_referral_due_and_its_pages(page: Page, live_server: LiveServer, practitioner):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner, first_name="Dylan", last_name="Okafor")
    _failure(practitioner.user, case, 60, "EA02")
    further = _failure(practitioner.user, case, 3, "EA12")
    sign_in(page, live_server.url, practitioner.user)
    page.goto(live_server.url + reverse("case_compliance", args=[case.crn]))
    expect(page.get_by_text("Breach referral", exact=True)).to_be_visible()
    check(page, "compliance-breach-due")
    for name in ("record_enforcement_decision", "record_breach_pack_sent"):
        page.goto(live_server.url + reverse(name, args=[case.crn, further.pk]))
        check(page, name)
    page.locator("[name=sent_on_day]").fill("31")
    page.locator("[name=sent_on_month]").fill("2")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(page, "record_breach_pack_sent-error")
    breach = record_breach_pack_sent(
        case.crn, acting_user=practitioner.user, contact_id=further.pk, sent_on=timezone.localdate()
    )
    page.goto(live_server.url + reverse("record_breach_outcome", args=[case.crn, breach.pk]))
    check(page, "record_breach_outcome")


def test_a_fixed_term_recall_shows_its_dates(
    page: Page, live_server: LiveServer, practitioner, manager, team
):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner, first_name="Casey", last_name="Whitfield")
    Sentence.objects.filter(event__person=case).update(
        sentence_type="LIC",
        release_date=timezone.localdate() - timedelta(days=40),
        length=10,
    )
    recall = consider_recall(
        case.crn,
        acting_user=practitioner.user,
        considered_on=timezone.localdate(),
        why="CONTACT_STOPPED",
        recommended_type="FIXED_TERM",
        emergency=True,
    )
    sign_in(page, live_server.url, manager.user)
    page.goto(live_server.url + reverse("decide_recall", args=[case.crn, recall.pk]))
    check(page, "decide_recall")
    decide_recall(case.crn, acting_user=manager.user, recall_id=recall.pk, decision="RECALL")
    other = StaffFactory(team=team, grade=Grade.SPO, role=Role.MANAGER, user__username="sam")
    sign_in(page, live_server.url, other.user)
    page.goto(live_server.url + reverse("countersign_recall", args=[case.crn, recall.pk]))
    check(page, "countersign_recall")
    countersign_recall(case.crn, acting_user=other.user, recall_id=recall.pk)
    sign_in(page, live_server.url, practitioner.user)
    page.goto(live_server.url + reverse("case_compliance", args=[case.crn]))
    expect(page.locator("[data-recall=rerelease]")).to_be_visible()
    check(page, "compliance-recall")
    page.goto(live_server.url + reverse("record_part_a_sent", args=[case.crn, recall.pk]))
    check(page, "record_part_a_sent")


def test_consider_a_recall_page(page: Page, live_server: LiveServer, practitioner):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner, first_name="Casey", last_name="Whitfield")
    Sentence.objects.filter(event__person=case).update(
        sentence_type="LIC", release_date=timezone.localdate() - timedelta(days=40)
    )
    sign_in(page, live_server.url, practitioner.user)
    page.goto(live_server.url + reverse("consider_recall", args=[case.crn]))
    check(page, "consider_recall")
