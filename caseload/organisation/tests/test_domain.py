"""Who may hold a case and when an allocation may start (pure: no database), with the grades
that hold cases kept in step with the staff grades."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseload.organisation.constants import Grade
from caseload.organisation.domain import (
    CASE_HOLDING_GRADES,
    NewAllocation,
    NewStaff,
    validate_allocation,
    validate_organisation_unit,
    validate_staff,
)

GRADES = {str(g) for g in Grade.values}


def allocation(**fields: object) -> NewAllocation:
    values: dict[str, object] = {
        "practitioner_grade": "PO",
        "practitioner_has_team": True,
        "start_date": date(2025, 6, 2),
        "current_since": date(2024, 9, 16),
    }
    return NewAllocation(**{**values, **fields})  # type: ignore[arg-type]


def rules(new: NewAllocation) -> list[tuple[str, str]]:
    return [(p.field, p.rule) for p in validate_allocation(new)]


def test_the_case_holding_grades_are_staff_grades():
    assert CASE_HOLDING_GRADES <= GRADES
    assert {"PO", "PSO", "PQIP"} == CASE_HOLDING_GRADES


@pytest.mark.parametrize("grade", ["PO", "PSO", "PQIP"])
def test_probation_officers_psos_and_trainees_hold_cases(grade):
    assert rules(allocation(practitioner_grade=grade)) == []


@pytest.mark.parametrize("grade", ["SPO", "OTHER", None, "CHIEF"])
def test_managers_and_other_staff_do_not_hold_cases(grade):
    new = allocation(practitioner_grade=grade)
    assert rules(new) == [("staff", "not_case_holding")]
    assert validate_allocation(new)[0].message == "Select a practitioner who holds cases"


def test_a_practitioner_without_a_team_cannot_hold_a_case():
    assert rules(allocation(practitioner_has_team=False)) == [("staff", "not_case_holding")]


def test_the_start_date_is_required():
    assert rules(allocation(start_date=None)) == [("start_date", "required")]


def test_an_allocation_may_start_in_the_future():
    assert rules(allocation(start_date=date(2030, 1, 7))) == []


def test_an_allocation_cannot_start_before_the_current_one():
    new = allocation(start_date=date(2024, 9, 15))
    assert rules(new) == [("start_date", "before_current")]
    assert "16 September 2024" in validate_allocation(new)[0].message
    assert rules(allocation(start_date=date(2024, 9, 16))) == []


def test_an_unallocated_case_may_be_allocated_from_any_date():
    assert rules(allocation(start_date=date(2001, 1, 1), current_since=None)) == []


def test_every_problem_is_reported_at_once():
    new = allocation(practitioner_grade="SPO", start_date=None)
    assert rules(new) == [("staff", "not_case_holding"), ("start_date", "required")]
    new = allocation(practitioner_has_team=False, start_date=date(2024, 1, 1))
    assert rules(new) == [("staff", "not_case_holding"), ("start_date", "before_current")]


DATES = st.none() | st.dates()


@given(
    grade=st.sampled_from(sorted(GRADES)) | st.none() | st.text(max_size=8),
    has_team=st.booleans(),
    start_date=DATES,
    current_since=DATES,
)
def test_validation_never_raises_and_reports_each_broken_rule(
    grade, has_team, start_date, current_since
):
    got = rules(NewAllocation(grade, has_team, start_date, current_since))
    expected = []
    if grade not in CASE_HOLDING_GRADES or not has_team:
        expected.append(("staff", "not_case_holding"))
    if start_date is None:
        expected.append(("start_date", "required"))
    elif current_since is not None and start_date < current_since:
        expected.append(("start_date", "before_current"))
    assert got == expected


def test_the_staff_rules_know_every_grade_and_role():
    from caseload.organisation.constants import Role
    from caseload.organisation.domain import GRADES as DOMAIN_GRADES
    from caseload.organisation.domain import ROLES

    assert DOMAIN_GRADES == GRADES
    assert {str(r) for r in Role.values} == ROLES


def staff(**fields: object) -> NewStaff:
    values: dict[str, object] = {
        "username": "jsmith",
        "officer_code": "N01P001",
        "first_name": "Jo",
        "last_name": "Smith",
        "grade": "PO",
        "role": "practitioner",
        "contracted_hours": Decimal("37"),
    }
    return NewStaff(**{**values, **fields})  # type: ignore[arg-type]


def test_a_member_of_staff_needs_a_username_a_code_a_grade_a_role_and_their_hours():
    assert validate_staff(staff()) == []
    problems = validate_staff(
        staff(
            username="j smith",
            officer_code="",
            grade="X",
            role="boss",
            contracted_hours=Decimal("49"),
        )
    )
    assert [(p.field, p.rule) for p in problems] == [
        ("username", "username_format"),
        ("officer_code", "required"),
        ("grade", "unknown_code"),
        ("role", "unknown_code"),
        ("contracted_hours", "out_of_range"),
    ]


@given(st.decimals(min_value=0, max_value=48, places=2))
def test_any_hours_from_0_to_48_to_the_minute_are_contracted_hours(hours: Decimal):
    assert validate_staff(staff(contracted_hours=hours)) == []


def test_a_region_unit_or_team_has_a_code_no_longer_than_its_own_and_a_name():
    assert validate_organisation_unit("NE", "North East", longest_code=10) == []
    problems = validate_organisation_unit("NE01TEAM0001X", "", longest_code=12)
    assert [(p.field, p.rule) for p in problems] == [("code", "max_length"), ("name", "required")]
