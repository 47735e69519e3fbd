"""The workload agreement: how many minutes each task is agreed to take, in one dated table.

The national points model has no notion of time: its weightings stand for "average annual
hours" per case, and no per-task minutes are published (the National Audit Office, "Efficiency
and resilience of the Probation Service", October 2025, found that the staff needed for
sentence management had been underestimated by about 34% because task times were
underestimated). So the timings are a local agreement, explicit and versioned, each row saying
where its figure came from; a row with no public source is a local estimate.

`agreed_minutes(agreement, task)` is the one way a timing is read: a contact's minutes include
the recording time after it, and a home visit's its travel. The share for responsive work
(crises, family contact, liaison nobody planned) is added to a week's planned minutes by
`with_responsive_share`, not to each task.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class TaskKind(StrEnum):
    CONTACT = "contact"  # an appointment or other contact, by contact type
    REPORT = "report"  # a report to court or the parole board
    ESSENTIAL = "essential"  # a piece of essential work (essentials/domain/rules.py kinds)
    RECORDING = "recording"  # recording after each contact
    TRAVEL = "travel"  # travel for a home visit


class Setting(StrEnum):
    """Where or how a contact happens."""

    OFFICE = "office"
    HOME_VISIT = "home visit"
    VIDEO = "video"
    PHONE = "phone"
    WRITTEN = "letter, email or text"
    OTHER = "other"


#: The one recording row and the one travel row have this code.
ANY = ""


@dataclass(frozen=True)
class Task:
    kind: TaskKind
    code: str = ANY


@dataclass(frozen=True)
class Timing:
    """One row of the agreement. `source` names the public source of the figure, or says how
    it was estimated; `local_estimate` is true when no public source gives it."""

    task: Task
    minutes: int
    label: str
    setting: Setting | None = None
    source: str = ""
    local_estimate: bool = True


@dataclass(frozen=True)
class Agreement:
    effective_from: date
    timings: Mapping[Task, Timing]
    responsive_share_percent: Decimal
    responsive_share_source: str = ""
    note: str = ""
    author: str = ""
    version: int = 0


class UnknownTask(LookupError):
    """The agreement has no timing for the task: never guessed as 0, which would hide work."""

    def __init__(self, task: Task) -> None:
        super().__init__(f"the workload agreement has no timing for {task.kind} {task.code!r}")
        self.task = task


def _minutes(agreement: Agreement, task: Task) -> Timing:
    try:
        return agreement.timings[task]
    except KeyError:
        raise UnknownTask(task) from None


def agreed_minutes(agreement: Agreement, task: Task) -> int:
    """The minutes agreed for one task. A contact also takes the recording time after it, and
    a contact in a home visit setting the travel there and back."""
    timing = _minutes(agreement, task)
    minutes = timing.minutes
    if task.kind is TaskKind.CONTACT:
        minutes += _minutes(agreement, Task(TaskKind.RECORDING)).minutes
        if timing.setting is Setting.HOME_VISIT:
            minutes += _minutes(agreement, Task(TaskKind.TRAVEL)).minutes
    return minutes


def with_responsive_share(planned_minutes: int, agreement: Agreement) -> Decimal:
    """Planned minutes with the responsive share added on top (an uplift: 30% turns 100
    planned minutes into 130)."""
    return Decimal(planned_minutes) * (1 + agreement.responsive_share_percent / 100)


def in_force(agreements: Iterable[Agreement], day: date) -> Agreement | None:
    """The agreement in force on a day: the latest taking effect on or before it (the latest
    version among several taking effect the same day)."""
    started = [a for a in agreements if a.effective_from <= day]
    return max(started, key=lambda a: (a.effective_from, a.version), default=None)
