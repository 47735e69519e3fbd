"""The national shape: regions, units, teams and practitioners in proportion at any size."""

from hypothesis import given
from hypothesis import strategies as st

from caseload.demo.national.shape import (
    GRADE_SHARES,
    NATIONAL_PEOPLE,
    NATIONAL_PRACTITIONERS,
    NATIONAL_UNITS,
    REGIONS,
    apportion,
    grades_for,
    national_shape,
)


def test_the_nation_has_the_published_caseload_in_twelve_regions_and_110_units():
    shape = national_shape()
    assert shape.people == NATIONAL_PEOPLE == 244_209
    assert len(shape.regions) == 12
    assert len(shape.units) == NATIONAL_UNITS == 110
    assert shape.practitioners == NATIONAL_PRACTITIONERS == 10_000
    assert sum(u.people for u in shape.units) == NATIONAL_PEOPLE
    assert 1_200 <= shape.teams <= 1_300


def test_the_regions_shares_and_units_add_up():
    assert sum(r.share for r in REGIONS) == 100
    assert sum(r.units for r in REGIONS) == NATIONAL_UNITS
    assert sum(GRADE_SHARES.values()) == 100


def test_london_holds_the_largest_caseload():
    shape = national_shape()
    by_region = {r.code: 0 for r in REGIONS}
    for unit in shape.units:
        by_region[unit.region] += unit.people
    assert max(by_region, key=by_region.__getitem__) == "LON"


@given(
    total=st.integers(0, 10_000),
    weights=st.lists(st.integers(0, 1_000), min_size=1, max_size=40),
    minimum=st.integers(0, 3),
)
def test_apportion_sums_exactly_and_stays_within_one_of_the_exact_share(total, weights, minimum):
    total += minimum * len(weights)
    parts = apportion(total, weights, minimum)
    assert sum(parts) == total
    assert all(p >= minimum for p in parts)
    spare, whole = total - minimum * len(weights), sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact = spare * weight / whole if whole else spare / len(weights)
        assert abs(part - minimum - exact) < 1


@given(st.integers(12, 400_000))
def test_every_size_keeps_the_nations_structure(people):
    shape = national_shape(people)
    assert {u.region for u in shape.units} == {r.code for r in REGIONS}
    assert sum(u.people for u in shape.units) == people
    assert all(u.people >= 1 and u.practitioners >= 1 and u.teams for u in shape.units)
    assert len({u.code for u in shape.units}) == len(shape.units)
    assert len(shape.units) == max(
        12, min(people, round(NATIONAL_UNITS * people / NATIONAL_PEOPLE))
    )


@given(st.integers(2_000, 400_000))
def test_practitioners_hold_about_24_cases_each(people):
    shape = national_shape(people)
    assert abs(shape.practitioners - people / 24.42) <= max(2, people * 0.002)


@given(st.integers(0, 20_000))
def test_grades_come_in_the_national_shares(practitioners):
    grades = grades_for(practitioners)
    assert len(grades) == practitioners
    for grade, share in GRADE_SHARES.items():
        assert abs(grades.count(grade) - practitioners * share / 100) < 1
