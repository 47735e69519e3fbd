from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.organisation.constants import Grade
from caseload.testing.factories import (
    AllocationFactory,
    PersonFactory,
    RequirementFactory,
    StaffFactory,
    case_held_by,
)
from caseload.tiering.models import CaseTier


def tiered(person, tier):  # type: ignore[no-untyped-def]
    CaseTier.objects.create(person=person, v2_tier=tier, calculated_at=timezone.now())
    return person


@pytest.fixture
def colleague(team):  # type: ignore[no-untyped-def]
    return StaffFactory(
        team=team, user__username="bella", user__first_name="Bella", user__last_name="Brown"
    )


@pytest.fixture
def pso(team):  # type: ignore[no-untyped-def]
    return StaffFactory(
        team=team,
        grade=Grade.PSO,
        user__username="pat",
        user__first_name="Pat",
        user__last_name="Singh",
    )


@pytest.fixture
def new_case(manager):  # type: ignore[no-untyped-def]
    """A case from court, held by the team manager until it is allocated."""
    person = PersonFactory(first_name="Nia", last_name="New")
    RequirementFactory(sentence__event__person=person)
    AllocationFactory(
        person=person, staff=manager, start_date=timezone.localdate() - timedelta(days=2)
    )
    return tiered(person, "B2")


@pytest.fixture
def held(practitioner):  # type: ignore[no-untyped-def]
    return tiered(case_held_by(practitioner, first_name="Hal", last_name="Held"), "C1")
