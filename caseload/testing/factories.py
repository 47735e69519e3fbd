"""Factories for realistic test data. Facts are created directly here (test set-up), and the
tests then change them through the actions, as users would."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from caseload.diary.models import Appointment
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation, DeliveryUnit, Region, Staff, Team
from caseload.people.models import CriminalHistory, Event, Person, Requirement, Sentence
from caseload.plans.models import ManagementOversight, RiskManagementPlan, SentencePlan
from caseload.reports.models import Report
from caseload.safeguarding.models import Enquiry


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "LON"
    name = "London"


class DeliveryUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliveryUnit

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"PDU{n:03d}")
    name = factory.Sequence(lambda n: f"Camden {n} PDU")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    delivery_unit = factory.SubFactory(DeliveryUnitFactory)
    code = factory.Sequence(lambda n: f"TM{n:04d}")
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Officer{n}")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Staff

    user = factory.SubFactory(UserFactory)
    officer_code = factory.Sequence(lambda n: f"O{n:06d}")
    grade = Grade.PO
    role = Role.PRACTITIONER
    team = factory.SubFactory(TeamFactory)
    contracted_hours = Decimal("37")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    crn = factory.Sequence(lambda n: f"X{n:06d}")
    first_name = "Daniel"
    last_name = factory.Sequence(lambda n: f"Walker{n}")
    date_of_birth = date(1990, 5, 17)
    sex = "MALE"


class CriminalHistoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriminalHistory

    person = factory.SubFactory(PersonFactory)
    total_sanctions = 6
    violent_sanctions = 1
    first_sanction_date = date(2006, 3, 1)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    person = factory.SubFactory(PersonFactory)
    number = 1
    offence_code = "10501"
    offence_description = "Common assault"
    offence_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=200))
    conviction_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=120))


class SentenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sentence

    event = factory.SubFactory(EventFactory)
    sentence_type = "CO"
    sentence_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=110))
    length = 12
    length_unit = "MONTHS"


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    sentence = factory.SubFactory(SentenceFactory)
    category = "F"
    length = 20
    length_unit = "DAYS"
    start_date = factory.LazyAttribute(lambda o: o.sentence.sentence_date)


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    person = factory.SubFactory(PersonFactory)
    staff = factory.SubFactory(StaffFactory)
    team = factory.LazyAttribute(lambda o: o.staff.team)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=100))


class AppointmentFactory(factory.django.DjangoModelFactory):
    """An office visit tomorrow at 10am UK time, with the case's practitioner by default."""

    class Meta:
        model = Appointment

    person = factory.SubFactory(PersonFactory)
    contact_type = "COAP"
    starts_at = factory.LazyFunction(
        lambda: timezone.make_aware(
            datetime.combine(timezone.localdate() + timedelta(days=1), time(10, 0))
        )
    )
    duration_minutes = 30
    location = "Northbridge probation office"
    with_staff = factory.SubFactory(StaffFactory)
    must_attend = True


class EnquiryFactory(factory.django.DjangoModelFactory):
    """A police domestic-abuse enquiry requested at the start, a week ago, not yet answered."""

    class Meta:
        model = Enquiry

    person = factory.SubFactory(PersonFactory)
    kind = "POLICE_DA"
    reason = "START"
    requested_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))


class ReportFactory(factory.django.DjangoModelFactory):
    """A standard delivery pre-sentence report requested a fortnight ago, needed in a week."""

    class Meta:
        model = Report

    person = factory.SubFactory(PersonFactory)
    kind = "STANDARD"
    requested_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=14))
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))


class SentencePlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SentencePlan

    person = factory.SubFactory(PersonFactory)
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    contact_every_days = 14


class RiskManagementPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiskManagementPlan

    person = factory.SubFactory(PersonFactory)
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))


class ManagementOversightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManagementOversight

    person = factory.SubFactory(PersonFactory)
    recorded_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    staff = factory.SubFactory(StaffFactory, grade=Grade.SPO, role=Role.MANAGER)
    notes = "Reviewed the risk management plan; agreed weekly contact until the review."


def case_held_by(staff: Staff, **person_fields: object) -> Person:
    """A realistic case: person, criminal history, a community order with a RAR, allocated."""
    person = PersonFactory(**person_fields)
    CriminalHistoryFactory(person=person)
    RequirementFactory(sentence__event__person=person)
    AllocationFactory(person=person, staff=staff)
    return person
