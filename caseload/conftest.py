"""Personas shared by every test (after healthchecks' BaseTestCase): the case's practitioner,
their manager, a practitioner in another delivery unit, a staff representative, and the case."""

import pytest
from django.conf import settings as django_settings

from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory, TeamFactory, case_held_by

PRODUCTION_PASSWORD_HASHERS = list(django_settings.PASSWORD_HASHERS)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Every test user has a password; a production-strength hash costs a large fraction of a
    second each. Django's own advice for test suites; tests of hashing itself ask for
    `production_password_hashing`."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def production_password_hashing(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = PRODUCTION_PASSWORD_HASHERS


@pytest.fixture
def team(db):  # type: ignore[no-untyped-def]
    return TeamFactory()


@pytest.fixture
def practitioner(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, user__username="alice", user__first_name="Alice")


@pytest.fixture
def manager(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.SPO, role=Role.MANAGER, user__username="mona")


@pytest.fixture
def outsider(db):  # type: ignore[no-untyped-def]
    return StaffFactory(user__username="oscar")


@pytest.fixture
def rep(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.OTHER, role=Role.STAFF_REP, user__username="rita")


@pytest.fixture
def analyst(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.OTHER, role=Role.ANALYST, user__username="andy")


@pytest.fixture
def case(practitioner):  # type: ignore[no-untyped-def]
    return case_held_by(practitioner)
