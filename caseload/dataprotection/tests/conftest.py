"""A head of the case's delivery unit (who answers subject-access requests), and a case with one
of everything held about a person, recorded through the actions as a practitioner would."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.contacts.actions import record_contact
from caseload.organisation.constants import Grade, Role
from caseload.people.actions import record_circumstance_change
from caseload.people.models import LicenceCondition, Sentence
from caseload.risk.actions import record_assessment, register_flag, review_registration
from caseload.testing.assessments import dynamic_answers
from caseload.testing.factories import SentenceFactory, StaffFactory, TeamFactory, UserFactory


@pytest.fixture
def head(team):  # type: ignore[no-untyped-def]
    return StaffFactory(
        team=TeamFactory(delivery_unit=team.delivery_unit),
        role=Role.HEAD_OF_PDU,
        grade=Grade.OTHER,
        user__username="hana",
        user__first_name="Hana",
        user__last_name="Head",
    )


@pytest.fixture
def full_case(practitioner, case):  # type: ignore[no-untyped-def]
    """The shared case with a contact, a circumstance, a registration and its review, an
    assessment, a licence condition and a limited-access row, each with its history."""
    user = practitioner.user
    today = timezone.localdate()
    record_contact(
        case.crn,
        acting_user=user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(hours=2),
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
    )
    registration = register_flag(
        case.crn, acting_user=user, register="RMRH", registered_on=today, notes="Risk to partner"
    )
    review_registration(
        case.crn, registration.pk, acting_user=user, reviewed_on=today, notes="No change"
    )
    record_assessment(
        case.crn, acting_user=user, completed_on=today, answers=dynamic_answers("arp")
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
    assert Sentence.objects.filter(event__person=case).count() == 2
    return case
