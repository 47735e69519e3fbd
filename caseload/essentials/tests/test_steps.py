"""The record-once test: one fact recorded through its action changes every essential that
depends on it in the same transaction, with no other write, and a full recompute agrees."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.essentials.models import EssentialDue
from caseload.people.actions import record_circumstance_change
from caseload.plans.actions import record_management_oversight, record_sentence_plan
from caseload.risk.actions import register_flag
from caseload.safeguarding.actions import request_enquiry
from caseload.testing.moments import days_ago as days_ago_at

pytestmark = pytest.mark.django_db


def _cached(person):
    return {
        (e.kind, e.subject): (e.state, e.due_on, e.reason, e.done_on)
        for e in EssentialDue.objects.filter(person=person)
    }


def _recompute_agrees(person):
    before = _cached(person)
    EssentialDue.objects.filter(person=person).delete()
    recompute_all(restart=True)
    assert _cached(person) == before


def _contact(case, user, contact_type, outcome, *, days_ago=0, decision=None):
    return record_contact(
        case.crn,
        acting_user=user,
        contact_type=contact_type,
        happened_at=days_ago_at(days_ago),
        outcome=outcome,
        enforcement_action=decision,
    )


def test_a_case_s_essentials_are_cached_as_soon_as_anything_is_recorded(case, practitioner):
    _contact(case, practitioner.user, "COAP", "ATTC", days_ago=100)
    kinds = {kind for kind, _ in _cached(case)}
    assert {"first_appointment", "police_da_enquiry", "home_visit", "rosh_assessment"} <= kinds
    _recompute_agrees(case)


def _overseen(case, manager, days_ago):
    record_management_oversight(
        case.crn,
        acting_user=manager.user,
        recorded_on=timezone.localdate() - timedelta(days=days_ago),
        notes="Reviewed the risk management plan; agreed the next steps",
    )


def test_unacceptable_absences_bring_a_warning_then_a_breach_referral(case, practitioner, manager):
    user = practitioner.user
    _overseen(case, manager, 30)
    _contact(case, user, "COAP", "UAAB", days_ago=20, decision="EA02")
    warning = [v for (kind, _), v in _cached(case).items() if kind == "warning_letter"]
    assert [state for state, *_ in warning] == ["done"]
    _contact(case, user, "COAP", "UAAB", days_ago=1, decision="IBR")
    cached = _cached(case)
    referral = [v for (kind, _), v in cached.items() if kind == "breach_referral"]
    assert len(referral) == 1 and referral[0][0] == "due"
    assert "breach referral" in referral[0][2]
    oversight = cached[("management_oversight", "")]
    assert oversight[2].startswith("Enforcement on")
    _recompute_agrees(case)


def test_a_change_to_unsettled_accommodation_needs_a_home_visit_again(case, practitioner):
    today = timezone.localdate()
    _contact(case, practitioner.user, "CHVS", "ATTC", days_ago=50)
    assert _cached(case)[("home_visit", "")][0] == "done"
    record_circumstance_change(
        case.crn,
        acting_user=practitioner.user,
        kind="ACCOMMODATION",
        status="NFA",
        start_date=today,
        replacing=None,
    )
    again = _cached(case)[("home_visit", f"change {today.isoformat()}")]
    assert again[0] == "due" and "no fixed abode" in again[2]
    _recompute_agrees(case)


def test_a_new_mappa_registration_sets_the_level_and_brings_oversight_forward(case, manager):
    today = timezone.localdate()
    _overseen(case, manager, 10)
    registration = register_flag(
        case.crn,
        acting_user=manager.user,
        register="MAPP",
        category="M1",
        level="M2",
        registered_on=today,
    )
    cached = _cached(case)
    assert cached[("mappa_level", "")][0] == "done"
    assert cached[("registration_review", f"registration {registration.pk}")][0] == "due"
    assert cached[("management_oversight", "")][2].startswith("A new MAPPA registration")
    _recompute_agrees(case)


def test_a_home_visit_clears_the_home_visit(case, practitioner):
    assert not _cached(case)
    _contact(case, practitioner.user, "COVC", "ATTC", days_ago=60)
    assert _cached(case)[("home_visit", "")][0] == "due"
    _contact(case, practitioner.user, "CHVS", "ATTC")
    assert _cached(case)[("home_visit", "")][0] == "done"
    _recompute_agrees(case)


def test_requesting_an_enquiry_keeps_it_due_until_its_response_is_recorded(case, practitioner):
    today = timezone.localdate()
    _contact(case, practitioner.user, "COAP", "ATTC", days_ago=100)
    request_enquiry(
        case.crn,
        acting_user=practitioner.user,
        kind="POLICE_DA",
        reason="START",
        requested_on=today,
    )
    state, _, reason, _ = _cached(case)[("police_da_enquiry", "")]
    assert state == "due" and "no response recorded" in reason
    _recompute_agrees(case)


def test_a_sentence_plan_sets_the_contact_frequency(case, practitioner):
    today = timezone.localdate()
    _contact(case, practitioner.user, "COAP", "ATTC", days_ago=3)
    assert _cached(case)[("supervision_appointment", "")][1] == today + timedelta(days=4)
    record_sentence_plan(
        case.crn, acting_user=practitioner.user, completed_on=today, contact_every_days=14
    )
    assert _cached(case)[("supervision_appointment", "")][1] == today + timedelta(days=11)
    assert _cached(case)[("initial_sentence_plan", "")][0] == "done"
    _recompute_agrees(case)


def test_two_essentials_of_one_kind_and_subject_are_told_apart_in_the_cache():
    from datetime import date

    from caseload.essentials.domain.essential import Essential, State
    from caseload.essentials.steps import distinct

    one = Essential("recall_decision", "recall considered 2026-12-01", State.DUE, date.today(), "")
    assert [e.subject for e in distinct((one, one))] == [
        "recall considered 2026-12-01",
        "recall considered 2026-12-01 (2)",
    ]
