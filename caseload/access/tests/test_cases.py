"""Who may see and change a case: the rules of caseload.access.capabilities, applied to cases."""

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import (
    countable_allocations,
    get_case_for_user,
    visible_cases,
)
from caseload.access.models import AuditEvent, LimitedAccess
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory, TeamFactory


def test_the_practitioner_sees_and_may_change_their_case(practitioner, case):
    assert get_case_for_user(practitioner.user, case.crn) == case
    assert get_case_for_user(practitioner.user, case.crn, write=True) == case


def test_a_practitioner_in_the_same_team_may_cover_the_case(case, team):
    colleague = StaffFactory(team=team)
    assert get_case_for_user(colleague.user, case.crn, write=True) == case


def test_the_manager_sees_and_may_change_the_teams_cases(manager, case):
    assert get_case_for_user(manager.user, case.crn, write=True) == case


def test_it_refuses_a_practitioner_from_another_unit(outsider, case):
    with pytest.raises(Http404):
        get_case_for_user(outsider.user, case.crn)
    assert visible_cases(outsider.user).count() == 0


def test_a_refusal_is_audited_as_a_failure(outsider, case):
    with pytest.raises(Http404):
        get_case_for_user(outsider.user, case.crn)
    event = AuditEvent.objects.get(action="VIEW_CASE")
    assert (event.user, event.crn, event.outcome) == (outsider.user, case.crn, "FAIL")


def test_a_read_is_audited(practitioner, case):
    get_case_for_user(practitioner.user, case.crn)
    assert (
        AuditEvent.objects.filter(action="VIEW_CASE", crn=case.crn, outcome="SUCCESS").count() == 1
    )


def test_a_staff_representative_sees_no_case(rep, case):
    assert visible_cases(rep.user).count() == 0
    with pytest.raises(Http404):
        get_case_for_user(rep.user, case.crn)


def test_an_analyst_sees_cases_in_the_delivery_unit_but_may_not_change_them(case, team):
    analyst = StaffFactory(
        team=TeamFactory(delivery_unit=team.delivery_unit), role=Role.ANALYST, grade=Grade.OTHER
    )
    assert get_case_for_user(analyst.user, case.crn) == case
    assert not has_capability(analyst.user, Capability.CHANGE_CASE)
    with pytest.raises(Http404):
        get_case_for_user(analyst.user, case.crn, write=True)


def test_a_head_of_unit_sees_every_team_in_the_unit(case, team):
    head = StaffFactory(
        team=TeamFactory(delivery_unit=team.delivery_unit), role=Role.HEAD_OF_PDU, grade=Grade.OTHER
    )
    assert list(visible_cases(head.user)) == [case]


def test_an_inactive_user_sees_nothing(practitioner, case):
    practitioner.user.is_active = False
    practitioner.user.save()
    with pytest.raises(Http404):
        get_case_for_user(practitioner.user, case.crn)


def test_a_user_without_a_staff_record_sees_nothing(case, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x" * 12)
    assert visible_cases(user).count() == 0


def test_an_unknown_crn_is_not_found(practitioner):
    with pytest.raises(Http404):
        get_case_for_user(practitioner.user, "Z999999")


def test_a_case_moved_to_another_team_is_no_longer_visible(practitioner, case, outsider):
    from caseload.organisation.models import Allocation

    Allocation.objects.filter(person=case).update(staff=outsider, team=outsider.team)
    with pytest.raises(Http404):
        get_case_for_user(practitioner.user, case.crn)
    assert get_case_for_user(outsider.user, case.crn) == case


def test_an_administrator_sees_no_case(case):
    admin = StaffFactory(team=case.allocations.get().team, role=Role.ADMIN, grade=Grade.OTHER)
    assert visible_cases(admin.user).count() == 0
    with pytest.raises(Http404):
        get_case_for_user(admin.user, case.crn)


def test_an_administrator_who_also_holds_cases_sees_their_teams_cases(practitioner, case):
    practitioner.user.is_staff = True
    practitioner.user.save()
    assert get_case_for_user(practitioner.user, case.crn, write=True) == case


def test_a_practitioner_sees_but_may_not_change_another_teams_case_in_the_unit(case, team):
    neighbour = StaffFactory(team=TeamFactory(delivery_unit=team.delivery_unit))
    assert get_case_for_user(neighbour.user, case.crn) == case
    with pytest.raises(Http404):
        get_case_for_user(neighbour.user, case.crn, write=True)


def test_the_visibility_setting_widens_what_staff_see_to_their_region(case, outsider, settings):
    assert visible_cases(outsider.user).count() == 0
    outsider.team.delivery_unit.region = case.allocations.get().team.delivery_unit.region
    outsider.team.delivery_unit.save()
    settings.CASE_VISIBILITY = "region"
    assert list(visible_cases(outsider.user)) == [case]


def test_the_visibility_setting_widens_what_staff_see_to_the_nation(case, outsider, settings):
    settings.CASE_VISIBILITY = "nation"
    assert list(visible_cases(outsider.user)) == [case]
    with pytest.raises(Http404):
        get_case_for_user(outsider.user, case.crn, write=True)


def test_an_analyst_counts_a_case_they_are_excluded_from_but_cannot_see_it(case, analyst):
    LimitedAccess.objects.create(
        person=case, kind="exclusion", user=analyst.user, start_date=timezone.localdate(),
        reason="A relative",
    )  # fmt: skip
    assert [a.person for a in countable_allocations(analyst.user)] == [case]
    assert visible_cases(analyst.user).count() == 0


def test_no_one_without_returns_counts_cases(case, practitioner, rep):
    for staff in (practitioner, rep):
        assert countable_allocations(staff.user).count() == 0
