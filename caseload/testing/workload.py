"""A practitioner's week that does not fit, for the workload's tests and browser tests."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from caseload.essentials.models import EssentialDue
from caseload.organisation.models import Staff
from caseload.people.models import Person
from caseload.testing.factories import AppointmentFactory, case_held_by
from caseload.tiering.models import CaseTier


def a_week_that_does_not_fit(practitioner: Staff) -> Person:
    """On 10 hours a week the practitioner holds a B2 and a C1 community case, each with an
    overdue RoSH assessment (180 minutes), and has an office visit (45 + 15 recording) and a
    home visit (60 + 15 + 40 travel) booked on Wednesday and Thursday: 535 minutes against 461
    for planned work (600 with 30% kept back), so the home visit, last in priority, does not
    fit."""
    practitioner.contracted_hours = Decimal(10)
    practitioner.save()
    today = timezone.localdate()
    case = case_held_by(practitioner, crn="X100001", first_name="Ben", last_name="Jones")
    other = case_held_by(practitioner, crn="X100002", first_name="Cara", last_name="Smith")
    now = timezone.now()
    for person, tier in ((case, "B2"), (other, "C1")):
        CaseTier.objects.create(person=person, v2_tier=tier, calculated_at=now)
        EssentialDue.objects.create(
            person=person,
            kind="rosh_assessment",
            state="due",
            due_on=today - timedelta(days=3),
            reason="Due within 15 working days of the sentence",
            facts_as_at=today,
        )
    monday = today - timedelta(days=today.weekday())
    at = timezone.make_aware(datetime.combine(monday + timedelta(days=2), time(10)))
    AppointmentFactory(person=case, with_staff=practitioner, starts_at=at)
    AppointmentFactory(
        person=case, with_staff=practitioner, contact_type="CHVS", starts_at=at + timedelta(days=1)
    )
    return case
