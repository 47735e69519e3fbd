"""Essentials as at a day are unchanged by anything dated later: a contact, a registration, a
circumstance, an appointment arranged, an enquiry's answer, a plan, an assessment, an address,
an allocation, a cancellation."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from caseload.contacts.domain import ContactFact
from caseload.derived.facts import case_facts
from caseload.enforcement.domain import EnforcementFacts, enforcement_steps
from caseload.essentials.domain.engine import essentials_due
from caseload.essentials.domain.facts import (
    AllocationFact,
    ArrangedAppointment,
    RoshSummaryFact,
    SentenceLength,
    essential_facts,
)
from caseload.essentials.tests.builders import accommodation, community, registration
from caseload.plans.domain import OversightFact, PlanFacts, SentencePlanFact
from caseload.safeguarding.domain import EnquiryFact

AS_AT = date(2027, 3, 1)
START = date(2026, 9, 1)
days = st.integers(min_value=0, max_value=300)
REGISTERS = ("ADVP", "RCPR", "RMRH", "RHRH", "RLRH", "MAPP", "ARSO", "CSEP", "REG30")


def _day(n: int) -> date:
    return START + timedelta(days=n)


contacts = st.builds(
    ContactFact,
    st.sampled_from(("COAP", "CHVS", "COVC", "CTOA", "COHV")),
    days.map(_day),
    st.sampled_from(("ATTC", "UAAB", "AFTA", "AAME")),
    st.sampled_from(("EA02", "NFA", "IBR")),
)
registrations = st.builds(
    lambda register, on, level: registration(
        register,
        _day(on),
        category="M1" if register == "MAPP" else "",
        level=level if register == "MAPP" else "",
    ),
    st.sampled_from(REGISTERS),
    days,
    st.sampled_from(("", "M2")),
)
appointments = st.builds(
    lambda t, on, arranged, cancelled: ArrangedAppointment(
        t, _day(on), _day(arranged), _day(cancelled) if cancelled is not None else None
    ),
    st.sampled_from(("COAP", "CHVS", "COVC")),
    days,
    days,
    st.none() | days,
)
enquiries = st.builds(
    lambda kind, asked, answered: EnquiryFact(
        kind,
        _day(asked),
        _day(answered) if answered is not None else None,
        "NO_INFORMATION" if answered is not None else "",
    ),
    st.sampled_from(("POLICE_DA", "CHILDRENS_SERVICES")),
    days,
    st.none() | days,
)
plans = st.builds(
    lambda sp, rmp, ov: PlanFacts(
        sentence_plans=tuple(SentencePlanFact(_day(d), 14) for d in sp),
        risk_management_plans=tuple(_day(d) for d in rmp),
        oversight=tuple(OversightFact(_day(d), "Sam Patel") for d in ov),
    ),
    st.lists(days, max_size=2),
    st.lists(days, max_size=2),
    st.lists(days, max_size=2),
)


def _essentials(record: dict[str, object], as_at: date) -> tuple[object, ...]:
    sentence = community(START, rar=True)
    case = case_facts(
        crn="X123456",
        date_of_birth=date(1990, 5, 17),
        sex="MALE",
        as_at=as_at,
        sentences=[sentence],
        registrations=record["registrations"],  # type: ignore[arg-type]
        contacts=record["contacts"],  # type: ignore[arg-type]
        circumstances=record["circumstances"],  # type: ignore[arg-type]
    )
    steps = enforcement_steps(
        sentence=case.current_sentence(),
        contacts=case.contacts,
        enforcement=EnforcementFacts(),
        as_at=as_at,
    )
    return essentials_due(
        essential_facts(
            case,
            sentence_lengths={1: SentenceLength(date(2027, 9, 1), 12)},
            appointments=record["appointments"],  # type: ignore[arg-type]
            rosh_summaries=record["rosh"],  # type: ignore[arg-type]
            addresses_from=record["addresses"],  # type: ignore[arg-type]
            allocations=record["allocations"],  # type: ignore[arg-type]
            enquiries=record["enquiries"],  # type: ignore[arg-type]
            plans=record["plans"],  # type: ignore[arg-type]
            enforcement_steps=steps,
        )
    )


def _known_by(record: dict[str, object], as_at: date) -> dict[str, object]:
    """What was known on `as_at`, written by hand as a practitioner would read the file."""

    def kept(items: object, on: str) -> list[object]:
        return [i for i in items if getattr(i, on) <= as_at]  # type: ignore[attr-defined]

    known_enquiries = [
        e
        if e.responded_on is None or e.responded_on <= as_at
        else EnquiryFact(e.kind, e.requested_on, None, "")
        for e in kept(record["enquiries"], "requested_on")  # type: ignore[attr-defined]
    ]
    known_appointments = [
        a
        if a.cancelled_on is None or a.cancelled_on <= as_at
        else ArrangedAppointment(a.contact_type, a.on, a.arranged_on)
        for a in kept(record["appointments"], "arranged_on")  # type: ignore[attr-defined]
    ]
    p: PlanFacts = record["plans"]  # type: ignore[assignment]
    return {
        "registrations": kept(record["registrations"], "registered_on"),
        "contacts": kept(record["contacts"], "on"),
        "circumstances": kept(record["circumstances"], "start_date"),
        "appointments": known_appointments,
        "rosh": kept(record["rosh"], "assessed_on"),
        "addresses": [d for d in record["addresses"] if d <= as_at],  # type: ignore[attr-defined]
        "allocations": kept(record["allocations"], "start_date"),
        "enquiries": known_enquiries,
        "plans": PlanFacts(
            sentence_plans=tuple(s for s in p.sentence_plans if s.completed_on <= as_at),
            risk_management_plans=tuple(d for d in p.risk_management_plans if d <= as_at),
            oversight=tuple(o for o in p.oversight if o.recorded_on <= as_at),
        ),
    }


records = st.fixed_dictionaries(
    {
        "registrations": st.lists(registrations, max_size=4),
        "contacts": st.lists(contacts, max_size=8),
        "circumstances": st.lists(
            st.builds(accommodation, st.sampled_from(("SETTLED", "NFA")), days.map(_day)),
            max_size=2,
        ),
        "appointments": st.lists(appointments, max_size=4),
        "rosh": st.lists(
            st.builds(RoshSummaryFact, days.map(_day), st.sampled_from(("LOW", "HIGH"))),
            max_size=2,
        ),
        "addresses": st.lists(days.map(_day), max_size=2),
        "allocations": st.lists(
            st.builds(lambda d: AllocationFact(_day(d), None), days), min_size=1, max_size=1
        ),
        "enquiries": st.lists(enquiries, max_size=3),
        "plans": plans,
    }
)


@settings(max_examples=300, deadline=None)
@given(records, st.integers(min_value=0, max_value=300))
def test_essentials_as_at_a_day_are_unchanged_by_facts_dated_later(record, day):
    as_at = _day(day)
    assert _essentials(record, as_at) == _essentials(_known_by(record, as_at), as_at)
