"""What is due on each case, as a derived step after tiers: the essentials cache."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils import timezone

from caseload.derived.registry import Batch, register
from caseload.derived.writes import CacheWrites, Stored, stored_rows
from caseload.diary.models import Appointment
from caseload.enforcement.domain import EnforcementFacts
from caseload.essentials import sources
from caseload.essentials.domain.engine import essentials_due
from caseload.essentials.domain.essential import Essential
from caseload.essentials.domain.facts import (
    AllocationFact,
    ArrangedAppointment,
    EssentialFacts,
    RoshSummaryFact,
    SentenceLength,
    essential_facts,
)
from caseload.essentials.models import EssentialDue
from caseload.organisation.models import Allocation
from caseload.people.domain import MAIN_ADDRESS, expected_end_date
from caseload.people.models import Address, Sentence
from caseload.plans.domain import PlanFacts
from caseload.risk.domain import highest_rosh
from caseload.risk.models import RoshSummary
from caseload.safeguarding.domain import EnquiryFact

FIELDS = ("state", "due_on", "reason", "done_on")


def _day(moment: Any) -> date | None:
    return None if moment is None else timezone.localdate(moment)


def _months(length: int, unit: str) -> int | None:
    if unit == "MONTHS":
        return length
    if unit == "DAYS":
        return length * 12 // 365
    return None


@dataclass
class Loaded:
    """What the step reads beyond the case facts, for the whole batch."""

    stored: dict[int, list[Stored]]
    lengths: dict[int, dict[int, SentenceLength]]
    appointments: dict[int, list[ArrangedAppointment]]
    rosh: dict[int, list[RoshSummaryFact]]
    addresses: dict[int, list[date]]
    allocations: dict[int, list[AllocationFact]]
    enquiries: dict[int, tuple[EnquiryFact, ...]]
    plans: dict[int, PlanFacts]
    enforcement: dict[int, EnforcementFacts]


def load_extra_facts(person_ids: list[int]) -> Loaded:
    """A fixed number of queries for the batch, whatever its size: six here, and the other
    parts' loaders (one for enquiries, three for plans, three for enforcement)."""
    stored: dict[int, list[Stored]] = defaultdict(list)
    for row in stored_rows(EssentialDue, FIELDS, person_ids, keys=("kind", "subject")):
        stored[row.person_id].append(row)
    lengths: dict[int, dict[int, SentenceLength]] = defaultdict(dict)
    for row in Sentence.objects.filter(event__person_id__in=person_ids).values_list(
        "event__person_id",
        "event__number",
        "sentence_type",
        "sentence_date",
        "length",
        "length_unit",
        "licence_expiry_date",
    ):
        person_id, number, kind, sentenced, length, unit, expiry = row
        end = expected_end_date(kind, sentenced, length, unit, expiry)
        lengths[person_id][number] = SentenceLength(end, _months(length, unit))
    appointments: dict[int, list[ArrangedAppointment]] = defaultdict(list)
    for person_id, ctype, starts_at, arranged_at, cancelled_at in Appointment.objects.filter(
        person_id__in=person_ids
    ).values_list("person_id", "contact_type", "starts_at", "arranged_at", "cancelled_at"):
        appointments[person_id].append(
            ArrangedAppointment(
                ctype,
                timezone.localdate(starts_at),
                timezone.localdate(arranged_at),
                _day(cancelled_at),
            )
        )
    rosh: dict[int, list[RoshSummaryFact]] = defaultdict(list)
    for person_id, assessed_on, *levels in RoshSummary.objects.filter(
        person_id__in=person_ids
    ).values_list("person_id", "assessed_on", "public", "known_adult", "children", "staff"):
        rosh[person_id].append(RoshSummaryFact(assessed_on, highest_rosh(levels)))
    addresses: dict[int, list[date]] = defaultdict(list)
    for person_id, start in Address.objects.filter(
        person_id__in=person_ids, kind=MAIN_ADDRESS
    ).values_list("person_id", "start_date"):
        addresses[person_id].append(start)
    allocations: dict[int, list[AllocationFact]] = defaultdict(list)
    for person_id, start, end in Allocation.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "start_date", "end_date"
    ):
        allocations[person_id].append(AllocationFact(start, end))
    return Loaded(
        stored=stored,
        lengths=lengths,
        appointments=appointments,
        rosh=rosh,
        addresses=addresses,
        allocations=allocations,
        enquiries=sources.enquiry_facts(person_ids),
        plans=sources.plan_facts(person_ids),
        enforcement=sources.enforcement_facts(person_ids),
    )


def facts_for(person_id: int, batch: Batch, loaded: Loaded) -> EssentialFacts:
    case = batch.facts[person_id]
    steps = sources.enforcement_steps(
        sentence=case.current_sentence(),
        contacts=case.contacts,
        enforcement=loaded.enforcement.get(person_id, sources.NO_ENFORCEMENT),
        as_at=case.as_at,
    )
    return essential_facts(
        case,
        sentence_lengths=loaded.lengths.get(person_id, {}),
        appointments=loaded.appointments.get(person_id, ()),
        rosh_summaries=loaded.rosh.get(person_id, ()),
        addresses_from=loaded.addresses.get(person_id, ()),
        allocations=loaded.allocations.get(person_id, ()),
        enquiries=loaded.enquiries.get(person_id, ()),
        plans=loaded.plans.get(person_id),
        enforcement_steps=steps,
    )


def _values(essential: Essential) -> dict[str, object]:
    return {
        "state": str(essential.state),
        "due_on": essential.due_on,
        "reason": essential.reason,
        "done_on": essential.done_on,
    }


def distinct(due: tuple[Essential, ...]) -> list[Essential]:
    """Each essential under its own (kind, subject), the cache's key: a second of the same
    (two recalls considered on one day) is told apart by its number, "(2)"."""
    seen: dict[tuple[str, str], int] = {}
    found = []
    for essential in due:
        key = (essential.kind, essential.subject)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            essential = replace(essential, subject=f"{essential.subject} ({seen[key]})".strip())
        found.append(essential)
    return found


@register
class Essentials:
    key = "essentials"
    label = "essentials"
    after = ("tiers",)

    def load(self, batch: Batch) -> Loaded:
        return load_extra_facts(batch.person_ids)

    def plan(self, batch: Batch, loaded: Loaded) -> CacheWrites[EssentialDue]:
        writes = CacheWrites(EssentialDue, FIELDS, stamped={"facts_as_at": batch.as_at})
        outcomes = batch.outcomes.setdefault(self.key, {})
        for person_id in batch.facts:
            due = essentials_due(facts_for(person_id, batch, loaded))
            outcomes[person_id] = due
            rows = {(r.kind, r.subject): r for r in loaded.stored.get(person_id, [])}
            for essential in distinct(due):
                row = rows.pop((essential.kind, essential.subject), None)
                writes.put(
                    person_id,
                    row,
                    _values(essential),
                    kind=essential.kind,
                    subject=essential.subject,
                )
            writes.remove(person_id, list(rows.values()))
        return writes
