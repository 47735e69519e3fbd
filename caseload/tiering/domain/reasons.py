"""Why a tier came out as it did: one `Reason` per fact a rule read.

A case page lists the reasons beside the tier so a practitioner can check each fact against
the record. For the v2 axes the points of the reasons add up to the axis total, including a
negative reason for the RoSH/RSR overlap (ProtectLevelCalculator.kt). v3 steps yield letters, not
points, so their reasons carry `points=None` and name the letter in the explanation.
"""

from typing import NamedTuple


class Reason(NamedTuple):
    """A (fact, points, explanation) triple, e.g. ("MAPPA level 2", 150, "...")."""

    fact: str
    points: int | None
    explanation: str


def total_points(reasons: tuple[Reason, ...]) -> int:
    """The sum of the points the reasons carry (reasons without points count 0)."""
    return sum(reason.points or 0 for reason in reasons)
