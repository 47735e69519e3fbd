"""`caseload bench essentials [--n N]`: essentials computed per second, two ways.

1. The demo: every person in the database (seed it first: `caseload demo --no-serve`), read as
   the derived step reads them (the case facts and the step's own facts, in batches of 500)
   and computed, nothing written: the figure a full `caseload recompute` is bounded by.
2. N synthetic people (default 100,000): the pure engine alone over generated facts (a
   community order or a licence, registrations, contacts, appointments, enquiries, plans),
   seeded, so runs compare.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from caseload.contacts.domain import ContactFact
from caseload.core.bench import Writer, benchmark
from caseload.derived.facts import RegistrationFacts, SentenceFacts, case_facts
from caseload.essentials.domain.engine import essentials_due
from caseload.essentials.domain.facts import (
    AllocationFact,
    ArrangedAppointment,
    EssentialFacts,
    RoshSummaryFact,
    SentenceLength,
    essential_facts,
)
from caseload.plans.domain import OversightFact, PlanFacts, SentencePlanFact
from caseload.safeguarding.domain import EnquiryFact

SEED = 20261201
AS_AT = date(2026, 12, 1)
BATCH = 500
_REGISTERS = ("RLRH", "RMRH", "RHRH", "RVHR", "ADVP", "RCCO", "MAPP", "ARSO", "WEAP", "ALSH")
_APPOINTMENTS = ("COAP", "COAP", "CHVS", "COVC", "COPT")
_OUTCOMES = ("ATTC", "ATTC", "ATTC", "UAAB", "AAME")


def synthetic_person(rng: random.Random) -> EssentialFacts:
    """One plausible case as at 1 December 2026."""

    def day(within: int) -> date:
        return AS_AT - timedelta(days=rng.randrange(within))

    licence = rng.random() < 0.4
    start = day(700)
    sentence = SentenceFacts(
        event_number=1,
        offence_code=rng.choice(("10501", "05400", "09200", "19900")),
        offence_date=start - timedelta(days=200),
        conviction_date=start - timedelta(days=30),
        sentence_type="LIC" if licence else rng.choice(("CO", "SSO")),
        sentence_date=start - timedelta(days=300) if licence else start,
        release_date=start if licence else None,
        termination_date=None,
    )
    registrations = [
        RegistrationFacts(
            code,
            "M1" if code == "MAPP" else "",
            rng.choice(("", "M2")) if code == "MAPP" else "",
            day(700),
            None,
            reviewed_on=(day(200),) if rng.random() < 0.5 else (),
            registration_id=n + 1,
        )
        for n, code in enumerate(rng.sample(_REGISTERS, rng.randint(1, 4)))
    ]
    contacts = [
        ContactFact(
            rng.choice(_APPOINTMENTS),
            day(700),
            outcome := rng.choice(_OUTCOMES),
            "EA02" if outcome == "UAAB" else None,
        )
        for _ in range(rng.randint(0, 40))
    ]
    case = case_facts(
        crn="X000000",
        date_of_birth=date(1985, 1, 1),
        sex="MALE",
        as_at=AS_AT,
        sentences=[sentence],
        registrations=registrations,
        contacts=contacts,
    )
    return essential_facts(
        case,
        sentence_lengths={1: SentenceLength(start + timedelta(days=rng.randint(300, 900)), 24)},
        appointments=[
            ArrangedAppointment(rng.choice(_APPOINTMENTS), AS_AT + timedelta(days=n), day(10))
            for n in range(rng.randint(0, 3))
        ],
        rosh_summaries=[RoshSummaryFact(day(500), rng.choice(("LOW", "MEDIUM", "HIGH")))],
        addresses_from=[day(900)],
        allocations=[AllocationFact(day(600), None)],
        enquiries=[EnquiryFact("POLICE_DA", day(600), day(30) if rng.random() < 0.7 else None, "")],
        plans=PlanFacts(
            sentence_plans=(SentencePlanFact(day(500), rng.choice((7, 14, 28))),),
            risk_management_plans=(day(400),),
            oversight=(OversightFact(day(120), "Sam Patel"),),
        ),
    )


def _synthetic(n: int, write: Writer) -> None:
    rng = random.Random(SEED)
    people = [synthetic_person(rng) for _ in range(n)]
    essentials_due(people[0])
    start = time.perf_counter()
    found = sum(len(essentials_due(facts)) for facts in people)
    elapsed = time.perf_counter() - start
    write(
        f"  synthetic: {n:,} generated people (seed {SEED}), the pure engine alone: "
        f"{n / elapsed:,.0f} people/s, {found / elapsed:,.0f} essentials/s "
        f"({found:,} essentials, {elapsed:.2f} s)"
    )


def _demo(write: Writer) -> None:
    from django.utils import timezone

    from caseload.derived.registry import Batch
    from caseload.derived.snapshot import load_case_facts
    from caseload.essentials.steps import facts_for, load_extra_facts
    from caseload.people.models import Person

    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    if not ids:
        write("  demo: the database has no cases; seed the demo first (caseload demo --no-serve)")
        return
    today = timezone.localdate()
    found = 0
    start = time.perf_counter()
    for at in range(0, len(ids), BATCH):
        chunk = ids[at : at + BATCH]
        batch = Batch(chunk, load_case_facts(chunk, as_at=today), today, timezone.now(), "bench")
        loaded = load_extra_facts(chunk)
        found += sum(len(essentials_due(facts_for(pid, batch, loaded))) for pid in batch.facts)
    elapsed = time.perf_counter() - start
    write(
        f"  demo: {len(ids):,} people in the database, read in batches of {BATCH} and computed "
        f"(nothing written): {len(ids) / elapsed:,.0f} people/s, {found / elapsed:,.0f} "
        f"essentials/s ({found:,} essentials, {elapsed:.2f} s)"
    )


@benchmark(
    "essentials",
    "computes essentials for every person in the database (the demo) and for N generated "
    "people (default 100000) with the pure engine",
)
def bench_essentials(n: int, write: Writer) -> None:
    write("essentials: essentials computed per second")
    _demo(write)
    _synthetic(n, write)
