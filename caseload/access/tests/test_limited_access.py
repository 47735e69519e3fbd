"""Limited-access cases: the one access function keeps excluded and restricted users out of
every list and every case read, and only a manager or head of unit changes the lists."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from caseload.access.actions import add_to_limited_access, end_limited_access
from caseload.access.cases import get_case_for_user, visible_cases
from caseload.access.domain import ListEntry, kept_out
from caseload.access.models import AuditEvent, LimitedAccess
from caseload.core.errors import ActionInvalid
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory, TeamFactory, case_held_by


def exclude(case, staff, by):  # type: ignore[no-untyped-def]
    return add_to_limited_access(
        case.crn,
        acting_user=by.user,
        kind="exclusion",
        username=staff.user.username,
        reason="Known to the person",
    )


def restrict(case, staff, by):  # type: ignore[no-untyped-def]
    return add_to_limited_access(
        case.crn,
        acting_user=by.user,
        kind="restriction",
        username=staff.user.username,
        reason="High-profile case",
    )


def test_an_excluded_practitioner_cannot_see_the_case_in_their_own_team(
    case, practitioner, manager, team
):
    colleague = StaffFactory(team=team)
    exclude(case, colleague, manager)
    assert case not in visible_cases(colleague.user)
    with pytest.raises(Http404):
        get_case_for_user(colleague.user, case.crn)
    assert get_case_for_user(practitioner.user, case.crn) == case


def test_the_refused_attempt_is_in_the_cases_audit(case, manager, team):
    colleague = StaffFactory(team=team)
    exclude(case, colleague, manager)
    with pytest.raises(Http404):
        get_case_for_user(colleague.user, case.crn)
    refusal = AuditEvent.objects.get(user=colleague.user, crn=case.crn)
    assert (refusal.action, refusal.outcome) == ("VIEW_CASE", "FAIL")


def test_a_restricted_case_is_seen_only_by_the_people_on_the_list(case, practitioner, manager):
    restrict(case, manager, manager)
    assert get_case_for_user(manager.user, case.crn) == case
    with pytest.raises(Http404):
        get_case_for_user(practitioner.user, case.crn)
    restrict(case, practitioner, manager)
    assert get_case_for_user(practitioner.user, case.crn, write=True) == case


def test_a_head_of_unit_not_on_the_restriction_list_cannot_see_it(case, manager, team):
    head = StaffFactory(
        team=TeamFactory(delivery_unit=team.delivery_unit), role=Role.HEAD_OF_PDU, grade=Grade.OTHER
    )
    assert case in visible_cases(head.user)
    restrict(case, manager, manager)
    assert case not in visible_cases(head.user)


def test_an_ended_exclusion_lets_the_person_back_in(case, manager, team):
    colleague = StaffFactory(team=team)
    entry = exclude(case, colleague, manager)
    end_limited_access(case.crn, entry.pk, acting_user=manager.user, end_date=timezone.localdate())
    assert get_case_for_user(colleague.user, case.crn) == case


def test_an_exclusion_from_a_later_date_applies_from_then(case, manager, team):
    colleague = StaffFactory(team=team)
    tomorrow = timezone.localdate() + timedelta(days=1)
    add_to_limited_access(
        case.crn,
        acting_user=manager.user,
        kind="exclusion",
        username=colleague.user.username,
        start_date=tomorrow,
    )
    assert case in visible_cases(colleague.user)
    assert case not in visible_cases(colleague.user, day=tomorrow)


def test_a_practitioner_may_not_change_the_lists(case, practitioner, team):
    colleague = StaffFactory(team=team)
    with pytest.raises(Http404):
        exclude(case, colleague, practitioner)
    assert not LimitedAccess.objects.exists()


def test_each_change_is_audited_with_who_was_named(case, manager, team):
    colleague = StaffFactory(team=team)
    entry = exclude(case, colleague, manager)
    event = AuditEvent.objects.get(action="ADD_LIMITED_ACCESS")
    assert (event.user, event.crn) == (manager.user, case.crn)
    assert event.detail == {"entry": entry.pk, "kind": "exclusion", "user": colleague.user.username}
    assert entry.history.count() == 1


def test_an_unknown_username_is_refused_naming_the_field(case, manager):
    with pytest.raises(ActionInvalid) as refused:
        add_to_limited_access(case.crn, acting_user=manager.user, kind="exclusion", username="zz")
    assert [p.field for p in refused.value.problems] == ["username"]
    assert not LimitedAccess.objects.exists()


class TheDatabaseRuleIsThePureRule(TestCase):  # type: ignore[misc]
    """`visible_cases` (SQL) and `kept_out` (pure) agree on any lists, on any day."""

    @classmethod
    def setUpTestData(cls):  # type: ignore[no-untyped-def]
        team = TeamFactory()
        cls.staff = [StaffFactory(team=team) for _ in range(3)]
        cls.case = case_held_by(cls.staff[0])

    @settings(max_examples=25, deadline=None)
    @given(
        rows=st.lists(
            st.tuples(
                st.sampled_from(["exclusion", "restriction"]),
                st.integers(0, 2),
                st.integers(-5, 5),
                st.none() | st.integers(-4, 8),
            ),
            max_size=5,
        ),
        viewer=st.integers(0, 2),
        offset=st.integers(-3, 3),
    )
    def test_it(self, rows, viewer, offset):  # type: ignore[no-untyped-def]
        staff, case = self.staff, self.case
        today = timezone.localdate()
        entries = []
        for kind, who, start, end in rows:
            finish = None if end is None else today + timedelta(days=start + 1 + abs(end))
            row = LimitedAccess.objects.create(
                person=case,
                kind=kind,
                user=staff[who].user,
                start_date=today + timedelta(days=start),
                end_date=finish,
            )
            entries.append(ListEntry(kind, row.user_id, row.start_date, row.end_date))
        day = today + timedelta(days=offset)
        user = staff[viewer].user
        seen = visible_cases(user, day=day).filter(pk=case.pk).exists()
        assert seen == (not kept_out(user.pk, entries, day))
