"""One case's essentials facts for the pure tests, built from the parts' own dataclasses."""

from collections.abc import Iterable
from datetime import date

from caseload.contacts.domain import ContactFact
from caseload.derived.facts import (
    CircumstanceFacts,
    RegistrationFacts,
    RequirementFacts,
    SentenceFacts,
    case_facts,
)
from caseload.essentials.domain.engine import essentials_due
from caseload.essentials.domain.essential import Essential
from caseload.essentials.domain.facts import (
    AllocationFact,
    ArrangedAppointment,
    EssentialFacts,
    SentenceLength,
    essential_facts,
)

#: Friday 18 December 2026: 25 and 28 December are bank holidays, so 5 working days later is
#: Tuesday 29 December (core.working_days).
SENTENCED = date(2026, 12, 18)


def community(sentenced: date = SENTENCED, *, rar: bool = False, **kw: object) -> SentenceFacts:
    requirements = (RequirementFacts("F", 20, "DAYS", False, sentenced, None),) if rar else ()
    fields: dict[str, object] = {
        "event_number": 1,
        "offence_code": "10501",
        "offence_date": date(2026, 6, 1),
        "conviction_date": sentenced,
        "sentence_type": "CO",
        "sentence_date": sentenced,
        "release_date": None,
        "termination_date": None,
        "requirements": requirements,
    }
    return SentenceFacts(**{**fields, **kw})  # type: ignore[arg-type]


def licence(released: date, **kw: object) -> SentenceFacts:
    return community(date(2026, 3, 1), sentence_type="LIC", release_date=released, **kw)


def registration(
    register: str,
    on: date,
    *,
    level: str = "",
    category: str = "",
    ident: int = 0,
    ended: date | None = None,
    reviewed: tuple[date, ...] = (),
) -> RegistrationFacts:
    return RegistrationFacts(
        register, category, level, on, ended, reviewed_on=reviewed, registration_id=ident
    )


def attended(on: date, contact_type: str = "COAP") -> ContactFact:
    return ContactFact(contact_type, on, "ATTC")


def booked(
    on: date, arranged_on: date | None = None, contact_type: str = "COAP"
) -> ArrangedAppointment:
    return ArrangedAppointment(contact_type, on, arranged_on or on)


def accommodation(status: str, on: date) -> CircumstanceFacts:
    return CircumstanceFacts("ACCOMMODATION", status, on, None)


def facts(
    as_at: date,
    *,
    sentence: SentenceFacts | None = None,
    registrations: Iterable[RegistrationFacts] = (),
    contacts: Iterable[ContactFact] = (),
    circumstances: Iterable[CircumstanceFacts] = (),
    ends: date | None = None,
    months: int | None = 12,
    allocated: date | None = None,
    **extra: object,
) -> EssentialFacts:
    sentence = sentence or community()
    case = case_facts(
        crn="X123456",
        date_of_birth=date(1990, 5, 17),
        sex="MALE",
        as_at=as_at,
        sentences=[sentence],
        registrations=registrations,
        contacts=contacts,
        circumstances=circumstances,
    )
    allocations = [AllocationFact(allocated, None)] if allocated else []
    return essential_facts(
        case,
        sentence_lengths={sentence.event_number: SentenceLength(ends, months)},
        allocations=allocations,
        **extra,  # type: ignore[arg-type]
    )


def of_kind(found: EssentialFacts, kind: str) -> list[Essential]:
    return [e for e in essentials_due(found) if e.kind == kind]


def one(found: EssentialFacts, kind: str) -> Essential:
    matching = of_kind(found, kind)
    assert len(matching) == 1, matching
    return matching[0]
