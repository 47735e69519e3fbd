"""Two rich cases for the case record's tests: a very high RoSH licence case with MAPPA, flags,
warnings and a recall, and a community order with unpaid work and RAR well under way."""

from datetime import timedelta

from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.organisation.models import Staff
from caseload.people.models import LicenceCondition, Person
from caseload.risk.actions import record_rosh_summary, register_flag
from caseload.testing.factories import (
    AllocationFactory,
    CriminalHistoryFactory,
    PersonFactory,
    RequirementFactory,
    SentenceFactory,
)


def _at(days_ago: int, hour: int = 10) -> object:
    moment = timezone.localtime() - timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def very_high_risk_licence_case(staff: Staff) -> Person:
    """Released on licence 200 days ago for two years; very high RoSH to the public, MAPPA
    category 2 level 2, domestic abuse and child protection flags; two failures, a first
    warning and a recall requested."""
    today = timezone.localdate()
    person = PersonFactory(first_name="Craig", last_name="Begum")
    CriminalHistoryFactory(person=person)
    sentence = SentenceFactory(
        event__person=person,
        event__offence_description="Wounding with intent",
        event__offence_code="00501",
        sentence_type="LIC",
        sentence_date=today - timedelta(days=900),
        length=48,
        length_unit="MONTHS",
        release_date=today - timedelta(days=200),
        licence_expiry_date=today + timedelta(days=530),
    )
    LicenceCondition.objects.create(
        sentence=sentence,
        category="NON_CONTACT",
        description="No contact with the victim or her family",
        start_date=sentence.release_date,
    )
    LicenceCondition.objects.create(
        sentence=sentence, category="EXCLUSION_ZONE", start_date=sentence.release_date
    )
    AllocationFactory(person=person, staff=staff, start_date=today - timedelta(days=200))
    user = staff.user
    record_rosh_summary(
        person.crn,
        acting_user=user,
        assessed_on=today - timedelta(days=150),
        source="OASYS",
        public="VERY_HIGH",
        known_adult="HIGH",
        children="MEDIUM",
        staff="LOW",
    )
    for register, category, level in (
        ("MAPP", "M2", "M2"),
        ("ADVP", "", ""),
        ("RCPR", "", ""),
        ("AV2S", "", ""),
    ):
        register_flag(
            person.crn,
            acting_user=user,
            register=register,
            category=category,
            level=level,
            registered_on=today - timedelta(days=190),
        )
    for days_ago, outcome, action in (
        (60, "AFTA", "EA02"),
        (30, "UAAB", "EA11"),
        (20, "AAME", ""),
        (10, "ATTC", ""),
    ):
        record_contact(
            person.crn,
            acting_user=user,
            contact_type="COAP",
            happened_at=_at(days_ago),
            outcome=outcome,
            enforcement_action=action,
        )
    return person


def community_order_under_way(staff: Staff) -> Person:
    """A 12-month community order from 110 days ago: 100 hours of unpaid work (two sessions,
    13 hours 30 minutes credited) and a 20-day RAR (3 days used, one missed)."""
    person = PersonFactory(first_name="Jordan", last_name="Hughes")
    CriminalHistoryFactory(person=person)
    rar = RequirementFactory(sentence__event__person=person)
    RequirementFactory(sentence=rar.sentence, category="W", length=100, length_unit="HOURS")
    AllocationFactory(person=person, staff=staff)
    user = staff.user
    for days_ago, minutes in ((40, 420), (33, 390)):
        record_contact(
            person.crn,
            acting_user=user,
            contact_type="UPWS",
            happened_at=_at(days_ago),
            outcome="ATTC",
            minutes_credited=minutes,
        )
    for days_ago, hour, outcome, decision in (
        (50, 10, "ATTC", ""),
        (50, 14, "ATTC", ""),
        (45, 10, "ATTC", ""),
        (38, 10, "ATTC", ""),
        (31, 10, "AFTA", "EA02"),
    ):
        record_contact(
            person.crn,
            acting_user=user,
            contact_type="COAP",
            happened_at=_at(days_ago, hour),
            outcome=outcome,
            enforcement_action=decision,
            rar_activity=True,
        )
    return person
