"""Registrations and assessments as the pure rules see them, and the validation of each
(no Django). The registers and their review periods are in `caseload.risk.constants`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from caseload.core.dates import add_months, in_force, past_date_problems
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
    #: The days it was reviewed on (essentials read the latest as at their day).
    reviewed_on: tuple[date, ...] = ()
    #: The registration's id, where it came from the database: what tells two apart (not
    #: compared: two registrations with the same facts are the same facts).
    registration_id: int = field(default=0, compare=False)

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


#: The structured risk tools whose completion the record holds (only the tool and the day: the
#: judgements stay in the tool's own record, the police's ViSOR for ARMS). Case model reference
#: §2.4 and §6: ARMS, the Active Risk Management System for adult men with sexual convictions,
#: police-led for registered sex offenders; SARA, the Spousal Assault Risk Assessment guide for
#: intimate-partner violence.
RISK_TOOLS = {
    "ARMS": "ARMS (Active Risk Management System)",
    "SARA": "SARA (Spousal Assault Risk Assessment)",
}


def validate_tool_assessment(
    tool: str | None, completed_on: date | None, *, today: date
) -> list[FieldProblem]:
    problems = []
    if tool not in RISK_TOOLS:
        problems.append(FieldProblem("tool", "unknown_code", "Select ARMS or SARA"))
    problems += _past("completed_on", completed_on, "date the assessment was completed", today)
    return problems


#: RoSH levels, lowest first, with the RoSH register each is recorded as (one duplicate group).
ROSH_LEVELS = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH")
ROSH_LEVEL_LABELS = {"LOW": "Low", "MEDIUM": "Medium", "HIGH": "High", "VERY_HIGH": "Very high"}
ROSH_REGISTER_FOR_LEVEL = dict(zip(ROSH_LEVELS, ROSH_CODES, strict=True))
ROSH_LEVEL_OF_REGISTER = {code: level for level, code in ROSH_REGISTER_FOR_LEVEL.items()}
#: Who may be harmed, as OASys's R10 risk grid asks (community); the order the page shows them.
ROSH_AUDIENCES = {
    "public": "The public",
    "known_adult": "A known adult",
    "children": "Children",
    "staff": "Staff",
}
ROSH_SOURCES = {
    "OASYS": "OASys assessment",
    "SCREENING": "OASys RoSH screening",
    "OTHER": "Other structured assessment",
}

#: Registers shown as flags beside a person's name, most urgent first. RoSH and MAPPA have
#: their own places; the rest of the registers are on the Risk section.
IDENTITY_FLAGS = (
    "RCPR",
    "RCCO",
    "RCHD",
    "ADVP",
    "AV2S",
    "ARSO",
    "RTAO",
    "INLL",
    "WEAP",
    "SPO",
    "STRG",
    "IRMO",
    "ALSH",
    "RVLN",
    "RVAD",
    "WRSM",
)


def highest_rosh(levels: Iterable[str]) -> str | None:
    """The overall RoSH: the highest level for any audience (OASys's R10 summary rule)."""
    known = [level for level in levels if level in ROSH_LEVELS]
    return max(known, key=ROSH_LEVELS.index) if known else None


@dataclass(frozen=True)
class RiskAtAGlance:
    """What the identity bar says about risk: RoSH, MAPPA and the flags, in plain words."""

    rosh: str | None
    rosh_since: date | None
    mappa_category: str
    mappa_level: str
    flags: tuple[str, ...]

    @property
    def rosh_label(self) -> str:
        return ROSH_LEVEL_LABELS[self.rosh] if self.rosh else "Not assessed"

    @property
    def mappa(self) -> str:
        """ "Category 2, level 2" from the MAPP registration's M2/M2 codes; "" when none."""
        if not self.mappa_category:
            return ""
        level = f", level {self.mappa_level.removeprefix('M')}" if self.mappa_level else ""
        return f"Category {self.mappa_category.removeprefix('M')}{level}"


def risk_at_a_glance(registrations: Iterable[RegistrationFacts], day: date) -> RiskAtAGlance:
    """From the registrations in force on `day`: the newest RoSH and MAPPA registrations (as
    tiering reads them) and one flag per register in `IDENTITY_FLAGS`, in that order."""
    active = sorted(
        (r for r in registrations if r.active_on(day)),
        key=lambda r: r.registered_on,
        reverse=True,
    )
    rosh = next((r for r in active if r.register in ROSH_CODES), None)
    mappa = next((r for r in active if r.register == MAPPA), None)
    registers = {r.register for r in active}
    return RiskAtAGlance(
        rosh=ROSH_LEVEL_OF_REGISTER[rosh.register] if rosh else None,
        rosh_since=rosh.registered_on if rosh else None,
        mappa_category=mappa.category if mappa else "",
        mappa_level=mappa.level if mappa else "",
        flags=tuple(REGISTERS[code].label for code in IDENTITY_FLAGS if code in registers),
    )


@dataclass(frozen=True)
class RoshSummaryInput:
    """RoSH by audience as an assessment concludes it, before it is written."""

    assessed_on: date | None
    source: str | None
    levels: Mapping[str, str | None]


def validate_rosh_summary(summary: RoshSummaryInput, *, today: date) -> list[FieldProblem]:
    problems = _past("assessed_on", summary.assessed_on, "date of the assessment", today)
    if summary.source not in ROSH_SOURCES:
        problems.append(
            FieldProblem("source", "unknown_code", "Select where the RoSH levels come from")
        )
    for audience, label in ROSH_AUDIENCES.items():
        if summary.levels.get(audience) not in ROSH_LEVELS:
            problems.append(
                FieldProblem(
                    audience, "rosh_level", f"Select the risk of serious harm to {label.lower()}"
                )
            )
    return problems


def review_due(registered_on: date, last_reviewed_on: date | None, register: str) -> date | None:
    """The next review: the register's review period after the last review, or after the
    registration when there has been none (Delius register reference data: "Review due =
    registration date + review period"). None when the register's period is not known."""
    months = REGISTERS[register].review_months if register in REGISTERS else None
    if not months:
        return None
    return add_months(last_reviewed_on or registered_on, months)
