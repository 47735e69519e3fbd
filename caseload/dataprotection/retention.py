"""Retention: find the cases closed for longer than the retention period, and delete them.

Deleted, not anonymised: a probation record stripped of its identity is still about one person
(dates, offences and places single them out), so the law's purpose is met only by deletion. The
person goes with everything that cascades from them *and* the history rows of every record of
theirs (history tables do not cascade; `records.held_ids` finds them, deleted records included).

Audit entries are append-only and are not touched: each deletion is audited with the CRN and
the closure date only, and each run with a summary holding the counts of what was deleted by
year of closure and by delivery unit. Returns are computed from the record, so a return for a
past period that is recomputed after a deletion no longer counts the deleted cases; the run's
summary entry says how many there were, so such a figure can be reconciled with the one filed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError, Q, RestrictedError

from caseload.access.audit import record_audit
from caseload.access.models import LimitedAccess
from caseload.dataprotection.domain import (
    HOLDING_REGISTERS,
    Period,
    RetentionDecision,
    retention_decision,
)
from caseload.dataprotection.records import held_ids, held_models, history_rows
from caseload.organisation.models import Allocation
from caseload.people.models import Person, Sentence
from caseload.risk.models import Registration

DELETE_ACTION = "RETENTION_DELETE"
RUN_ACTION = "RETENTION_RUN"
BATCH = 500


@dataclass(frozen=True)
class DueCase:
    person_id: int
    decision: RetentionDecision
    #: The delivery unit of the case's last allocation, for the run's aggregate counts.
    delivery_unit: str


@dataclass
class RetentionRun:
    day: date
    years: int
    closed: int = 0
    due: list[DueCase] = field(default_factory=list)
    deleted: list[DueCase] = field(default_factory=list)
    #: CRN → why it could not be deleted (something still refers to it).
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def held(self) -> list[DueCase]:
        return [case for case in self.due if not case.decision.to_delete]

    def summary(self) -> dict[str, object]:
        """The run's audit detail: counts only, never a CRN."""
        return {
            "as_at": self.day.isoformat(),
            "years": self.years,
            "closed": self.closed,
            "due": len(self.due),
            "deleted": len(self.deleted),
            "held": len(self.held),
            "failed": len(self.failed),
            "deleted_by_closure_year": dict(
                sorted(Counter(str(c.decision.closed_since.year) for c in self.deleted).items())
            ),
            "deleted_by_delivery_unit": dict(
                sorted(Counter(c.delivery_unit for c in self.deleted).items())
            ),
        }


def closed_cases(day: date) -> Iterator[list[int]]:
    """Batches of the people with no sentence in force (or yet to end) and no open allocation."""
    open_sentence = Sentence.objects.filter(event__person=OuterRef("pk")).filter(
        Q(termination_date__isnull=True) | Q(termination_date__gt=day)
    )
    open_allocation = Allocation.objects.filter(person=OuterRef("pk")).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=day)
    )
    ids = list(
        Person.objects.exclude(Exists(open_sentence))
        .exclude(Exists(open_allocation))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def decide(person_ids: list[int], *, day: date, years: int) -> list[DueCase]:
    """The cases among these that are due for deletion on `day`, held or not (fixed queries)."""
    periods: dict[int, list[Period]] = defaultdict(list)
    units: dict[int, tuple[date, str]] = {}
    sentences = Sentence.objects.filter(event__person_id__in=person_ids)
    for person_id, start, end in sentences.values_list(
        "event__person_id", "sentence_date", "termination_date"
    ):
        periods[person_id].append(Period(start, end))
    allocations = Allocation.objects.filter(person_id__in=person_ids)
    for person_id, start, end, unit in allocations.values_list(
        "person_id", "start_date", "end_date", "team__delivery_unit__code"
    ):
        periods[person_id].append(Period(start, end))
        if end is not None and (person_id not in units or units[person_id][0] < end):
            units[person_id] = (end, unit)
    registers: dict[int, list[str]] = defaultdict(list)
    holding = Registration.objects.active_on(day).filter(
        person_id__in=person_ids, register__in=HOLDING_REGISTERS.keys()
    )
    for person_id, register in holding.values_list("person_id", "register"):
        registers[person_id].append(register)
    limited: dict[int, list[str]] = defaultdict(list)
    in_force = LimitedAccess.objects.active_on(day).filter(person_id__in=person_ids)
    for person_id, kind in in_force.values_list("person_id", "kind"):
        limited[person_id].append(kind)

    due = []
    people = Person.objects.filter(pk__in=person_ids).order_by("crn")
    for person_id, crn, created_at in people.values_list("pk", "crn", "created_at"):
        decision = retention_decision(
            crn,
            periods[person_id],
            recorded_on=created_at.date(),
            day=day,
            years=years,
            registers_in_force=registers[person_id],
            limited_access_in_force=limited[person_id],
        )
        if decision is not None:
            unit = units.get(person_id, (day, "none"))[1]
            due.append(DueCase(person_id, decision, unit))
    return due


def find_due(day: date, years: int) -> RetentionRun:
    run = RetentionRun(day, years)
    for batch in closed_cases(day):
        run.closed += len(batch)
        run.due.extend(decide(batch, day=day, years=years))
    run.due.sort(key=lambda case: case.decision.crn)
    return run


def delete_case(case: DueCase, *, day: date, years: int) -> bool:
    """Delete one case and every history row of it, in one transaction, with its audit entry.

    Decided again under the person's row lock: a case reopened, registered or restricted since
    it was listed is left alone (False).
    """
    with transaction.atomic(durable=True):
        locked = Person.objects.select_for_update().filter(pk=case.person_id).first()
        if locked is None:
            return False
        fresh = decide([case.person_id], day=day, years=years)
        if not fresh or not fresh[0].decision.to_delete:
            return False
        ids = held_ids([case.person_id])
        locked.delete()  # the cascade writes a "deleted" history row per record: removed next
        for held in held_models():
            if held.history is not None and ids[held.model]:
                history_rows(held, ids[held.model]).delete()
        record_audit(
            None,
            DELETE_ACTION,
            crn=case.decision.crn,
            detail={"closed_since": case.decision.closed_since.isoformat()},
        )
    return True


def apply(run: RetentionRun) -> RetentionRun:
    """Delete every case of the run that is not held, then audit the run's summary."""
    for case in run.due:
        if not case.decision.to_delete:
            continue
        try:
            if delete_case(case, day=run.day, years=run.years):
                run.deleted.append(case)
        except (ProtectedError, RestrictedError) as exc:
            found = getattr(exc, "protected_objects", None) or exc.restricted_objects  # type: ignore[union-attr]
            blocking = sorted({obj._meta.label for obj in found})
            run.failed[case.decision.crn] = f"still referred to by {', '.join(blocking)}"
    record_audit(None, RUN_ACTION, detail=run.summary())
    return run
