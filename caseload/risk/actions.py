"""Writes about registrations (flags) and structured assessments, each through the one
case-write wrapper."""

from datetime import date

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.risk.constants import REGISTERS
from caseload.risk.domain import (
    NewRegistration,
    replaced_registers,
    validate_assessment,
    validate_deregistration,
    validate_registration,
    validate_review,
)
from caseload.risk.models import Assessment, Registration, RegistrationReview


def _active_registration(case: CaseWrite, registration_id: int) -> Registration:
    registration = case.person.registrations.current().filter(pk=registration_id).first()
    if registration is None:
        raise ActionInvalid(
            [FieldProblem("registration", "not_active", "That registration is not active")]
        )
    return registration


@case_action("REGISTER_FLAG")
def register_flag(
    case: CaseWrite,
    *,
    register: str | None,
    registered_on: date | None,
    category: str = "",
    level: str = "",
    notes: str = "",
) -> Registration:
    """Add a registration. RoSH registers form one duplicate group, and a person has one MAPPA
    registration at a time: registering a new one ends the one it replaces that day."""
    problems = validate_registration(
        NewRegistration(register, category, level, registered_on), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    assert register is not None
    replaced = case.person.registrations.current().filter(register__in=replaced_registers(register))
    for old in replaced:
        old.deregistered_on = registered_on
        old.save(update_fields=["deregistered_on"])
    registration = Registration.objects.create(
        person=case.person,
        register=register,
        category=category,
        level=level,
        registered_on=registered_on,
        notes=notes,
        registered_by=case.acting_user,
    )
    case.audit.update(register=register)
    case.cause = f"{REGISTERS[register].label} registered"
    return registration


@case_action("DEREGISTER_FLAG")
def deregister_flag(
    case: CaseWrite, registration_id: int, *, deregistered_on: date | None, notes: str = ""
) -> Registration:
    registration = _active_registration(case, registration_id)
    problems = validate_deregistration(
        registration.registered_on, deregistered_on, today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    registration.deregistered_on = deregistered_on
    if notes:
        registration.notes = (registration.notes + "\n" + notes).strip()
    registration.save(update_fields=["deregistered_on", "notes"])
    case.audit.update(register=registration.register, registration_id=registration.pk)
    case.cause = f"{REGISTERS[registration.register].label} ended"
    return registration


@case_action("REVIEW_REGISTRATION")
def review_registration(
    case: CaseWrite, registration_id: int, *, reviewed_on: date | None, notes: str = ""
) -> RegistrationReview:
    registration = _active_registration(case, registration_id)
    problems = validate_review(reviewed_on, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    review = RegistrationReview.objects.create(
        registration=registration,
        reviewed_on=reviewed_on,
        notes=notes,
        reviewed_by=case.acting_user,
    )
    case.audit.update(register=registration.register, registration_id=registration.pk)
    case.cause = f"{REGISTERS[registration.register].label} reviewed"
    return review


@case_action("RECORD_ASSESSMENT", cause="assessment completed")
def record_assessment(
    case: CaseWrite, *, completed_on: date | None, answers: dict[str, object]
) -> Assessment:
    """Record a completed structured assessment; scores and tiers are recomputed from it."""
    problems = validate_assessment(completed_on, answers, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    assessment = Assessment.objects.create(
        person=case.person,
        completed_on=completed_on,
        answers={k: v for k, v in answers.items() if v is not None},
        assessor=case.acting_user,
    )
    case.audit.update(assessment_id=assessment.pk)
    return assessment
