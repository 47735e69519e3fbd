"""Whether a practitioner may be given a case, and why not.

Two rules, each shown with its reason rather than silently hiding the practitioner:

- grade: a Probation Services Officer (PSO) is not given a tier A or B case (v2 tiers A3 … B0,
  with or without the S suffix). This is the principle the national allocation tool states but
  does not enforce (ministryofjustice/manage-a-workforce-ui@b37929d3, the choose-practitioner
  page; reference `workload.md` §10.2); caseload enforces it;
- limited access: someone excluded from the case, or left out of its restriction list, cannot
  hold it (the limited-access lists, `caseload.access.domain`);
- away: a practitioner recorded as off sick, on leave or leaving is not given cases (ours).
"""

from dataclasses import dataclass
from enum import StrEnum

#: The v2 tier letters the grade rule keeps from PSOs.
HIGH_TIER_LETTERS = frozenset({"A", "B"})
#: Grades the rule applies to.
NOT_FOR_HIGH_TIERS = frozenset({"PSO"})


class Unsuitable(StrEnum):
    GRADE = "grade"
    LIMITED_ACCESS = "limited access"
    AWAY = "away"


REASON_WORDS = {
    Unsuitable.GRADE: "A Probation Services Officer is not given a tier A or B case",
    Unsuitable.LIMITED_ACCESS: "Kept out of this case by its limited-access list",
    Unsuitable.AWAY: "Away or leaving: their own cases are being reallocated",
}


@dataclass(frozen=True)
class Fit:
    """A practitioner's suitability for one case: `reason` is None when they may take it."""

    reason: Unsuitable | None

    @property
    def suitable(self) -> bool:
        return self.reason is None

    @property
    def words(self) -> str:
        return REASON_WORDS[self.reason] if self.reason else ""


def is_high_tier(tier: str) -> bool:
    return tier[:1] in HIGH_TIER_LETTERS


def suitability(grade: str, tier: str, *, kept_out: bool, away: bool = False) -> Fit:
    """May a practitioner of `grade` take a case of v2 `tier` ("" untiered)? `kept_out`: a
    limited-access list keeps them out of it; `away`: they are recorded as away or leaving.
    Limited access is the strongest reason, then being away, then grade."""
    if kept_out:
        return Fit(Unsuitable.LIMITED_ACCESS)
    if away:
        return Fit(Unsuitable.AWAY)
    if grade in NOT_FOR_HIGH_TIERS and is_high_tier(tier):
        return Fit(Unsuitable.GRADE)
    return Fit(None)
