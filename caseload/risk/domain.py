"""Registrations and assessments as the pure rules see them, and the validation of each
(no Django). The registers and their review periods are in `caseload.risk.constants`."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from caseload.core.dates import in_force, past_date_problems
from caseload.core.errors import FieldProblem
from caseload.risk.assessment import QUESTIONS_BY_KEY, validate_answers
from caseload.risk.constants import MAPPA_CATEGORIES, MAPPA_LEVELS, REGISTERS, ROSH_CODES

MAPPA = "MAPP"


@dataclass(frozen=True)
class RegistrationFacts:
    register: str
    category: str
    level: str
    registered_on: date
    deregistered_on: date | None

    def active_on(self, day: date) -> bool:
        return in_force(self.registered_on, self.deregistered_on, day)


@dataclass(frozen=True)
class AssessmentFacts:
    completed_on: date
    answers: Mapping[str, object]


def replaced_registers(register: str) -> tuple[str, ...]:
    """The registers a new registration ends: the RoSH levels are one group, and a person has
    one registration of any other register at a time."""
    return ROSH_CODES if register in ROSH_CODES else (register,)


def in_a_sentence(label: str) -> str:
    """A register's label as written mid-sentence: "child concerns", but "MAPPA", "ViSOR"."""
    first, _, rest = label.partition(" ")
    if any(letter.isupper() for letter in first[1:]):
        return label
    return f"{first[:1].lower()}{first[1:]} {rest}".strip()


def review_due_on(
    registered_on: date, last_reviewed_on: date | None, review_months: int | None
) -> date | None:
    """When a registration is next due for review: its review period after the last review
    (or after it began); None when its register has no known review period. A day that does
    not exist in the due month (31 April) is the last day of that month."""
    if review_months is None:
        return None
    start = last_reviewed_on or registered_on
    month = start.month - 1 + review_months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _past(field: str, value: date | None, label: str, today: date) -> list[FieldProblem]:
    return past_date_problems(
        field, value, now=today, required=f"Enter the {label}", label=f"The {label}"
    )


@dataclass(frozen=True)
class NewRegistration:
    register: str | None
    category: str
    level: str
    registered_on: date | None


def validate_registration(new: NewRegistration, *, today: date) -> list[FieldProblem]:
    problems = []
    if new.register not in REGISTERS:
        problems.append(FieldProblem("register", "unknown_code", "Select a register from the list"))
    if new.register == MAPPA:
        if new.category not in MAPPA_CATEGORIES:
            problems.append(
                FieldProblem("category", "mappa_category", "Select a MAPPA category, M1 to M4")
            )
        if new.level not in MAPPA_LEVELS:
            problems.append(FieldProblem("level", "mappa_level", "Select a MAPPA level, M1 to M3"))
    elif new.category or new.level:
        problems.append(
            FieldProblem(
                "category", "not_allowed", "Only MAPPA registrations have a category and level"
            )
        )
    return problems + _past("registered_on", new.registered_on, "date of registration", today)


def validate_deregistration(
    registered_on: date, deregistered_on: date | None, reason: str, *, today: date
) -> list[FieldProblem]:
    """Ending a registration needs the day and the reason (kept with it, for whoever reads the
    ended registration later)."""
    problems = _past("deregistered_on", deregistered_on, "date of de-registration", today)
    if not problems and deregistered_on is not None and deregistered_on < registered_on:
        problems.append(
            FieldProblem(
                "deregistered_on",
                "before_registration",
                "The date of de-registration must be on or after the date of registration",
            )
        )
    if not reason.strip():
        problems.append(
            FieldProblem("reason", "required", "Enter the reason the registration is ending")
        )
    elif len(reason) > 10_000:
        problems.append(
            FieldProblem("reason", "max_length", "The reason must be 10,000 characters or fewer")
        )
    return problems


def validate_review(reviewed_on: date | None, *, today: date) -> list[FieldProblem]:
    return _past("reviewed_on", reviewed_on, "date of review", today)


def validate_assessment(
    completed_on: date | None, answers: Mapping[str, object], *, today: date
) -> list[FieldProblem]:
    problems = _past("completed_on", completed_on, "date the assessment was completed", today)
    for key, message in validate_answers(answers):
        question = QUESTIONS_BY_KEY.get(key)
        problems.append(
            FieldProblem(key, "answer", f"{question.label if question else key} {message}")
        )
    return problems
