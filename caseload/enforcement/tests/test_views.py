"""The enforcement panel on the compliance section and the pages of each step."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.enforcement.models import FailureDecision
from caseload.people.models import Sentence


def _failure(user, case, days, action):  # type: ignore[no-untyped-def]
    return record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=days),
        outcome="UAAB",
        enforcement_action=action,
    )


def test_the_compliance_section_says_what_the_rules_require_next(client, practitioner, case):
    _failure(practitioner.user, case, 60, "EA02")
    further = _failure(practitioner.user, case, 5, "EA12")
    client.force_login(practitioner.user)
    page = client.get(reverse("case_compliance", args=[case.crn])).content.decode()
    assert "Breach referral" in page and "within 10 working days of the failure" in page
    assert "the law requires a breach referral" in page
    assert reverse("record_breach_pack_sent", args=[case.crn, further.pk]) in page


def test_the_decision_page_records_a_pending_decision_and_shows_problems(
    client, practitioner, case
):
    pending = _failure(practitioner.user, case, 5, "EA12")
    client.force_login(practitioner.user)
    url = reverse("record_enforcement_decision", args=[case.crn, pending.pk])
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    date = {
        "decided_on_day": today.day,
        "decided_on_month": today.month,
        "decided_on_year": today.year,
    }
    refused = client.post(url, {"enforcement_action": "IMB", **date})
    assert refused.status_code == 400 and b"govuk-error-summary" in refused.content
    assert b"Give the reason for an immediate breach" in refused.content
    done = client.post(url, {"enforcement_action": "EA02", **date})
    assert done.status_code == 302 and done.url == reverse("case_compliance", args=[case.crn])
    assert FailureDecision.objects.get().action == "EA02"


def test_a_page_about_another_cases_record_is_not_found(client, practitioner, case):
    client.force_login(practitioner.user)
    assert (
        client.get(reverse("record_enforcement_decision", args=[case.crn, 999])).status_code == 404
    )
    assert client.get(reverse("decide_recall", args=[case.crn, 999])).status_code == 403


def test_a_licence_case_offers_to_consider_a_recall(client, practitioner, case):
    Sentence.objects.filter(event__person=case).update(
        sentence_type="LIC", release_date=timezone.localdate() - timedelta(days=20)
    )
    client.force_login(practitioner.user)
    page = client.get(reverse("case_compliance", args=[case.crn])).content.decode()
    assert reverse("consider_recall", args=[case.crn]) in page
