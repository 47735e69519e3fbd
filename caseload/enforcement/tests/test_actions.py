"""The enforcement actions: each step through the case-write wrapper, once, with its audit."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.contacts.actions import record_contact
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid
from caseload.diary.actions import record_appointment_outcome
from caseload.enforcement.actions import (
    consider_recall,
    countersign_recall,
    decide_recall,
    record_breach_outcome,
    record_breach_pack_sent,
    record_enforcement_decision,
    record_part_a_sent,
)
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration
from caseload.enforcement.reading import case_enforcement, terms_of
from caseload.organisation.constants import Grade, Role
from caseload.people.models import Sentence
from caseload.testing.factories import AppointmentFactory, StaffFactory


def _days_ago(days: int):  # type: ignore[no-untyped-def]
    return timezone.now() - timedelta(days=days)


def _failure(user, case, days, action):  # type: ignore[no-untyped-def]
    return record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=_days_ago(days),
        outcome="UAAB",
        enforcement_action=action,
        notes="Did not attend.",
    )


def test_it_refuses_a_second_warning_within_12_months_on_every_surface(practitioner, case):
    _failure(practitioner.user, case, 60, "EA02")
    with pytest.raises(ActionInvalid) as refused:
        _failure(practitioner.user, case, 10, "EA03")
    (problem,) = refused.value.problems
    assert problem.field == "enforcement_action" and problem.rule == "breach_required"
    assert problem.message.startswith("A warning was given on ")
    assert "(Sentencing Code Sch. 10 para 7)" in problem.message
    appointment = AppointmentFactory(person=case, starts_at=_days_ago(5), with_staff=practitioner)
    with pytest.raises(ActionInvalid) as refused:
        record_appointment_outcome(
            case.crn,
            acting_user=practitioner.user,
            appointment_id=appointment.pk,
            outcome="AFTA",
            enforcement_action="EA02",
        )
    assert refused.value.problems[0].rule == "breach_required"
    assert Contact.objects.count() == 1


def test_a_pending_decision_is_recorded_once_with_its_history(practitioner, case):
    failure = _failure(practitioner.user, case, 5, "EA12")
    decision = record_enforcement_decision(
        case.crn,
        acting_user=practitioner.user,
        contact_id=failure.pk,
        enforcement_action="EA02",
        decided_on=timezone.localdate(),
    )
    failure.refresh_from_db()
    assert failure.enforcement_action == "EA02" and failure.history.count() == 2
    assert decision.previous_action == "EA12"
    assert AuditEvent.objects.filter(action="RECORD_ENFORCEMENT_DECISION").count() == 1
    with pytest.raises(ActionInvalid) as refused:
        record_enforcement_decision(
            case.crn,
            acting_user=practitioner.user,
            contact_id=failure.pk,
            enforcement_action="NFA",
            decided_on=timezone.localdate(),
        )
    assert refused.value.problems[0].rule == "already_decided"


def test_an_immediate_breach_decided_later_needs_a_reason(practitioner, case):
    failure = _failure(practitioner.user, case, 5, "EA12")
    with pytest.raises(ActionInvalid) as refused:
        record_enforcement_decision(
            case.crn,
            acting_user=practitioner.user,
            contact_id=failure.pk,
            enforcement_action="IMB",
            decided_on=timezone.localdate(),
        )
    assert {p.field for p in refused.value.problems} == {"reason"}
    assert not FailureDecision.objects.exists()


def test_a_breach_referral_is_due_after_a_warning_then_cleared_by_the_pack(practitioner, case):
    _failure(practitioner.user, case, 60, "EA02")
    further = _failure(practitioner.user, case, 10, "EA12")
    steps = case_enforcement(case, day=timezone.localdate()).steps(timezone.localdate())
    assert [(s.kind, s.done_on is None) for s in steps] == [
        ("warning_letter", False),
        ("breach_referral", True),
    ]
    breach = record_breach_pack_sent(
        case.crn, acting_user=practitioner.user, contact_id=further.pk, sent_on=timezone.localdate()
    )
    further.refresh_from_db()
    assert further.enforcement_action == "IBR"
    steps = case_enforcement(case, day=timezone.localdate()).steps(timezone.localdate())
    assert steps[1].done_on == timezone.localdate()
    with pytest.raises(ActionInvalid) as refused:
        record_breach_pack_sent(
            case.crn,
            acting_user=practitioner.user,
            contact_id=further.pk,
            sent_on=timezone.localdate(),
        )
    assert refused.value.problems[0].rule == "already_recorded"
    ended = record_breach_outcome(
        case.crn,
        acting_user=practitioner.user,
        breach_id=breach.pk,
        outcome="ABCF",
        outcome_on=timezone.localdate(),
    )
    assert ended.version == 2 and ended.history.count() == 2


def test_it_refuses_a_breach_pack_for_a_failure_that_needs_none(practitioner, case):
    first = _failure(practitioner.user, case, 10, "EA02")
    with pytest.raises(ActionInvalid) as refused:
        record_breach_pack_sent(
            case.crn,
            acting_user=practitioner.user,
            contact_id=first.pk,
            sent_on=timezone.localdate(),
        )
    assert refused.value.problems[0].rule == "no_referral_due"
    assert not Breach.objects.exists()


@pytest.fixture
def licence_case(case):  # type: ignore[no-untyped-def]
    Sentence.objects.filter(event__person=case).update(
        sentence_type="LIC",
        sentence_date=timezone.localdate() - timedelta(days=200),
        release_date=timezone.localdate() - timedelta(days=30),
        length=18,
    )
    return case


@pytest.fixture
def second_manager(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.SPO, role=Role.MANAGER, user__username="sam")


def test_a_recall_is_considered_decided_countersigned_and_part_a_sent(
    practitioner, manager, second_manager, licence_case
):
    crn = licence_case.crn
    recall = consider_recall(
        crn,
        acting_user=practitioner.user,
        considered_on=timezone.localdate(),
        why="CONTACT_STOPPED",
        recommended_type="FIXED_TERM",
    )
    with pytest.raises(Http404):
        decide_recall(crn, acting_user=practitioner.user, recall_id=recall.pk, decision="RECALL")
    decide_recall(crn, acting_user=manager.user, recall_id=recall.pk, decision="RECALL")
    with pytest.raises(ActionInvalid) as refused:
        record_part_a_sent(
            crn, acting_user=practitioner.user, recall_id=recall.pk, sent_at=timezone.now()
        )
    assert refused.value.problems[0].rule == "not_countersigned"
    with pytest.raises(ActionInvalid) as refused:
        countersign_recall(crn, acting_user=manager.user, recall_id=recall.pk)
    assert refused.value.problems[0].rule == "same_manager"
    countersign_recall(crn, acting_user=second_manager.user, recall_id=recall.pk)
    record_part_a_sent(
        crn, acting_user=practitioner.user, recall_id=recall.pk, sent_at=timezone.now()
    )
    recall = RecallConsideration.objects.get()
    terms = terms_of(recall)
    assert (terms.recall_type, terms.days) == ("FIXED_TERM", 56)
    assert terms.rerelease_on == timezone.localdate() + timedelta(days=56)
    for name in ("CONSIDER_RECALL", "DECIDE_RECALL", "COUNTERSIGN_RECALL", "RECORD_PART_A_SENT"):
        assert AuditEvent.objects.filter(action=name, outcome="SUCCESS").count() == 1


def test_it_refuses_a_fixed_term_recommendation_for_a_terrorist_offender(
    practitioner, licence_case
):
    from caseload.risk.models import Registration

    Registration.objects.create(
        person=licence_case,
        register="RTAO",
        registered_on=timezone.localdate() - timedelta(days=90),
    )
    with pytest.raises(ActionInvalid) as refused:
        consider_recall(
            licence_case.crn,
            acting_user=practitioner.user,
            considered_on=timezone.localdate(),
            why="RISK_INCREASED",
            recommended_type="FIXED_TERM",
        )
    assert refused.value.problems[0].message == (
        "A fixed-term recall is not possible: "
        "terrorist offenders are excluded from fixed-term recall"
    )


def test_a_recall_can_only_be_considered_on_a_licence(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        consider_recall(
            case.crn,
            acting_user=practitioner.user,
            considered_on=timezone.localdate(),
            why="RISK_INCREASED",
            recommended_type="STANDARD",
        )
    assert refused.value.problems[0].rule == "licence_only"
