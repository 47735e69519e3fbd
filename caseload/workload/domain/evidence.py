"""Evidence: the minutes practitioners record against the minutes agreed (no Django).

The workload agreement's timings are local estimates (no per-task timings are published; the
National Audit Office, October 2025, found task times had been significantly underestimated),
so the agreement says it is to be tested against the minutes recorded. This is that test, task
type by task type: how many actuals there are, their middle and spread, and the difference
from the agreed minutes in words.

The difference is read from the median, not the mean: one contact that ran into a crisis moves
the mean of a small sample a long way and the median hardly at all. The spread is the
interquartile range (the middle half of the figures), from the standard library's
`statistics.quantiles` with the inclusive method, which never reaches outside the figures.
Fewer than `ENOUGH` figures is "too few to tell": the figures are shown, the verdict is not.
"""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

#: Fewer actuals than this and the difference is "too few to tell" (our rule of thumb).
ENOUGH = 10
#: A median within this many minutes of the agreed figure is "about as agreed".
ABOUT_AS_AGREED = 2.5


@dataclass(frozen=True)
class Spread:
    """The figures of one task type: count, median, quartiles and mean, in minutes."""

    count: int
    median: float
    lower_quartile: float
    upper_quartile: float
    mean: float
    least: int
    most: int


def spread(minutes: Sequence[int]) -> Spread | None:
    """The spread of the minutes recorded; None when none were."""
    if not minutes:
        return None
    if len(minutes) == 1:
        lower = upper = float(minutes[0])
    else:
        lower, _, upper = statistics.quantiles(minutes, n=4, method="inclusive")
    return Spread(
        count=len(minutes),
        median=float(statistics.median(minutes)),
        lower_quartile=float(lower),
        upper_quartile=float(upper),
        mean=float(statistics.fmean(minutes)),
        least=min(minutes),
        most=max(minutes),
    )


def enough(found: Spread | None) -> bool:
    return found is not None and found.count >= ENOUGH


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours > 1 else ""))
    if rest:
        parts.append(f"{rest} minute" + ("s" if rest > 1 else ""))
    return " ".join(parts)


def nearest_five(minutes: float) -> int:
    """Minutes to the nearest 5 (half up): "about" a figure, not a spurious exact one."""
    return int((abs(minutes) + 2.5) // 5 * 5)


def difference_in_words(agreed: int, found: Spread | None) -> str:
    """The difference between what a task takes (its median) and what was agreed, in words."""
    if found is None:
        return "No minutes recorded"
    if found.count < ENOUGH:
        return f"Too few to tell ({found.count} of the {ENOUGH} needed)"
    difference = found.median - agreed
    if abs(difference) < ABOUT_AS_AGREED:
        return "Takes about as long as agreed"
    way = "longer" if difference > 0 else "shorter"
    return f"Takes about {_duration(nearest_five(difference))} {way} than agreed"


@dataclass(frozen=True)
class TaskEvidence:
    """One task type of the agreement with what was recorded against it."""

    code: str
    label: str
    agreed_minutes: int
    spread: Spread | None

    @property
    def enough(self) -> bool:
        return enough(self.spread)

    @property
    def in_words(self) -> str:
        return difference_in_words(self.agreed_minutes, self.spread)


def evidence(
    tasks: Sequence[tuple[str, str, int]], actuals: dict[str, Sequence[int]]
) -> tuple[TaskEvidence, ...]:
    """Each task (code, label, agreed minutes) with the spread of its actual minutes."""
    return tuple(
        TaskEvidence(code, label, agreed, spread(actuals.get(code, ())))
        for code, label, agreed in tasks
    )
