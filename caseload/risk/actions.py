"""Writes about registrations (flags) and structured assessments, each through the one
case-write wrapper.

Ending or reviewing a registration changes it, so each takes the version of it the user saw
(`expected_version`) and is refused with `StaleEdit` if someone has changed it since.
"""

from datetime import date
from typing import Any

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.dates import in_force
from caseload.core.errors import ActionInvalid, ConfirmationNeeded, FieldProblem
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.risk.constants import REGISTERS, ROSH_CODES
from caseload.risk.domain import (
    ROSH_REGISTER_FOR_LEVEL,
    NewRegistration,
    RoshSummaryInput,
    in_a_sentence,
    replaced_registers,
    validate_assessment,
    validate_deregistration,
    validate_registration,
    validate_review,
    validate_rosh_summary,
    validate_tool_assessment,
)
from caseload.risk.models import (
    Assessment,
    Registration,
    RegistrationReview,
    RoshSummary,
    ToolAssessment,
)


def describe_registration(registration: Any) -> str:
    """A registration (or a version of it from its history) in plain words."""
    text = REGISTERS[registration.register].label
    if registration.category:
        text += f", category {registration.category} level {registration.level}"
    text += f", registered on {day_in_words(registration.registered_on)}"
    if registration.deregistered_on:
        text += f", ended on {day_in_words(registration.deregistered_on)}"
        if getattr(registration, "end_reason", ""):
            text += f" ({registration.end_reason})"
    reason = getattr(registration, "history_change_reason", None)
    if reason:
        text += f". {reason}"
    if registration.notes:
        text += f". Notes: {registration.notes}"
    return text


def registration_title(registration: Any) -> str:
    """How a page names one registration in a sentence: "MAPPA registration from 3 March
    2026", "child concerns registration from 1 May 2026"."""
    label = in_a_sentence(REGISTERS[registration.register].label)
    return f"{label} registration from {day_in_words(registration.registered_on)}"


def _registration_to_change(
    case: CaseWrite, registration_id: int, expected_version: int | None
) -> Registration:
    """The case's registration, if it is the version the user saw (else `StaleEdit`, which
    also tells them who ended it) and still active."""
    registration = case.person.registrations.filter(pk=registration_id).first()
    if registration is not None:
        seen = None if expected_version is None else Seen(registration_id, expected_version)
        refuse_stale_edit(
            "registration",
            seen,
            registration,
            model=Registration,
            describe=describe_registration,
        )
    if registration is None or not in_force(
        registration.registered_on, registration.deregistered_on, case.today
    ):
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
    confirmed: bool = False,
) -> Registration:
    """Add a registration. RoSH registers form one duplicate group, and a person has one
    registration of any other register at a time: registering a new one ends the one it
    replaces that day, but only once the user has `confirmed` it (else `ConfirmationNeeded`
    names each registration it would end, and nothing is written)."""
    problems = validate_registration(
        NewRegistration(register, category, level, registered_on), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    assert register is not None and registered_on is not None
    replaced = list(
        case.person.registrations.current().filter(register__in=replaced_registers(register))
    )
    if replaced and not confirmed:
        raise ConfirmationNeeded(
            "Adding this registration ends another"
            if len(replaced) == 1
            else f"Adding this registration ends {len(replaced)} others",
            [
                f"The {registration_title(old)} ends on {day_in_words(registered_on)}"
                for old in replaced
            ],
            go_ahead="Add it and end the current registration"
            if len(replaced) == 1
            else "Add it and end the current registrations",
        )
    for old in replaced:
        old.deregistered_on = registered_on
        old._change_reason = f"Ended by a new {REGISTERS[register].label} registration"
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
    case: CaseWrite,
    registration_id: int,
    *,
    expected_version: int | None,
    deregistered_on: date | None,
    reason: str = "",
) -> Registration:
    """End a registration, with the reason (required); `expected_version` is the version the
    user saw (None: none)."""
    registration = _registration_to_change(case, registration_id, expected_version)
    problems = validate_deregistration(
        registration.registered_on, deregistered_on, reason, today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    registration.deregistered_on = deregistered_on
    registration.end_reason = reason.strip()
    registration.save(update_fields=["deregistered_on", "end_reason"])
    case.audit.update(register=registration.register, registration_id=registration.pk)
    case.cause = f"{REGISTERS[registration.register].label} ended"
    return registration


@case_action("REVIEW_REGISTRATION")
def review_registration(
    case: CaseWrite,
    registration_id: int,
    *,
    expected_version: int | None,
    reviewed_on: date | None,
    notes: str = "",
) -> RegistrationReview:
    """Review a registration: a change to it (its version moves on), so that a second review
    or an end made from the version before this review is refused."""
    registration = _registration_to_change(case, registration_id, expected_version)
    problems = validate_review(reviewed_on, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    assert reviewed_on is not None
    registration._change_reason = f"Reviewed on {day_in_words(reviewed_on)}"
    registration.save(update_fields=["version"])
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


@case_action("RECORD_TOOL_ASSESSMENT", cause="ARMS or SARA recorded")
def record_tool_assessment(
    case: CaseWrite, *, tool: str | None, completed_on: date | None
) -> ToolAssessment:
    """Record that an ARMS or a SARA was completed, and when (nothing derives from it but the
    ARMS and SARA return's "current")."""
    problems = validate_tool_assessment(tool, completed_on, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    assessment = ToolAssessment.objects.create(
        person=case.person, tool=tool, completed_on=completed_on, recorded_by=case.acting_user
    )
    case.audit.update(tool_assessment_id=assessment.pk, tool=tool)
    return assessment


@case_action("RECORD_ROSH_SUMMARY", cause="RoSH summary recorded")
def record_rosh_summary(
    case: CaseWrite,
    *,
    assessed_on: date | None,
    source: str | None,
    public: str | None,
    known_adult: str | None,
    children: str | None,
    staff: str | None,
) -> RoshSummary:
    """Record RoSH by audience, and reconcile the RoSH registration to its highest level.

    The overall RoSH is derived, not keyed: if the RoSH registration in force is not the
    highest audience's level, it is ended and the right one registered from the summary's date
    (one registration of the RoSH group at a time, as `register_flag` keeps it). If it already
    says the same, it stands."""
    levels = {"public": public, "known_adult": known_adult, "children": children, "staff": staff}
    problems = validate_rosh_summary(
        RoshSummaryInput(assessed_on, source, levels), today=case.today
    )
    if problems:
        raise ActionInvalid(problems)
    assert assessed_on is not None
    summary = RoshSummary.objects.create(
        person=case.person,
        assessed_on=assessed_on,
        source=source,
        recorded_by=case.acting_user,
        **levels,
    )
    overall = ROSH_REGISTER_FOR_LEVEL[summary.overall or "LOW"]
    current = list(case.person.registrations.current().filter(register__in=ROSH_CODES))
    if [r.register for r in current] != [overall]:
        for old in current:
            old.deregistered_on = max(assessed_on, old.registered_on)
            old._change_reason = "Ended by a new RoSH summary"
            old.save(update_fields=["deregistered_on"])
        Registration.objects.create(
            person=case.person,
            register=overall,
            registered_on=assessed_on,
            notes=f"From the RoSH summary of {day_in_words(assessed_on)}",
            registered_by=case.acting_user,
        )
    case.audit.update(rosh_summary_id=summary.pk, overall=overall)
    return summary
