"""Writes about registrations (flags) and structured assessments."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.cases import get_case_for_user
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.refresh import refresh_derived
from caseload.risk.assessment import QUESTIONS_BY_KEY, validate_answers
from caseload.risk.constants import MAPPA_CATEGORIES, MAPPA_LEVELS, REGISTERS, ROSH_CODES
from caseload.risk.models import Assessment, Registration, RegistrationReview


def _date_problems(field: str, value: date | None, label: str) -> list[FieldProblem]:
    if value is None:
        return [FieldProblem(field, "required", f"Enter the {label}")]
    if value > timezone.localdate():
        return [FieldProblem(field, "not_in_future", f"The {label} must be today or in the past")]
    return []


def _registration_problems(
    register: str | None, category: str, level: str, registered_on: date | None
) -> list[FieldProblem]:
    problems = []
    if register not in REGISTERS:
        problems.append(FieldProblem("register", "unknown_code", "Select a register from the list"))
    if register == "MAPP":
        if category not in MAPPA_CATEGORIES:
            problems.append(
                FieldProblem("category", "mappa_category", "Select a MAPPA category, M1 to M4")
            )
        if level not in MAPPA_LEVELS:
            problems.append(FieldProblem("level", "mappa_level", "Select a MAPPA level, M1 to M3"))
    elif category or level:
        problems.append(
            FieldProblem(
                "category", "not_allowed", "Only MAPPA registrations have a category and level"
            )
        )
    problems += _date_problems("registered_on", registered_on, "date of registration")
    return problems


def register_flag(
    crn: str,
    *,
    acting_user: Any,
    register: str | None,
    registered_on: date | None,
    category: str = "",
    level: str = "",
    notes: str = "",
) -> Registration:
    """Add a registration. RoSH registers form one duplicate group, and a person has one MAPPA
    registration at a time: registering a new one ends the one it replaces that day."""
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        problems = _registration_problems(register, category, level, registered_on)
        if problems:
            raise ActionInvalid(problems)
        group = ROSH_CODES if register in ROSH_CODES else (register,)
        for old in person.registrations.active().filter(register__in=group):
            old.deregistered_on = registered_on
            old.save(update_fields=["deregistered_on"])
        registration = Registration.objects.create(
            person=person,
            register=register,
            category=category,
            level=level,
            registered_on=registered_on,
            notes=notes,
            registered_by=acting_user,
        )
        record_audit(acting_user, "REGISTER_FLAG", crn=person.crn, detail={"register": register})
        refresh_derived(person, cause=f"{REGISTERS[str(register)].label} registered")
    return registration


def deregister_flag(
    crn: str,
    registration_id: int,
    *,
    acting_user: Any,
    deregistered_on: date | None,
    notes: str = "",
) -> Registration:
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        registration = person.registrations.active().filter(pk=registration_id).first()
        if registration is None:
            raise ActionInvalid(
                [FieldProblem("registration", "not_active", "That registration is not active")]
            )
        problems = _date_problems("deregistered_on", deregistered_on, "date of de-registration")
        if not problems and deregistered_on and deregistered_on < registration.registered_on:
            problems.append(
                FieldProblem(
                    "deregistered_on",
                    "before_registration",
                    "The date of de-registration must be on or after the date of registration",
                )
            )
        if problems:
            raise ActionInvalid(problems)
        registration.deregistered_on = deregistered_on
        if notes:
            registration.notes = (registration.notes + "\n" + notes).strip()
        registration.save(update_fields=["deregistered_on", "notes"])
        record_audit(
            acting_user,
            "DEREGISTER_FLAG",
            crn=person.crn,
            detail={"register": registration.register, "registration_id": registration.pk},
        )
        refresh_derived(person, cause=f"{REGISTERS[registration.register].label} ended")
    return registration


def review_registration(
    crn: str, registration_id: int, *, acting_user: Any, reviewed_on: date | None, notes: str = ""
) -> RegistrationReview:
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        registration = person.registrations.active().filter(pk=registration_id).first()
        if registration is None:
            raise ActionInvalid(
                [FieldProblem("registration", "not_active", "That registration is not active")]
            )
        problems = _date_problems("reviewed_on", reviewed_on, "date of review")
        if problems:
            raise ActionInvalid(problems)
        review = RegistrationReview.objects.create(
            registration=registration, reviewed_on=reviewed_on, notes=notes, reviewed_by=acting_user
        )
        record_audit(
            acting_user,
            "REVIEW_REGISTRATION",
            crn=person.crn,
            detail={"register": registration.register, "registration_id": registration.pk},
        )
        refresh_derived(person, cause=f"{REGISTERS[registration.register].label} reviewed")
    return review


def record_assessment(
    crn: str, *, acting_user: Any, completed_on: date | None, answers: dict[str, object]
) -> Assessment:
    """Record a completed structured assessment; scores and tiers are recomputed from it."""
    # Outside the transaction, so that a refusal's audit entry is kept.
    person = get_case_for_user(acting_user, crn, write=True)
    with transaction.atomic():
        problems = _date_problems("completed_on", completed_on, "date the assessment was completed")
        problems += [
            FieldProblem(
                key,
                "answer",
                f"{QUESTIONS_BY_KEY[key].label if key in QUESTIONS_BY_KEY else key} {msg}",
            )
            for key, msg in validate_answers(answers)
        ]
        if problems:
            raise ActionInvalid(problems)
        assessment = Assessment.objects.create(
            person=person,
            completed_on=completed_on,
            answers={k: v for k, v in answers.items() if v is not None},
            assessor=acting_user,
        )
        record_audit(
            acting_user,
            "RECORD_ASSESSMENT",
            crn=person.crn,
            detail={"assessment_id": assessment.pk},
        )
        refresh_derived(person, cause="assessment completed")
    return assessment
