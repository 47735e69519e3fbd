"""People, sentences and circumstances as the pure rules see them, with the behaviour of their
codes and the validation of a change of circumstances (no Django).

The codes are the ones in `caseload.people.constants` (Django choices with their labels); this
module says what each code *means* for the rules, and a test keeps the two lists in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseload.core.dates import in_force, past_date_problems
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
