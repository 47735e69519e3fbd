"""Everything the essentials rules read about one case, as known on one day.

`EssentialFacts` is the case's `CaseFacts` (sentences, registrations, circumstances, contacts)
plus what only essentials need: the diary's arranged appointments, RoSH summaries, addresses,
allocations, sentence end dates, and the facts recorded by the safeguarding, plans and
enforcement parts. `essential_facts` keeps only what was known on `as_at`, exactly as
`case_facts` does, so facts dated later never change what is due as at a day.

The other parts' facts are read through the small protocols below (their frozen dataclasses
fit them), so these rules name only the fields they read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from caseload.derived.facts import CaseFacts


class Enquiry(Protocol):
    """`caseload.safeguarding.domain.EnquiryFact`."""

    @property
    def kind(self) -> str: ...
    @property
    def requested_on(self) -> date: ...
    @property
    def responded_on(self) -> date | None: ...
    @property
    def response(self) -> str: ...


class SentencePlan(Protocol):
    """`caseload.plans.domain.SentencePlanFact`."""

    @property
    def completed_on(self) -> date: ...
    @property
    def contact_every_days(self) -> int: ...


class Oversight(Protocol):
    """`caseload.plans.domain.OversightFact`."""

    @property
    def recorded_on(self) -> date: ...
    @property
    def by_name(self) -> str: ...


class Plans(Protocol):
    """`caseload.plans.domain.PlanFacts`."""

    @property
    def sentence_plans(self) -> Sequence[SentencePlan]: ...
    @property
    def risk_management_plans(self) -> Sequence[date]: ...
    @property
    def oversight(self) -> Sequence[Oversight]: ...


class EnforcementStep(Protocol):
    """`caseload.enforcement.domain.EnforcementStep`: one step the enforcement rules require."""

    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def clock_starts(self) -> date: ...
    @property
    def done_on(self) -> date | None: ...
    @property
    def done_by(self) -> str: ...
    @property
    def reason(self) -> str: ...


@dataclass(frozen=True)
class ArrangedAppointment:
    """An appointment in the diary: its type, its day, when it was arranged and cancelled."""

    contact_type: str
    on: date
    arranged_on: date
    cancelled_on: date | None = None


@dataclass(frozen=True)
class RoshSummaryFact:
    """A RoSH summary: when it was assessed and the overall level (LOW ... VERY_HIGH)."""

    assessed_on: date
    overall: str | None


@dataclass(frozen=True)
class AllocationFact:
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class SentenceLength:
    """A sentence's expected end (`people.domain.expected_end_date`) and length in months
    (None when it is counted in hours), keyed in `EssentialFacts.sentence_lengths` by event."""

    expected_end: date | None
    months: int | None


@dataclass(frozen=True)
class EssentialFacts:
    """One case's facts as known on `case.as_at`. Build it with `essential_facts`."""

    case: CaseFacts
    #: Event number -> its sentence's expected end and length.
    sentence_lengths: Mapping[int, SentenceLength] = field(default_factory=dict)
    appointments: tuple[ArrangedAppointment, ...] = ()
    rosh_summaries: tuple[RoshSummaryFact, ...] = ()
    #: The start date of each main address.
    addresses_from: tuple[date, ...] = ()
    allocations: tuple[AllocationFact, ...] = ()
    enquiries: tuple[Enquiry, ...] = ()
    plans: Plans | None = None
    enforcement_steps: tuple[EnforcementStep, ...] = ()

    @property
    def as_at(self) -> date:
        return self.case.as_at


@dataclass(frozen=True)
class _NoPlans:
    sentence_plans: tuple[SentencePlan, ...] = ()
    risk_management_plans: tuple[date, ...] = ()
    oversight: tuple[Oversight, ...] = ()


def _known_enquiry(enquiry: Enquiry, as_at: date) -> Enquiry | None:
    if enquiry.requested_on > as_at:
        return None
    if enquiry.responded_on is not None and enquiry.responded_on > as_at:
        # Known as requested on the day, not yet answered.
        return _EnquiryAsAt(enquiry.kind, enquiry.requested_on, None, "")
    return enquiry


@dataclass(frozen=True)
class _EnquiryAsAt:
    kind: str
    requested_on: date
    responded_on: date | None
    response: str


def _known_plans(plans: Plans | None, as_at: date) -> Plans:
    if plans is None:
        return _NoPlans()
    return _NoPlans(
        sentence_plans=tuple(p for p in plans.sentence_plans if p.completed_on <= as_at),
        risk_management_plans=tuple(d for d in plans.risk_management_plans if d <= as_at),
        oversight=tuple(o for o in plans.oversight if o.recorded_on <= as_at),
    )


def _known_appointment(appointment: ArrangedAppointment, as_at: date) -> ArrangedAppointment | None:
    if appointment.arranged_on > as_at:
        return None
    if appointment.cancelled_on is not None and appointment.cancelled_on > as_at:
        return replace(appointment, cancelled_on=None)
    return appointment


def essential_facts(
    case: CaseFacts,
    *,
    sentence_lengths: Mapping[int, SentenceLength] | None = None,
    appointments: Iterable[ArrangedAppointment] = (),
    rosh_summaries: Iterable[RoshSummaryFact] = (),
    addresses_from: Iterable[date] = (),
    allocations: Iterable[AllocationFact] = (),
    enquiries: Iterable[Enquiry] = (),
    plans: Plans | None = None,
    enforcement_steps: Iterable[EnforcementStep] = (),
) -> EssentialFacts:
    """The facts known on `case.as_at`: anything arranged, requested, completed or started
    later is left out, and an answer or a cancellation dated later is not yet known.

    Enforcement steps are taken as given: `enforcement_steps(..., as_at=...)` already keeps to
    the day (its own property test)."""
    as_at = case.as_at
    known_enquiries = (_known_enquiry(e, as_at) for e in enquiries)
    known_appointments = (_known_appointment(a, as_at) for a in appointments)
    return EssentialFacts(
        case=case,
        sentence_lengths=dict(sentence_lengths or {}),
        appointments=tuple(a for a in known_appointments if a is not None),
        rosh_summaries=tuple(r for r in rosh_summaries if r.assessed_on <= as_at),
        addresses_from=tuple(d for d in addresses_from if d <= as_at),
        allocations=tuple(a for a in allocations if a.start_date <= as_at),
        enquiries=tuple(e for e in known_enquiries if e is not None),
        plans=_known_plans(plans, as_at),
        enforcement_steps=tuple(enforcement_steps),
    )
