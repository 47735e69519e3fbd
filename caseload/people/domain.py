"""People, sentences and circumstances as the pure rules see them, with the behaviour of their
codes and the validation of a change of circumstances (no Django).

The codes are the ones in `caseload.people.constants` (Django choices with their labels); this
module says what each code *means* for the rules, and a test keeps the two lists in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from caseload.core.dates import add_months, in_force, past_date_problems
from caseload.core.errors import FieldProblem

#: Sentence types and the Delius custodial type each counts as for tiering (hmpps-tier reads
#: `NC` non-custodial and `SC` custodial): custody with licence and post-sentence supervision
#: follow a custodial sentence. Our mapping: Delius's own sentence list is not public.
DELIUS_SENTENCE_TYPE = {"CO": "CO", "SSO": "SSO", "LIC": "SC", "PSS": "SC"}
LICENCE = "LIC"

#: Requirements that restrict rather than rehabilitate, so carry no mandate for change (tiering).
RESTRICTIVE_REQUIREMENTS = frozenset({"CUR", "EXC", "PROH", "FTP", "AAMR"})

ACCOMMODATION = "ACCOMMODATION"
EMPLOYMENT = "EMPLOYMENT"
#: Accommodation statuses that count as no fixed abode or transient (predictors and tier needs).
UNSETTLED_ACCOMMODATION = frozenset({"TEMPORARY", "NFA"})
UNEMPLOYED = "UNEMPLOYED"
CIRCUMSTANCE_STATUSES: dict[str, frozenset[str]] = {
    ACCOMMODATION: frozenset({"SETTLED", "APPROVED_PREMISES", "TEMPORARY", "NFA", "CUSTODY"}),
    EMPLOYMENT: frozenset(
        {
            "EMPLOYED_FT",
            "EMPLOYED_PT",
            "SELF_EMPLOYED",
            "EDUCATION_TRAINING",
            UNEMPLOYED,
            "NOT_AVAILABLE",
        }
    ),
}


def has_sexual_offence_history(
    contact_adult: int, contact_child: int, indecent_images: int, non_contact: int
) -> bool:
    """Any sexual sanction of any kind (the predictors' `hasEverCommittedSexualOffence`)."""
    return contact_adult + contact_child + indecent_images + non_contact > 0


@dataclass(frozen=True)
class CriminalHistoryFacts:
    total_sanctions: int
    violent_sanctions: int
    first_sanction_date: date
    contact_adult_sexual_sanctions: int
    contact_child_sexual_sanctions: int
    indecent_image_sanctions: int
    non_contact_sexual_offences: int
    most_recent_sexual_offence_date: date | None

    @property
    def sexual_offence_history(self) -> bool:
        return has_sexual_offence_history(
            self.contact_adult_sexual_sanctions,
            self.contact_child_sexual_sanctions,
            self.indecent_image_sanctions,
            self.non_contact_sexual_offences,
        )


@dataclass(frozen=True)
class RequirementFacts:
    category: str
    length: int | None
    length_unit: str
    electronic_monitoring: bool
    start_date: date
    end_date: date | None

    def active_on(self, day: date) -> bool:
        return in_force(self.start_date, self.end_date, day)

    @property
    def restrictive(self) -> bool:
        return self.category in RESTRICTIVE_REQUIREMENTS


@dataclass(frozen=True)
class SentenceFacts:
    event_number: int
    offence_code: str
    offence_date: date
    conviction_date: date
    sentence_type: str
    sentence_date: date
    release_date: date | None
    termination_date: date | None
    requirements: tuple[RequirementFacts, ...] = ()

    def active_on(self, day: date) -> bool:
        return in_force(self.sentence_date, self.termination_date, day)

    @property
    def follow_up_date(self) -> date:
        """Start of the community sentence, or release from custody: the predictors' start of
        follow-up (hmpps-arns-risk-actuarial-api, `dateAtStartOfFollowup`)."""
        return self.release_date or self.sentence_date

    def in_custody_on(self, day: date) -> bool:
        """A licence whose release has not happened yet."""
        return self.sentence_type == LICENCE and (
            self.release_date is None or self.release_date > day
        )

    @property
    def delius_type(self) -> str:
        return DELIUS_SENTENCE_TYPE.get(self.sentence_type, self.sentence_type)


@dataclass(frozen=True)
class CircumstanceFacts:
    kind: str
    status: str
    start_date: date
    end_date: date | None

    def active_on(self, day: date) -> bool:
        return in_force(self.start_date, self.end_date, day)

    @property
    def unsettled_accommodation(self) -> bool:
        return self.kind == ACCOMMODATION and self.status in UNSETTLED_ACCOMMODATION

    @property
    def unemployed(self) -> bool:
        return self.kind == EMPLOYMENT and self.status == UNEMPLOYED


@dataclass(frozen=True)
class CircumstanceChange:
    """A new accommodation or employment status, before it is written."""

    kind: str | None
    status: str | None
    start_date: date | None
    #: The start of the status it replaces, if one is current.
    current_since: date | None = None


def validate_circumstance(change: CircumstanceChange, *, today: date) -> list[FieldProblem]:
    """Every rule a change of circumstances must meet; all problems at once, in form order."""
    problems = []
    if change.kind not in CIRCUMSTANCE_STATUSES:
        problems.append(FieldProblem("kind", "unknown_code", "Select accommodation or employment"))
    elif change.status not in CIRCUMSTANCE_STATUSES[change.kind]:
        problems.append(FieldProblem("status", "unknown_code", "Select a status from the list"))
    problems += past_date_problems(
        "start_date",
        change.start_date,
        now=today,
        required="Enter the date the change happened",
        label="Date of the change",
    )
    if (
        change.kind in CIRCUMSTANCE_STATUSES
        and not any(p.field == "start_date" for p in problems)
        and change.current_since is not None
        and change.start_date is not None
        and change.start_date < change.current_since
    ):
        problems.append(
            FieldProblem(
                "start_date",
                "after_current",
                f"Date of the change must be on or after {change.current_since:%d %B %Y}, "
                "when the current status began",
            )
        )
    return problems


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on `day`."""
    had_birthday = (day.month, day.day) >= (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - (0 if had_birthday else 1)


def notional_end(start: date, length: int, unit: str) -> date:
    """The end of a period of `length` months or days from `start` (exclusive, like every
    period). Hours (unpaid work) have no calendar end."""
    if unit == "MONTHS":
        return add_months(start, length)
    if unit == "DAYS":
        return start + timedelta(days=length)
    raise ValueError(f"A length in {unit!r} has no end date")


def expected_end_date(
    sentence_type: str,
    sentence_date: date,
    length: int,
    length_unit: str,
    licence_expiry_date: date | None,
) -> date | None:
    """A licence ends at its licence expiry date; any other sentence at its notional end, from
    the sentence date and length (MPoP's expected end date: the entered end date, otherwise
    sentence date + length; case_model.md §5)."""
    if sentence_type == LICENCE:
        return licence_expiry_date
    if length_unit in ("MONTHS", "DAYS"):
        return notional_end(sentence_date, length, length_unit)
    return None


def two_thirds_point(start: date, end: date) -> date:
    """Two thirds of the way from `start` to `end`, to the day (rounded down): the Probation
    Reset point of a licence or a community order (case_model.md, "Probation Reset")."""
    return start + timedelta(days=(end - start).days * 2 // 3)


def probation_reset_exemption(
    *, mappa: bool, very_high_rosh: bool, child_protection: bool
) -> str | None:
    """Why a case keeps active supervision past the two-thirds point, or None if it does not.

    Exempt (Probation Reset, June 2024; case_model.md): MAPPA cases of any category and level,
    very high RoSH and active child protection. National Security Division and intensive
    supervision court cases are exempt too, but neither is recorded here."""
    if mappa:
        return "a MAPPA case"
    if very_high_rosh:
        return "very high risk of serious harm"
    if child_protection:
        return "active child protection"
    return None


@dataclass(frozen=True)
class Progress:
    """Ordered, done and left of a requirement, in its own unit (minutes, days)."""

    ordered: int
    done: int

    @property
    def remaining(self) -> int:
        return max(self.ordered - self.done, 0)

    @property
    def percent_done(self) -> int:
        """Whole per cent of the order done, at most 100 (credit beyond the order is kept in
        `done` but not shown as more than complete)."""
        if self.ordered <= 0:
            return 100
        return min(self.done * 100 // self.ordered, 100)


def unpaid_work_progress(ordered_hours: int, minutes_credited: Iterable[int]) -> Progress:
    """Unpaid work in minutes, as Delius counts it (minutes ordered, minutes credited): the
    hours ordered against the minutes credited at each session."""
    return Progress(ordered=ordered_hours * 60, done=sum(minutes_credited))


def rar_progress(ordered_days: int, activity_days: Iterable[date]) -> Progress:
    """Rehabilitation activity days: a RAR's days are counted once each, however many RAR
    activities happened on one day (Delius counts RAR-flagged contacts by day)."""
    return Progress(ordered=ordered_days, done=len(set(activity_days)))


def hours_and_minutes(minutes: int) -> str:
    """ "12 hours 30 minutes", "1 hour", "45 minutes", "0 hours" for a count of minutes."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours or not rest:
        parts.append(f"{hours} hour{'' if hours == 1 else 's'}")
    if rest:
        parts.append(f"{rest} minute{'' if rest == 1 else 's'}")
    return " ".join(parts)
