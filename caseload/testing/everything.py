"""A case with one of everything held about a person, recorded as a practitioner would, and a
head of delivery unit: for the data-protection tests (subject access, retention)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.contacts.actions import record_contact
from caseload.diary.actions import (
    arrange_appointment,
    record_appointment_outcome,
    reschedule_appointment,
)
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration
from caseload.essentials.actions import snooze_essential
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation, Handover, Staff, Team
from caseload.people.actions import record_circumstance_change
from caseload.people.models import LicenceCondition, Person, Sentence
from caseload.people.personal_actions import (
    add_personal_contact,
    change_phone_and_email,
    record_address,
    record_disability,
)
from caseload.plans.actions import (
    record_management_oversight,
    record_risk_management_plan,
    record_sentence_plan,
)
from caseload.reports.actions import complete_report, request_report
from caseload.risk.actions import (
    record_assessment,
    record_rosh_summary,
    record_tool_assessment,
    register_flag,
    review_registration,
)
from caseload.safeguarding.actions import record_enquiry_response, request_enquiry
from caseload.testing.assessments import dynamic_answers
from caseload.testing.factories import (
    AppointmentFactory,
    SentenceFactory,
    StaffFactory,
    TeamFactory,
    UserFactory,
    case_held_by,
)


def head_of_delivery_unit(team: Team, **user: Any) -> Staff:
    """A head of `team`'s delivery unit, in a team of their own: answers subject-access requests."""
    return StaffFactory(  # type: ignore[no-any-return]
        team=TeamFactory(delivery_unit=team.delivery_unit),
        role=Role.HEAD_OF_PDU,
        grade=Grade.OTHER,
        **{f"user__{name}": value for name, value in user.items()},
    )


def case_with_everything(practitioner: Staff) -> Person:
    """A case of `practitioner`'s with two contacts (one sensitive, the other the outcome of an
    appointment), a series of appointments with one rescheduled, a circumstance, an address,
    phone and email, a personal contact, a disability with an adjustment, a registration and its
    review, an assessment and a SARA, a licence with a condition naming someone and a
    limited-access row, each with its history, and the handover that gave it to `practitioner`;
    its scores and tiers are derived."""
    case = case_held_by(practitioner)
    current = case.allocations.get()
    before = Allocation.objects.create(
        person=case,
        staff=StaffFactory(team=practitioner.team),
        team=practitioner.team,
        start_date=current.start_date - timedelta(days=200),
        end_date=current.start_date,
    )
    Handover.objects.create(allocation=current, handed_over_from=before)
    user = practitioner.user
    today = timezone.localdate()
    seen = AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=2)
    )
    record_appointment_outcome(
        case.crn,
        acting_user=user,
        appointment_id=seen.pk,
        outcome="ATTC",
        notes="Talked about his sister Jane, who he is not to contact.",
    )
    record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(hours=1),
        outcome="ATTC",
        notes="Victim's new address discussed with police.",
        sensitive=True,
    )
    record_circumstance_change(
        case.crn,
        acting_user=user,
        kind="ACCOMMODATION",
        status="SETTLED",
        start_date=today,
        notes="Lives with his partner.",
        replacing=None,
    )
    record_address(
        case.crn,
        acting_user=user,
        kind="MAIN",
        line_1="1 Example Street",
        town="Sheffield",
        postcode="S1 2AB",
        start_date=today,
        replacing=None,
    )
    change_phone_and_email(case.crn, acting_user=user, mobile="07700 900123", replacing=None)
    add_personal_contact(
        case.crn,
        acting_user=user,
        kind="NEXT_OF_KIN",
        name="Mary Walker",
        relationship="Mother",
        phone="01632 960001",
        address="2 Example Street, Sheffield",
    )
    record_disability(
        case.crn, acting_user=user, kind="HEARING", start_date=today, adjustments=["HEARING_LOOP"]
    )
    registration = register_flag(
        case.crn, acting_user=user, register="RMRH", registered_on=today, notes="Risk to partner"
    )
    review_registration(
        case.crn,
        registration.pk,
        acting_user=user,
        reviewed_on=today,
        notes="No change",
        expected_version=registration.version,
    )
    record_assessment(
        case.crn, acting_user=user, completed_on=today, answers=dynamic_answers("arp")
    )
    record_tool_assessment(case.crn, acting_user=user, tool="SARA", completed_on=today)
    record_rosh_summary(
        case.crn,
        acting_user=user,
        assessed_on=today,
        source="OASYS",
        public="LOW",
        known_adult="MEDIUM",
        children="LOW",
        staff="LOW",
    )
    licence = SentenceFactory(
        event__person=case, event__number=2, sentence_type="LIC", release_date=today
    )
    LicenceCondition.objects.create(
        sentence=licence,
        category="NON_CONTACT",
        description="No contact with Jane Walker",
        start_date=today,
    )
    LimitedAccess.objects.create(
        person=case,
        kind=LimitedAccessKind.EXCLUSION,
        user=UserFactory(username="neighbour"),
        start_date=today,
        reason="Lives next door to the person",
    )
    _diary(case, user)
    manager = StaffFactory(team=practitioner.team, role=Role.MANAGER, grade=Grade.SPO)
    _plans_and_enquiries(case, user, manager.user)
    _enforcement(case, licence, user)
    snooze_essential(
        case.crn,
        acting_user=user,
        kind="registration_review",
        subject=f"registration {registration.pk}",
        reason="Review with the police at next week's meeting",
        until=today + timedelta(days=7),
    )
    return case


def _plans_and_enquiries(case: Person, user: Any, manager: Any) -> None:
    """An answered police enquiry, a sentence plan, a risk management plan and oversight."""
    today = timezone.localdate()
    enquiry = request_enquiry(
        case.crn, acting_user=user, kind="POLICE_DA", reason="START", requested_on=today
    )
    record_enquiry_response(
        case.crn,
        acting_user=user,
        enquiry_id=enquiry.pk,
        expected_version=enquiry.version,
        responded_on=today,
        response="INFORMATION_SHARED",
        response_notes="Police attended the partner's address in March",
    )
    record_sentence_plan(
        case.crn,
        acting_user=user,
        completed_on=today,
        contact_every_days=7,
        notes="Weekly until the course starts",
    )
    record_risk_management_plan(
        case.crn, acting_user=user, completed_on=today, notes="No contact with the partner"
    )
    record_management_oversight(
        case.crn, acting_user=manager, recorded_on=today, notes="Agreed weekly contact"
    )
    report = request_report(
        case.crn, acting_user=user, kind="FAST", requested_on=today, due_on=today
    )
    complete_report(
        case.crn,
        report.pk,
        acting_user=user,
        expected_version=report.version,
        completed_on=today,
    )


def _enforcement(case: Person, licence: Sentence, user: object) -> None:
    """A breach and a later decision on one of its contacts, and a recall on the licence."""
    contact = case.contacts.order_by("pk").first()
    assert contact is not None
    today = timezone.localdate()
    FailureDecision.objects.create(
        person=case,
        contact=contact,
        previous_action="EA12",
        action="IBR",
        decided_on=today,
        reason="A further failure",
        decided_by=user,
    )
    Breach.objects.create(
        person=case,
        sentence=licence,
        started_by=contact,
        started_on=today,
        pack_sent_on=today,
        notes="Pack includes the warning letter",
    )
    RecallConsideration.objects.create(
        person=case,
        sentence=licence,
        considered_on=today,
        why="RISK_INCREASED",
        recommended_type="STANDARD",
        considered_by=user,
    )


def _diary(case: Person, user: Any) -> None:
    """A weekly series with one occurrence moved."""
    starts = timezone.now() + timedelta(days=1)
    series = arrange_appointment(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        starts_at=starts,
        duration_minutes=30,
        location="Northbridge probation office",
        notes="Bring the letter from the housing officer",
        repeat="week",
        repeat_until=timezone.localdate(starts) + timedelta(days=14),
    )
    reschedule_appointment(
        case.crn,
        acting_user=user,
        appointment_id=series[1].pk,
        starts_at=series[1].starts_at + timedelta(hours=2),
        reason="Her sister's hospital appointment",
        requested_by="person",
    )
