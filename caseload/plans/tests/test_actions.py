"""The plan and oversight actions: written once with history and audit, oversight only by a
manager with a staff record, who is named on it; nothing half-saved."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid
from caseload.plans.actions import (
    record_management_oversight,
    record_risk_management_plan,
    record_sentence_plan,
)
from caseload.plans.facts import plan_facts
from caseload.plans.models import ManagementOversight, SentencePlan


def test_a_sentence_plan_is_written_with_its_history_and_audit(practitioner, case):
    plan = record_sentence_plan(
        case.crn,
        acting_user=practitioner.user,
        completed_on=timezone.localdate(),
        contact_every_days=7,
        notes="Weekly while the course runs",
    )
    assert plan.recorded_by == practitioner.user
    assert plan.history.get().history_user == practitioner.user
    assert AuditEvent.objects.get(action="RECORD_SENTENCE_PLAN").detail["contact_every_days"] == 7
    assert plan_facts([case.pk])[case.pk].sentence_plans[0].contact_every_days == 7


def test_a_sentence_plan_refuses_every_problem_at_once(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        record_sentence_plan(
            case.crn,
            acting_user=practitioner.user,
            completed_on=timezone.localdate() + timedelta(days=1),
            contact_every_days=10,
        )
    assert [p.rule for p in refused.value.problems] == ["not_in_future", "unknown_code"]
    assert not SentencePlan.objects.exists()


def test_a_risk_management_plan_is_written_and_audited(practitioner, case):
    record_risk_management_plan(
        case.crn, acting_user=practitioner.user, completed_on=timezone.localdate()
    )
    assert AuditEvent.objects.filter(action="RECORD_RISK_MANAGEMENT_PLAN").exists()
    assert plan_facts([case.pk])[case.pk].risk_management_plans == (timezone.localdate(),)


def test_oversight_names_the_acting_manager(manager, case):
    oversight = record_management_oversight(
        case.crn,
        acting_user=manager.user,
        recorded_on=timezone.localdate(),
        notes="Agreed to refer to MAPPA",
    )
    assert oversight.staff == manager
    assert AuditEvent.objects.get(action="RECORD_MANAGEMENT_OVERSIGHT").user == manager.user


def test_a_practitioner_may_not_record_oversight(practitioner, case):
    with pytest.raises(Http404):
        record_management_oversight(
            case.crn, acting_user=practitioner.user, recorded_on=timezone.localdate(), notes="x"
        )
    assert not ManagementOversight.objects.exists()
