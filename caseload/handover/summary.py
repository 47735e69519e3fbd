"""The handover summary: what a practitioner taking over a case must know first, on one page.

Everything is read from the record when the page is opened, through the same models the case
page reads; nothing is copied. Notes are shown only to viewers who may see them, and never the
notes of a contact marked sensitive.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from caseload.contacts.domain import ContactFact, open_enforcement
from caseload.core.dates import in_force
from caseload.diary.models import Appointment
from caseload.organisation.models import Handover
from caseload.people.models import LicenceCondition, Person, Requirement, Sentence
from caseload.people.record import CaseViewer
from caseload.risk.constants import REGISTERS, ROSH_CODES
from caseload.risk.domain import MAPPA, in_a_sentence, review_due
from caseload.risk.models import RegistrationReview

#: A review due within this many days is on the list of what needs doing.
REVIEW_SOON_DAYS = 14
LAST_CONTACTS = 5


@dataclass(frozen=True)
class RegistrationLine:
    registration: Any
    label: str
    last_reviewed_on: date | None
    review_due_on: date | None
    overdue: bool

    @property
    def in_a_sentence(self) -> str:
        return in_a_sentence(self.label)


@dataclass(frozen=True)
class ContactLine:
    contact: Any
    notes: str


def _registrations(person: Person, today: date) -> list[RegistrationLine]:
    found = person.registrations.prefetch_related(
        Prefetch("reviews", queryset=RegistrationReview.objects.order_by("-reviewed_on", "-id"))
    )
    lines = []
    for r in found:
        if not in_force(r.registered_on, r.deregistered_on, today):
            continue
        reviews = list(r.reviews.all())
        last = reviews[0].reviewed_on if reviews else None
        due = review_due(r.registered_on, last, r.register)
        label = REGISTERS[r.register].label
        if r.register == MAPPA:
            label += f", category {r.category[1:]} level {r.level[1:]}"
        lines.append(RegistrationLine(r, label, last, due, due is not None and due <= today))
    return lines


def _current_sentences(person: Person, today: date) -> list[Sentence]:
    sentences = Sentence.objects.filter(event__person=person).active_on(today)
    return list(
        sentences.select_related("event").prefetch_related(
            Prefetch("requirements", queryset=Requirement.objects.active_on(today)),
            Prefetch("licence_conditions", queryset=LicenceCondition.objects.active_on(today)),
        )
    )


def _contacts(person: Person, viewer: CaseViewer) -> list[ContactLine]:
    latest = person.contacts.select_related("recorded_by", "staff")[:LAST_CONTACTS]
    return [
        ContactLine(c, c.notes if viewer.sees_sensitive and not c.sensitive else "") for c in latest
    ]


def _open_enforcement(person: Person, today: date) -> list[Any]:
    """The contacts whose enforcement decision is still open (`open_enforcement`)."""
    contacts = person.contacts.exclude(enforcement_action="").select_related("recorded_by")
    recorded = {}
    for c in contacts:
        on = timezone.localtime(c.happened_at).date()
        fact = ContactFact(c.contact_type, on, c.outcome, c.enforcement_action)
        recorded[id(fact)] = (fact, c)
    facts = [fact for fact, _ in recorded.values()]
    ended = person.breaches.exclude(outcome_on=None).values_list("outcome_on", flat=True)
    still_open = open_enforcement(facts, today=today, resolved_on=ended)
    return [recorded[id(fact)][1] for fact in still_open]


#: The handover lists this many of the person's next appointments.
NEXT_APPOINTMENTS = 5


def next_appointments(person: Person) -> list[Appointment]:
    """The person's next appointments from now, soonest first (cancelled ones are not)."""
    return list(Appointment.objects.upcoming().filter(person=person)[:NEXT_APPOINTMENTS])


def handover_summary(person: Person, viewer: CaseViewer, *, today: date) -> dict[str, Any]:
    registrations = _registrations(person, today)
    rosh = next((r for r in registrations if r.registration.register in ROSH_CODES), None)
    mappa = next((r for r in registrations if r.registration.register == MAPPA), None)
    allocation = person.allocations.current().select_related("staff__user", "team").first()
    handover = (
        Handover.objects.filter(allocation=allocation)
        .select_related("handed_over_from__staff", "allocation__allocated_by")
        .first()
        if allocation
        else None
    )
    return {
        "person": person,
        "viewer": viewer,
        "today": today,
        "made_at": timezone.now(),
        "allocation": allocation,
        "handover": handover,
        "tier": getattr(person, "tier", None),
        "primary_tier": settings.PRIMARY_TIER_FRAMEWORK,
        "rosh": rosh,
        "mappa": mappa,
        "registrations": registrations,
        "circumstances": list(person.circumstances.filter(end_date__isnull=True)),
        "sentences": _current_sentences(person, today),
        "next_appointments": next_appointments(person),
        "contacts": _contacts(person, viewer),
        "open_enforcement": _open_enforcement(person, today),
        "reviews_due": [
            r
            for r in registrations
            if r.review_due_on is not None and (r.review_due_on - today).days <= REVIEW_SOON_DAYS
        ],
    }
