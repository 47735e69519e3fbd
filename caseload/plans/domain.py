"""The plans made for a case and the manager's oversight of it, as the pure rules see them
(no Django): the sentence plan with the contact frequency agreed in it, the risk management
plan, and management oversight entries (HM Inspectorate of Probation, case assessment
rules, CARaG v1.1, October 2025: planning and management oversight; performance measure SL006).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseload.contacts.domain import actual_minutes_problems
from caseload.core.dates import past_date_problems
from caseload.core.errors import FieldProblem

#: The contact frequencies a sentence plan may agree, in days, with their names in words.
CONTACT_FREQUENCIES: dict[int, str] = {
    7: "Weekly",
    14: "Fortnightly",
    21: "Every 3 weeks",
    28: "Every 4 weeks",
    42: "Every 6 weeks",
    56: "Every 8 weeks",
    84: "Every 12 weeks",
}

MAX_NOTES = 10_000


@dataclass(frozen=True)
class SentencePlanFact:
    completed_on: date
    contact_every_days: int  # the agreed contact frequency: a key of CONTACT_FREQUENCIES


@dataclass(frozen=True)
class OversightFact:
    recorded_on: date
    by_name: str  # the manager's name, for "Management oversight by Sam Patel on ..."


@dataclass(frozen=True)
class PlanFacts:
    """What the essentials rules read of one case's plans and oversight, oldest first."""

    sentence_plans: tuple[SentencePlanFact, ...] = ()
    risk_management_plans: tuple[date, ...] = ()  # completed_on of each
    oversight: tuple[OversightFact, ...] = ()


@dataclass(frozen=True)
class SentencePlanInput:
    completed_on: date | None
    contact_every_days: int | None
    notes: str
    #: The minutes the plan actually took (optional): evidence for the workload agreement.
    actual_minutes: int | None = None


@dataclass(frozen=True)
class RiskManagementPlanInput:
    completed_on: date | None
    notes: str
    actual_minutes: int | None = None


@dataclass(frozen=True)
class ManagementOversightInput:
    recorded_on: date | None
    notes: str


def _notes_problems(notes: str, *, required: str = "") -> list[FieldProblem]:
    if not notes.strip():
        return [FieldProblem("notes", "required", required)] if required else []
    if len(notes) > MAX_NOTES:
        return [
            FieldProblem("notes", "max_length", f"Notes must be {MAX_NOTES:,} characters or fewer")
        ]
    return []


def validate_sentence_plan(plan: SentencePlanInput, *, today: date) -> list[FieldProblem]:
    problems = past_date_problems(
        "completed_on",
        plan.completed_on,
        now=today,
        required="Enter the date the sentence plan was completed",
        label="The date completed",
    )
    if plan.contact_every_days is None:
        problems.append(
            FieldProblem("contact_every_days", "required", "Select the agreed contact frequency")
        )
    elif plan.contact_every_days not in CONTACT_FREQUENCIES:
        problems.append(
            FieldProblem(
                "contact_every_days",
                "unknown_code",
                "Select the agreed contact frequency from the list",
            )
        )
    return problems + _notes_problems(plan.notes) + actual_minutes_problems(plan.actual_minutes)


def validate_risk_management_plan(
    plan: RiskManagementPlanInput, *, today: date
) -> list[FieldProblem]:
    problems = past_date_problems(
        "completed_on",
        plan.completed_on,
        now=today,
        required="Enter the date the risk management plan was completed",
        label="The date completed",
    )
    return problems + _notes_problems(plan.notes) + actual_minutes_problems(plan.actual_minutes)


def validate_management_oversight(
    oversight: ManagementOversightInput, *, today: date
) -> list[FieldProblem]:
    problems = past_date_problems(
        "recorded_on",
        oversight.recorded_on,
        now=today,
        required="Enter the date of the oversight",
        label="The date of the oversight",
    )
    return problems + _notes_problems(
        oversight.notes, required="Enter what you reviewed and what you decided"
    )
