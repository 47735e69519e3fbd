"""What the engine derives for one case: each essential, its state, due date and reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class State(StrEnum):
    """DUE, DONE and NOT_REQUIRED are derived and stored; OVERDUE (due, and the due date has
    passed) and SNOOZED (an override in force) are decided when read, so they are never stale."""

    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    NOT_REQUIRED = "not_required"
    SNOOZED = "snoozed"


STATE_LABELS = {
    State.DUE: "Due",
    State.OVERDUE: "Overdue",
    State.DONE: "Done",
    State.NOT_REQUIRED: "Not required",
    State.SNOOZED: "Snoozed",
}


@dataclass(frozen=True)
class Essential:
    """One essential on one case, as derived from its facts on a day (stored by the step)."""

    kind: str
    #: "" or what tells two of one kind apart ("registration 123", "failure 2026-11-03").
    subject: str
    #: DUE, DONE or NOT_REQUIRED only.
    state: State
    due_on: date | None
    #: In words: why it is due, what satisfied it, or which rule says it is not needed.
    reason: str
    #: When the fact that satisfied it happened (for a recurring essential, the last time).
    done_on: date | None = None
