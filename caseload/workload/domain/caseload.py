"""A practitioner's points from the cases they hold: the points model applied to the record.

The case type comes from the sentence in force (the latest by sentence date that has started and
not ended): a community order or suspended sentence order is a community case; custody with
licence or post-sentence supervision is a custody case until the release date and a licence case
from it. A case with no sentence in force has no case type and scores nothing, as the national
tools give a case of any other type no tier map.

Transition to adulthood (T2A): aged 18 to 24 on the day, our reading (the services take a T2A
flag from Delius, whose rule is not public).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseload.workload.domain.capacity import capacity_percent
from caseload.workload.domain.case_points import CasePoints, CaseType, points_for_case

COMMUNITY_SENTENCES = frozenset({"CO", "SSO"})
CUSTODIAL_SENTENCES = frozenset({"LIC", "PSS"})
T2A_AGES = range(18, 25)

CASE_TYPE_WORDS = {
    CaseType.COMMUNITY: "Community",
    CaseType.LICENCE: "Licence",
    CaseType.CUSTODY: "Custody",
}


def case_type_of(sentence_type: str | None, release_date: date | None, day: date) -> str | None:
    """The points model's case type from the sentence in force on `day`, or None."""
    if sentence_type in COMMUNITY_SENTENCES:
        return CaseType.COMMUNITY
    if sentence_type in CUSTODIAL_SENTENCES:
        released = release_date is not None and release_date <= day
        return CaseType.LICENCE if released else CaseType.CUSTODY
    return None


def age_on(date_of_birth: date, day: date) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def is_t2a(date_of_birth: date, day: date) -> bool:
    return age_on(date_of_birth, day) in T2A_AGES


@dataclass(frozen=True)
class HeldCase:
    crn: str
    tier: str
    case_type: str | None
    t2a: bool


@dataclass(frozen=True)
class CaseWeight:
    crn: str
    tier: str
    case_type: str | None
    t2a: bool
    points: int


@dataclass(frozen=True)
class PointsCapacity:
    cases: tuple[CaseWeight, ...]
    available_points: int
    #: The court reports being written, as `points.report_points` weighs them.
    report_points: int = 0

    @property
    def case_points(self) -> int:
        return sum(case.points for case in self.cases)

    @property
    def total_points(self) -> int:
        return self.case_points + self.report_points

    @property
    def capacity_percent(self) -> Decimal:
        return capacity_percent(self.total_points, self.available_points)


def weigh(cases: Iterable[HeldCase], weightings: CasePoints) -> tuple[CaseWeight, ...]:
    return tuple(
        CaseWeight(
            case.crn,
            case.tier,
            case.case_type,
            case.t2a,
            points_for_case(weightings, case.tier, case.case_type or "", t2a=case.t2a),
        )
        for case in cases
    )
