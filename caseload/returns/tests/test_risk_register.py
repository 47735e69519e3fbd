"""risk-register: the registrations in force on the day, their reviews, and overdue ones."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.core.dates import add_months
from caseload.returns.catalogue.risk_register import (
    NO_PERIOD,
    NOT_OVERDUE,
    OVERDUE,
    RETURN,
    review_cells,
)
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.scope import scope_for
from caseload.risk.constants import REGISTERS
from caseload.risk.models import Registration, RegistrationReview
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = TODAY - timedelta(days=20)


def _rows(user, day=DAY):
    scope = scope_for(user, ReturnFilters(as_at=day), TODAY)
    names = [c.name for c in RETURN.columns]
    return [dict(zip(names, row, strict=True)) for row in RETURN.rows(scope)]


def _summary(user, day=DAY):
    table = RETURN.summary(scope_for(user, ReturnFilters(as_at=day), TODAY))
    return {row[0]: tuple(row[1:]) for row in table.rows}


def _register(person, code, registered_on, **fields):
    return Registration.objects.create(
        person=person, register=code, registered_on=registered_on, **fields
    )


def test_it_lists_a_registration_in_force_with_its_register_in_words_and_who_holds_the_case(
    practitioner, analyst
):
    case = case_held_by(practitioner, first_name="Dean", last_name="Clark")
    _register(case, "ADVP", DAY - timedelta(days=10))

    [row] = _rows(analyst.user)

    assert row["crn"] == case.crn
    assert row["name"] == "Clark, Dean"
    assert row["register"] == "Domestic abuse perpetrator"
    assert row["level"] == ""
    assert row["registered_on"] == DAY - timedelta(days=10)
    assert row["last_review"] is None
    assert row["next_review"] == add_months(DAY - timedelta(days=10), 3)
    assert row["overdue"] == NOT_OVERDUE
    assert row["practitioner"] == practitioner.user.get_full_name()
    assert row["team"] == practitioner.team.name


def test_a_mappa_registration_shows_its_category_and_level(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "MAPP", DAY - timedelta(days=5), category="M2", level="M1")

    [row] = _rows(analyst.user)

    assert (row["register"], row["level"]) == ("MAPPA", "Category 2, level 1")


def test_it_reads_registrations_in_force_on_the_day_only(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "WEAP", DAY)  # starts on the day: in force
    _register(case, "ALSH", DAY + timedelta(days=1))  # starts the day after
    _register(case, "RCCO", DAY - timedelta(days=90), deregistered_on=DAY)  # ended on the day
    _register(case, "AMHL", DAY - timedelta(days=90), deregistered_on=DAY + timedelta(days=1))

    assert sorted(r["register"] for r in _rows(analyst.user)) == [
        "Mental health issues",
        "Weapons",
    ]


def test_the_next_review_runs_from_the_last_review_on_or_before_the_day(practitioner, analyst):
    case = case_held_by(practitioner)
    registration = _register(case, "RHRH", DAY - timedelta(days=300))
    for reviewed_on in (DAY - timedelta(days=150), DAY - timedelta(days=40), DAY + timedelta(1)):
        RegistrationReview.objects.create(registration=registration, reviewed_on=reviewed_on)

    [row] = _rows(analyst.user)

    assert row["last_review"] == DAY - timedelta(days=40)
    assert row["next_review"] == add_months(DAY - timedelta(days=40), 6)
    assert row["overdue"] == NOT_OVERDUE


def test_a_review_due_on_the_day_is_overdue_from_the_day_after(practitioner, analyst):
    case = case_held_by(practitioner)
    registered_on = add_months(DAY, -3)
    _register(case, "ARSO", registered_on)  # reviewed every 3 months
    due = add_months(registered_on, 3)

    assert _rows(analyst.user, due)[0]["overdue"] == NOT_OVERDUE
    assert _rows(analyst.user, due + timedelta(days=1))[0]["overdue"] == OVERDUE


def test_a_register_with_no_known_review_period_says_so(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "REG30", DAY - timedelta(days=400))

    [row] = _rows(analyst.user)

    assert (row["next_review"], row["overdue"]) == (None, NO_PERIOD)


def test_a_limited_access_case_is_counted_in_the_summary_but_never_listed(
    practitioner, analyst, manager
):
    seen = case_held_by(practitioner)
    hidden = case_held_by(practitioner)
    _register(seen, "ADVP", DAY - timedelta(days=200))  # overdue
    _register(hidden, "ADVP", DAY - timedelta(days=10))
    _register(hidden, "RCPR", DAY - timedelta(days=10))
    LimitedAccess.objects.create(
        person=hidden,
        kind=LimitedAccessKind.RESTRICTION,
        user=manager.user,
        start_date=DAY - timedelta(days=30),
    )

    assert {r["crn"] for r in _rows(analyst.user)} == {seen.crn}
    assert _summary(analyst.user) == {
        "Domestic abuse perpetrator": (2, 1),
        "Child protection": (1, 0),
    }


def test_the_summary_lists_registers_in_the_registers_order(practitioner, analyst):
    case = case_held_by(practitioner)
    for code in ("IIOM", "RMRH", "MAPP"):
        _register(case, code, DAY - timedelta(days=10))

    assert list(_summary(analyst.user)) == [
        "Medium risk of serious harm",
        "MAPPA",
        "Integrated offender management",
    ]


def test_cases_not_held_on_the_day_are_not_read(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "ADVP", DAY - timedelta(days=10))
    case.allocations.update(start_date=DAY + timedelta(days=1))

    assert _rows(analyst.user) == []
    assert _summary(analyst.user) == {}


@given(
    register=st.sampled_from(sorted(REGISTERS)),
    registered_on=st.dates(date(2015, 1, 1), date(2030, 1, 1)),
    reviewed_after=st.none() | st.integers(0, 800),
    day=st.dates(date(2015, 1, 1), date(2032, 1, 1)),
)
def test_a_review_is_overdue_exactly_when_its_due_date_has_passed(
    register, registered_on, reviewed_after, day
):
    last = None if reviewed_after is None else registered_on + timedelta(days=reviewed_after)
    due, overdue = review_cells(register, registered_on, last, day)

    if REGISTERS[register].review_months is None:
        assert (due, overdue) == (None, NO_PERIOD)
    else:
        assert due == add_months(last or registered_on, REGISTERS[register].review_months)
        assert (overdue == OVERDUE) == (due < day)
