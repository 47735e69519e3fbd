"""A case with a lot recorded: many requirements, registrations (one review overdue) and
contacts with long notes and open enforcement. For the handover summary's page and print tests."""

from datetime import timedelta

from django.utils import timezone

from caseload.contacts.models import Contact
from caseload.organisation.models import Staff
from caseload.people.models import Circumstance, Person, Requirement, Sentence
from caseload.risk.models import Registration, RegistrationReview
from caseload.testing.factories import case_held_by

LONG_NOTE = (
    "Discussed progress on the sentence plan, accommodation at the hostel, the work search "
    "and the relapse-prevention plan; agreed to bring evidence of the college place next time. "
) * 3
REQUIREMENTS = [
    ("W", 150, "HOURS"),
    ("CUR", 4, "MONTHS"),
    ("PROG", 28, "DAYS"),
    ("DRR", 6, "MONTHS"),
    ("ATR", 6, "MONTHS"),
    ("EXC", 12, "MONTHS"),
    ("PROH", 12, "MONTHS"),
    ("RES", 6, "MONTHS"),
]
REGISTERS = [
    ("RVHR", "", "", 200),
    ("MAPP", "M2", "M2", 200),
    ("ADVP", "", "", 150),
    ("RCCO", "", "", 120),
    ("AV2S", "", "", 90),
    ("ALSH", "", "", 60),
    ("WEAP", "", "", 30),
]


def rich_case(practitioner: Staff, **person_fields: object) -> Person:
    person = case_held_by(practitioner, **person_fields)
    today = timezone.localdate()
    sentence = Sentence.objects.get(event__person=person)
    for category, length, unit in REQUIREMENTS:
        Requirement.objects.create(
            sentence=sentence,
            category=category,
            length=length,
            length_unit=unit,
            start_date=sentence.sentence_date,
        )
    for register, category, level, days_ago in REGISTERS:
        registration = Registration.objects.create(
            person=person,
            register=register,
            category=category,
            level=level,
            registered_on=today - timedelta(days=days_ago),
            notes="Risk to a former partner.",
        )
        if register == "MAPP":
            RegistrationReview.objects.create(
                registration=registration, reviewed_on=today - timedelta(days=80)
            )
    Circumstance.objects.create(
        person=person, kind="ACCOMMODATION", status="APPROVED_PREMISES", start_date=today
    )
    Circumstance.objects.create(
        person=person, kind="EMPLOYMENT", status="UNEMPLOYED", start_date=today
    )
    now = timezone.now()
    for n in range(30):
        failed = n in (2, 9)
        Contact.objects.create(
            person=person,
            contact_type="COAP",
            happened_at=now - timedelta(days=7 * n + 1),
            outcome="AFTA" if failed else "ATTC",
            enforcement_action="EA02" if failed else "",
            notes=LONG_NOTE,
            sensitive=n == 1,
            staff=practitioner,
        )
    return person
