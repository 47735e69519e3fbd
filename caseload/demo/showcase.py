"""The demo practitioner's enforcement examples: a community order with a warning and then a
further unacceptable absence within 12 months (a breach referral due), and a licence case with
a recall considered, decided (fixed-term) and countersigned, Part A not yet sent. Written
straight to the tables like the rest of the seed; the demo's recompute derives the rest."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from caseload.contacts.models import Contact
from caseload.core.working_days import is_working_day
from caseload.enforcement.domain import earlier_warning, is_failure
from caseload.enforcement.models import RecallConsideration
from caseload.enforcement.reading import case_enforcement
from caseload.organisation.models import Staff
from caseload.people.models import Person, Sentence
from caseload.risk.models import Registration

#: Registers that exclude a fixed-term recall (the Fixed Term Recall Orders 2024 and 2025).
EXCLUDING = ("INLL", "RTAO")


def _working_day_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _held(practitioner: Staff, today: date, sentence_type: str) -> list[Sentence]:
    people = {p.pk: p for p in Person.objects.allocated_to(practitioner.pk, today)}
    held = list(
        Sentence.objects.filter(
            event__person_id__in=list(people), sentence_type=sentence_type, termination_date=None
        ).select_related("event")
    )
    for sentence in held:
        sentence.event.person = people[sentence.event.person_id]
    return sorted(held, key=lambda s: s.event.person.crn)


def _order_to_show(practitioner: Staff, today: date) -> tuple[Person, list[date]] | None:
    """A community order of at least 60 days, with nothing open and no failure in the last 45
    days, and the failures to add to it: a warned absence 45 days ago (unless a warning in the
    12 months before makes that one a referral already) and a further one 3 days ago."""
    warned = _working_day_before(today - timedelta(days=45))
    further = _working_day_before(today - timedelta(days=3))
    for sentence in _held(practitioner, today, "CO"):
        if sentence.sentence_date > today - timedelta(days=60):
            continue
        person = sentence.event.person
        case = case_enforcement(person, day=today)
        facts = case.sentence_facts
        open_breach = any(not b.outcome for b in case.facts.breaches)
        recent = any(is_failure(c) and c.on >= warned for c in case.contacts)
        if (
            facts is None
            or open_breach
            or recent
            or any(s.done_on is None for s in case.steps(today))
        ):
            continue
        if earlier_warning(facts, case.contacts, case.facts, warned, as_at=today) is None:
            return person, [warned, further]
        return person, [further]
    return None


def _recallable_licence(practitioner: Staff, today: date) -> Sentence | None:
    for sentence in _held(practitioner, today, "LIC"):
        person = sentence.event.person
        if sentence.release_date is None or sentence.release_date > today - timedelta(days=14):
            continue
        registrations = Registration.objects.filter(person=person).active_on(today)
        excluded = (
            registrations.filter(register__in=EXCLUDING).exists()
            or registrations.filter(register="MAPP", level__in=("M2", "M3")).exists()
        )
        if not excluded:
            return sentence
    return None


def enforcement_showcase(practitioner: Staff, today: date, now: datetime) -> None:
    users = get_user_model().objects
    order = _order_to_show(practitioner, today)
    if order is not None:
        person, days = order
        decisions = (
            ("EA02", "Absence not accepted: no evidence provided. First warning sent."),
            ("EA12", "Did not attend again; asked for evidence of the reason."),
        )[-len(days) :]
        for day, (action, note) in zip(days, decisions, strict=True):
            Contact.objects.create(
                person=person,
                contact_type="COAP",
                happened_at=_at(day, 10),
                outcome="UAAB",
                enforcement_action=action,
                notes=note,
                staff=practitioner,
                recorded_by=practitioner.user,
            )
    licence = _recallable_licence(practitioner, today)
    if licence is not None:
        person = licence.event.person
        missed = _working_day_before(today - timedelta(days=2))
        Contact.objects.create(
            person=person,
            contact_type="COAP",
            happened_at=_at(missed, 11),
            outcome="AFTA",
            enforcement_action="EA11",
            notes="Not at the approved address; phone switched off.",
            staff=practitioner,
            recorded_by=practitioner.user,
        )
        RecallConsideration.objects.create(
            person=person,
            sentence=licence,
            considered_on=today - timedelta(days=1),
            why="CONTACT_STOPPED",
            recommended_type="FIXED_TERM",
            notes="Whereabouts unknown since the missed appointment.",
            considered_by=practitioner.user,
            decision="RECALL",
            decided_at=now - timedelta(hours=3),
            decided_by=users.get(username="manager"),
            decision_notes="Contact lost: recall to manage the risk.",
            countersigned_at=now - timedelta(hours=2),
            countersigned_by=users.get(username="head"),
        )
