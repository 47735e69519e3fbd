"""Derived steps: what each part derives, registered the way Django's admin finds `admin.py`.

A part that derives a value writes a `steps.py` module holding a class decorated with
`@register`. The pipeline finds every installed app's `steps` module when Django starts
(`caseload.derived.apps`), orders the steps by what each runs `after`, and runs them in the
writing transaction (`caseload.derived.refresh`) and in `caseload recompute`.

A step is keyed by person (`PersonStep`: predictors, tiers, essentials...) or by member of staff
(`StaffStep`: a practitioner's load). A staff step names the person steps whose changes alter
it (`follows`); when any of those changes a person's values, the practitioner holding that
person is marked and the staff step runs for them in the same transaction.

Every step works on a whole batch: `load` reads what it needs for all the batch's people in a
fixed number of queries, `plan` computes (pure rules, no queries) and `apply` writes in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, Protocol, TypeVar

from caseload.derived.facts import CaseFacts


@dataclass
class Batch:
    """The people being refreshed together, their facts, and what earlier steps derived."""

    person_ids: list[int]
    facts: dict[int, CaseFacts]
    as_at: date
    now: datetime
    cause: str
    #: step key → person id → the step's outcome (what later steps read).
    outcomes: dict[str, dict[int, Any]] = field(default_factory=dict)


@dataclass
class StaffBatch:
    staff_ids: list[int]
    as_at: date
    now: datetime
    cause: str


class Plan(Protocol):
    """The writes a step planned for a batch."""

    @property
    def changed(self) -> int: ...

    @property
    def changed_people(self) -> set[int]: ...

    def apply(self) -> None: ...


class PersonStep(Protocol):
    key: ClassVar[str]
    #: Shown in `caseload recompute`'s summary, e.g. "predictor scores".
    label: ClassVar[str]
    after: ClassVar[tuple[str, ...]]

    def load(self, batch: Batch) -> Any: ...

    def plan(self, batch: Batch, loaded: Any) -> Plan: ...


class StaffStep(Protocol):
    key: ClassVar[str]
    label: ClassVar[str]
    after: ClassVar[tuple[str, ...]]
    #: Person steps whose changes alter this step's values for the practitioner holding the case.
    follows: ClassVar[tuple[str, ...]]

    def load(self, batch: StaffBatch) -> Any: ...

    def plan(self, batch: StaffBatch, loaded: Any) -> Plan: ...


S = TypeVar("S", bound=type)

_person_steps: dict[str, PersonStep] = {}
_staff_steps: dict[str, StaffStep] = {}


def register(step_class: S) -> S:
    """Class decorator: register one instance of a PersonStep or StaffStep class."""
    step = step_class()
    registry: dict[str, Any] = _staff_steps if hasattr(step, "follows") else _person_steps
    if step.key in _person_steps or step.key in _staff_steps:
        raise ValueError(f"a derived step called {step.key!r} is already registered")
    registry[step.key] = step
    return step_class


def unregister(key: str) -> None:
    _person_steps.pop(key, None)
    _staff_steps.pop(key, None)


def _in_order(steps: dict[str, Any]) -> list[Any]:
    """Each step after the steps it names in `after` (a cycle or unknown name is an error)."""
    ordered: list[Any] = []
    done: set[str] = set()

    def visit(key: str, path: tuple[str, ...]) -> None:
        if key in done:
            return
        if key in path:
            raise ValueError(f"derived steps depend on each other in a cycle: {path + (key,)}")
        step = steps.get(key)
        if step is None:
            raise ValueError(f"derived step {path[-1]!r} runs after unknown step {key!r}")
        for before in step.after:
            visit(before, (*path, key))
        done.add(key)
        ordered.append(step)

    for key in sorted(steps):
        visit(key, ())
    return ordered


def person_steps() -> list[PersonStep]:
    return _in_order(_person_steps)


def staff_steps() -> list[StaffStep]:
    return _in_order(_staff_steps)


def step_labels() -> dict[str, str]:
    return {s.key: s.label for s in [*person_steps(), *staff_steps()]}


def keys(steps: Iterable[PersonStep | StaffStep]) -> list[str]:
    return [s.key for s in steps]
