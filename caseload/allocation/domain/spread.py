"""A proposed spread of one practitioner's cases over the rest of the team.

Greedy, as the issue asks: the cases by points, most first (then CRN), each onto the suitable
practitioner whose capacity after taking it is lowest (then the fewest points, then the key),
so nobody is taken over 100% while someone suitable would stay at or under it. When every
suitable practitioner would go over with a case, it goes where it overflows least (the lowest
capacity after), and the spread says it does not fit.

Capacity is the real-time model's (`caseload.workload.domain.capacity.capacity_percent`, 3
decimals). A practitioner with no available points (no hours) is never given a case: their
capacity would read 0% whatever they held.

Why greedy cannot promise more: spreading cases is bin packing. What it does promise (and the
tests check): a case goes over 100% only on someone when nobody suitable had room for it; hence
if every case may go to everyone and the team's spare points are at least the cases' points
plus (practitioners − 1) × the largest case, nobody ends over 100%.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from caseload.workload.domain.capacity import capacity_percent, potential_capacity_percent

FULL = Decimal(100)


@dataclass(frozen=True)
class Receiver:
    """A practitioner who may receive cases: their points now and their available points."""

    key: str
    total_points: int
    available_points: int

    @property
    def capacity(self) -> Decimal:
        return capacity_percent(self.total_points, self.available_points)


@dataclass(frozen=True)
class CaseToMove:
    crn: str
    points: int
    #: Keys of the receivers who may not take it (grade, limited access).
    unsuitable_for: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Placement:
    crn: str
    #: The receiver's key; None when nobody suitable could take it.
    to: str | None
    points: int
    #: The receiver's capacity after this case (and those placed before it).
    capacity_after: Decimal | None
    overflows: bool


@dataclass(frozen=True)
class Spread:
    placements: tuple[Placement, ...]
    before: Mapping[str, Decimal]
    after: Mapping[str, Decimal]
    points_after: Mapping[str, int] = field(default_factory=dict)

    @property
    def fits(self) -> bool:
        """Every case placed without taking anyone over 100%."""
        return all(p.to is not None and not p.overflows for p in self.placements)

    @property
    def nobody_suitable(self) -> tuple[str, ...]:
        return tuple(p.crn for p in self.placements if p.to is None)


def team_has_room(receivers: Sequence[Receiver], cases: Sequence[CaseToMove]) -> bool:
    """The condition under which the spread promises nobody ends over 100% (every case suitable
    for everyone): spare points ≥ the cases' points + (receivers − 1) × the largest case."""
    able = [r for r in receivers if r.available_points > 0]
    if not cases:
        return True
    if not able:
        return False
    spare = sum(max(r.available_points - r.total_points, 0) for r in able)
    largest = max(c.points for c in cases)
    return spare >= sum(c.points for c in cases) + (len(able) - 1) * largest


def propose_spread(cases: Iterable[CaseToMove], receivers: Sequence[Receiver]) -> Spread:
    points = {r.key: r.total_points for r in receivers}
    available = {r.key: r.available_points for r in receivers}
    placements = []
    for case in sorted(cases, key=lambda c: (-c.points, c.crn)):
        options = [key for key in points if key not in case.unsuitable_for and available[key] > 0]
        if not options:
            placements.append(Placement(case.crn, None, case.points, None, overflows=False))
            continue

        def after(key: str, case: CaseToMove = case) -> Decimal:
            return potential_capacity_percent(points[key], available[key], case.points)

        chosen = min(options, key=lambda key: (after(key), points[key], key))
        capacity = after(chosen)
        points[chosen] += case.points
        placements.append(
            Placement(case.crn, chosen, case.points, capacity, overflows=capacity > FULL)
        )
    return Spread(
        tuple(placements),
        before={r.key: r.capacity for r in receivers},
        after={key: capacity_percent(points[key], available[key]) for key in points},
        points_after=dict(points),
    )
