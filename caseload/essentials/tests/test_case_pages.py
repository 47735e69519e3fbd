"""A case's essentials: the Overview's "Essential work" panel, the full page with why each is
needed, and the identity bar's flag."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import LimitedAccess
from caseload.essentials.tests.cache import essential_on
from caseload.people.identity import case_identity

pytestmark = pytest.mark.django_db


def _page(client, user, name, crn):
    client.force_login(user)
    return client.get(reverse(name, kwargs={"crn": crn}))


def _panel(response) -> str:
    html = response.content.decode()
    return html[html.index("app-panel--essential_work") : html.index("app-panel--reviews_due")]


def test_the_overview_shows_each_open_essential_with_its_state_reason_and_action(
    client, practitioner, case
):
    essential_on(case, "police_da_enquiry", due_in=-2, reason="Not requested since sentence")
    essential_on(case, "home_visit", due_in=10)
    panel = _panel(_page(client, practitioner.user, "case_detail", case.crn))
    assert "govuk-tag--red" in panel and "Overdue by 2 days" in panel
    assert "Not requested since sentence" in panel
    assert "Home visit" in panel
    assert reverse("request_enquiry", kwargs={"crn": case.crn}) in panel
    assert reverse("case_essentials", kwargs={"crn": case.crn}) in panel


def test_the_overview_shows_what_was_done_this_month_but_not_before(client, practitioner, case):
    today = timezone.localdate()
    essential_on(case, "home_visit", state="done", done_on=today, reason="Visited at home")
    panel = _panel(_page(client, practitioner.user, "case_detail", case.crn))
    assert "Visited at home" in panel and "govuk-tag--green" in panel


def test_the_overview_says_when_a_timescale_is_uncertain(client, practitioner, case):
    essential_on(case, "police_da_enquiry", due_in=3)
    essential_on(case, "rosh_assessment", due_in=4)
    panel = _panel(_page(client, practitioner.user, "case_detail", case.crn))
    assert "Uncertain: the source is not the current framework" in panel
    assert "Inferred: our reading of the source" in panel and "5 working days is ours" in panel


def test_the_essentials_page_lists_every_essential_with_why(client, practitioner, case):
    essential_on(case, "police_da_enquiry", due_in=-1)
    essential_on(case, "home_visit", state="done", done_on=timezone.localdate())
    essential_on(case, "mappa_level", state="not_required", reason="Not eligible for MAPPA")
    response = _page(client, practitioner.user, "case_essentials", case.crn)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<title>Essential work – {case.full_name} – caseload</title>" in html
    for heading in ("Overdue and due", "Done", "Not required"):
        assert heading in html
    assert "Not eligible for MAPPA" in html
    assert "Working days leave out weekends and England and Wales bank holidays" in html
    assert "Inferred" in html
    assert (
        reverse("snooze_essential", kwargs={"crn": case.crn, "kind": "police_da_enquiry"}) in html
    )


def test_the_essentials_page_offers_no_override_to_those_who_may_not_change_the_case(
    client, analyst, case
):
    essential_on(case, "police_da_enquiry", due_in=-1)
    html = _page(client, analyst.user, "case_essentials", case.crn).content.decode()
    assert "Police domestic abuse enquiry" in html
    assert "/snooze/" not in html and "/not-applicable/" not in html


def test_the_essentials_page_is_not_found_for_someone_kept_out(client, practitioner, case):
    LimitedAccess.objects.create(
        person=case,
        kind="exclusion",
        user=practitioner.user,
        start_date=timezone.localdate(),
        reason="Conflict of interest",
    )
    assert _page(client, practitioner.user, "case_essentials", case.crn).status_code == 404


def test_the_identity_bar_flags_overdue_essentials_with_a_link(client, practitioner, case):
    essential_on(case, "police_da_enquiry", due_in=-1)
    essential_on(case, "home_visit", due_in=-5)
    essential_on(case, "mappa_level", due_in=3)
    html = _page(client, practitioner.user, "case_detail", case.crn).content.decode()
    bar = html[html.index("app-identity-bar") : html.index("moj-sub-navigation")]
    assert "2 overdue essentials" in bar and "govuk-tag--red" in bar
    assert reverse("case_essentials", kwargs={"crn": case.crn}) in bar


def test_the_identity_bar_has_no_flag_when_nothing_is_overdue(client, practitioner, case):
    essential_on(case, "mappa_level", due_in=3)
    assert case_identity(case).overdue_essentials == 0
    html = _page(client, practitioner.user, "case_detail", case.crn).content.decode()
    assert "overdue essential" not in html


def test_the_identity_bar_reads_the_essentials_in_few_queries(practitioner, case):
    for kind in ("police_da_enquiry", "home_visit", "mappa_level", "safeguarding_enquiry"):
        essential_on(case, kind, due_in=-1)
    with CaptureQueriesContext(connection) as queries:
        identity = case_identity(case)
    assert identity.overdue_essentials == 4
    assert len(queries) <= 4
