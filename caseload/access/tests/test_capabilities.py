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
    Role.PRACTITIONER: {C.HOLD_CASES, C.SEE_CASE, C.CHANGE_CASE, C.SEE_SENSITIVE},
    Role.MANAGER: {
        C.SEE_CASE,
        C.CHANGE_CASE,
        C.SEE_SENSITIVE,
        C.SEE_CASE_AUDIT,
        C.MANAGE_LIMITED_ACCESS,
        C.SEE_AGGREGATES,
        C.OVERSEE_CASES,
        C.DECIDE_RECALL,
        C.SEE_RETURNS,
    },
    Role.HEAD_OF_PDU: {
        C.SEE_CASE,
        C.SEE_SENSITIVE,
        C.SEE_CASE_AUDIT,
        C.MANAGE_LIMITED_ACCESS,
        C.EXPORT_SUBJECT_ACCESS,
        C.SEE_AGGREGATES,
        C.EXPORT_RETURNS,
        C.OVERSEE_CASES,
        C.DECIDE_RECALL,
        C.SEE_RETURNS,
    },
    Role.ANALYST: {C.SEE_CASE, C.SEE_AGGREGATES, C.SEE_RETURNS, C.EXPORT_RETURNS},
    Role.STAFF_REP: {C.SEE_AGGREGATES},
    Role.ADMIN: {C.MANAGE_USERS, C.MANAGE_REFERENCE_DATA, C.SEE_CASE_AUDIT, C.SEE_AGGREGATES},
}


def user_with_role(role: Role, *, active: bool = True, is_staff: bool = False) -> User:
    """An unsaved user and staff record: the table needs no database."""
    user = User(username=role.value, is_active=active, is_staff=is_staff)
    Staff(user=user, role=role)
    return user


def test_every_role_is_in_the_table():
    assert set(EXPECTED) == set(Role)


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_exactly_its_capabilities(role, capability):
    assert has_capability(user_with_role(role), capability) == (capability in EXPECTED[role])


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


@pytest.mark.parametrize("role", list(Role))
def test_an_administrator_flag_adds_administration_but_no_case_access(role):
    user = user_with_role(role, is_staff=True)
    assert has_capability(user, C.MANAGE_USERS)
    assert has_capability(user, C.SEE_CASE) == (C.SEE_CASE in EXPECTED[role])


def test_an_administrator_sees_no_case_records():
    assert not has_capability(user_with_role(Role.ADMIN), C.SEE_CASE)
