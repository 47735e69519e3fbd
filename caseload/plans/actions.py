"""Writes of plans and oversight, each through the one case-write wrapper. Each is recorded
once and never changed: a new plan or oversight entry is recorded instead."""

from datetime import date

from caseload.access.capabilities import Capability, acting_staff
from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid
from caseload.plans import domain
from caseload.plans.models import ManagementOversight, RiskManagementPlan, SentencePlan


@case_action("RECORD_SENTENCE_PLAN", cause="sentence plan completed")
def record_sentence_plan(
    case: CaseWrite,
    *,
    completed_on: date | None,
    contact_every_days: int | None,
    notes: str = "",
    actual_minutes: int | None = None,
) -> SentencePlan:
    problems = domain.validate_sentence_plan(
        domain.SentencePlanInput(completed_on, contact_every_days, notes, actual_minutes),
        today=case.today,
    )
    if problems:
        raise ActionInvalid(problems)
    plan = SentencePlan.objects.create(
        person=case.person,
        completed_on=completed_on,
        contact_every_days=contact_every_days,
        notes=notes.strip(),
        actual_minutes=actual_minutes,
        recorded_by=case.acting_user,
    )
    case.audit.update(sentence_plan_id=plan.pk, contact_every_days=contact_every_days)
    return plan


@case_action("RECORD_RISK_MANAGEMENT_PLAN", cause="risk management plan completed")
def record_risk_management_plan(
    case: CaseWrite,
    *,
    completed_on: date | None,
    notes: str = "",
    actual_minutes: int | None = None,
) -> RiskManagementPlan:
    problems = domain.validate_risk_management_plan(
        domain.RiskManagementPlanInput(completed_on, notes, actual_minutes), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    plan = RiskManagementPlan.objects.create(
        person=case.person,
        completed_on=completed_on,
        notes=notes.strip(),
        actual_minutes=actual_minutes,
        recorded_by=case.acting_user,
    )
    case.audit.update(risk_management_plan_id=plan.pk)
    return plan


@case_action(
    "RECORD_MANAGEMENT_OVERSIGHT",
    cause="management oversight recorded",
    needs=Capability.OVERSEE_CASES,
)
def record_management_oversight(
    case: CaseWrite, *, recorded_on: date | None, notes: str = ""
) -> ManagementOversight:
    """Oversight by the acting manager, who is named on it (the capability to oversee comes
    with a manager's staff record, so there always is one)."""
    problems = domain.validate_management_oversight(
        domain.ManagementOversightInput(recorded_on, notes), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    oversight = ManagementOversight.objects.create(
        person=case.person,
        recorded_on=recorded_on,
        staff=acting_staff(case.acting_user),
        notes=notes.strip(),
    )
    case.audit.update(management_oversight_id=oversight.pk)
    return oversight
