"""The role table, cell by cell: every role against every capability."""

import pytest
from django.contrib.auth.models import AnonymousUser, User

from caseload.access.capabilities import Capability, has_capability
from caseload.organisation.constants import Role
from caseload.organisation.models import Staff

C = Capability

# Written out again here, rather than read from the module, so that a change to who may do
# what has to be made twice, on purpose.
EXPECTED = {
    Role.PRACTITIONER: {C.HOLD_CASES, C.SEE_CASE, C.SEE_TEAM_CASES, C.CHANGE_CASE},
    Role.MANAGER: {C.SEE_CASE, C.SEE_TEAM_CASES, C.CHANGE_CASE, C.SEE_AGGREGATES},
    Role.HEAD_OF_PDU: {C.SEE_CASE, C.SEE_DELIVERY_UNIT_CASES, C.SEE_AGGREGATES, C.EXPORT_RETURNS},
    Role.ANALYST: {C.SEE_CASE, C.SEE_DELIVERY_UNIT_CASES, C.SEE_AGGREGATES, C.EXPORT_RETURNS},
    Role.ADMIN: {C.SEE_CASE, C.SEE_ALL_CASES},
    Role.STAFF_REP: {C.SEE_AGGREGATES},
}

CASE_SCOPES = {C.SEE_TEAM_CASES, C.SEE_DELIVERY_UNIT_CASES, C.SEE_ALL_CASES}


def user_with_role(role: Role, *, active: bool = True) -> User:
    """An unsaved user and staff record: the table needs no database."""
    user = User(username=role.value, is_active=active)
    Staff(user=user, role=role)
    return user


def test_every_role_is_in_the_table():
    assert set(EXPECTED) == set(Role)


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_exactly_its_capabilities(role, capability):
    assert has_capability(user_with_role(role), capability) == (capability in EXPECTED[role])


@pytest.mark.parametrize("role", list(Role))
def test_a_role_that_sees_cases_has_exactly_one_scope(role):
    scopes = CASE_SCOPES & {c for c in Capability if has_capability(user_with_role(role), c)}
    assert len(scopes) == (1 if has_capability(user_with_role(role), C.SEE_CASE) else 0)


@pytest.mark.parametrize("role", list(Role))
def test_only_a_role_that_sees_cases_may_change_them(role):
    user = user_with_role(role)
    assert not has_capability(user, C.CHANGE_CASE) or has_capability(user, C.SEE_CASE)


@pytest.mark.parametrize("capability", list(Capability))
def test_an_inactive_user_may_do_nothing(capability):
    assert not has_capability(user_with_role(Role.ADMIN, active=False), capability)
    assert not has_capability(user_with_role(Role.PRACTITIONER, active=False), capability)


@pytest.mark.parametrize("capability", list(Capability))
def test_a_user_without_a_staff_record_may_do_nothing(capability):
    assert not has_capability(User(username="nobody"), capability)


@pytest.mark.parametrize("capability", list(Capability))
def test_someone_not_signed_in_may_do_nothing(capability):
    assert not has_capability(AnonymousUser(), capability)
    assert not has_capability(None, capability)
