"""The pure rules: suitability, the national order and the proposed spread."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from caseload.allocation.domain.ordering import national_order
from caseload.allocation.domain.spread import (
    FULL,
    CaseToMove,
    Receiver,
    propose_spread,
    team_has_room,
)
from caseload.allocation.domain.suitability import Unsuitable, suitability
from caseload.workload.domain.capacity import potential_capacity_percent


def test_a_pso_is_not_given_a_tier_a_or_b_case():
    assert suitability("PSO", "A3", kept_out=False).reason is Unsuitable.GRADE
    assert suitability("PSO", "B0S", kept_out=False).reason is Unsuitable.GRADE
    assert suitability("PSO", "C3", kept_out=False).suitable
    assert suitability("PSO", "", kept_out=False).suitable


def test_a_probation_officer_or_trainee_may_take_any_tier():
    assert suitability("PO", "A3", kept_out=False).suitable
    assert suitability("PQIP", "B1", kept_out=False).suitable


def test_someone_kept_out_of_the_case_cannot_take_it_whatever_their_grade():
    fit = suitability("PO", "D1", kept_out=True)
    assert fit.reason is Unsuitable.LIMITED_ACCESS
    assert "limited-access" in fit.words


def test_someone_away_or_leaving_is_not_given_cases():
    assert suitability("PO", "D1", kept_out=False, away=True).reason is Unsuitable.AWAY


def test_practitioners_are_ordered_by_grade_then_lowest_workload_first():
    people = [
        ("Ann", "PSO", Decimal("10")),
        ("Bob", "PO", Decimal("90")),
        ("Cat", "PQIP", Decimal("0")),
        ("Dan", "PO", Decimal("40")),
        ("Eve", "OTHER", Decimal("5")),
    ]
    ordered = national_order(
        people, grade=lambda p: p[1], capacity=lambda p: p[2], name=lambda p: p[0]
    )
    assert [p[0] for p in ordered] == ["Dan", "Bob", "Ann", "Cat", "Eve"]


def test_the_largest_case_goes_first_to_whoever_is_lowest_after_it():
    receivers = [Receiver("ann", 500, 1000), Receiver("bob", 100, 1000)]
    cases = [CaseToMove("X000001", 50), CaseToMove("X000002", 300)]
    spread = propose_spread(cases, receivers)
    assert [(p.crn, p.to) for p in spread.placements] == [("X000002", "bob"), ("X000001", "bob")]
    assert spread.after == {"ann": Decimal("50.000"), "bob": Decimal("45.000")}
    assert spread.fits


def test_when_the_team_is_full_a_case_goes_where_it_overflows_least_and_the_spread_says_so():
    receivers = [Receiver("ann", 950, 1000), Receiver("bob", 1900, 2000)]
    spread = propose_spread([CaseToMove("X000001", 100)], receivers)
    assert spread.placements[0].to == "bob"  # 100% → 100.0 after: 2000 of 2000
    spread = propose_spread([CaseToMove("X000001", 200)], receivers)
    (placement,) = spread.placements
    assert placement.to == "bob" and placement.overflows  # 105% rather than 115%
    assert not spread.fits


def test_a_case_nobody_suitable_can_take_is_left_unplaced():
    receivers = [Receiver("ann", 0, 1000)]
    spread = propose_spread([CaseToMove("X000001", 10, frozenset({"ann"}))], receivers)
    assert spread.nobody_suitable == ("X000001",)
    assert not spread.fits


def test_a_practitioner_with_no_available_points_is_never_given_a_case():
    receivers = [Receiver("spo", 0, 0), Receiver("ann", 900, 1000)]
    spread = propose_spread([CaseToMove("X000001", 50)], receivers)
    assert spread.placements[0].to == "ann"


# --- properties -------------------------------------------------------------------------

KEYS = [f"p{n}" for n in range(6)]
receivers_st = st.lists(
    st.builds(
        Receiver,
        key=st.just(""),
        total_points=st.integers(0, 3000),
        available_points=st.integers(0, 3000),
    ),
    min_size=1,
    max_size=6,
).map(lambda rs: [Receiver(KEYS[i], r.total_points, r.available_points) for i, r in enumerate(rs)])


@st.composite
def team_and_cases(draw, *, with_unsuitable=True):  # type: ignore[no-untyped-def]
    receivers = draw(receivers_st)
    keys = [r.key for r in receivers]
    count = draw(st.integers(0, 25))
    cases = []
    for n in range(count):
        refused = draw(st.frozensets(st.sampled_from(keys))) if with_unsuitable else frozenset()
        cases.append(CaseToMove(f"X{n:06d}", draw(st.integers(0, 250)), refused))
    return receivers, cases


@given(team_and_cases())
def test_every_case_is_placed_exactly_once(given_team):
    receivers, cases = given_team
    spread = propose_spread(cases, receivers)
    assert sorted(p.crn for p in spread.placements) == sorted(c.crn for c in cases)


@given(team_and_cases())
def test_an_unsuitable_practitioner_is_never_chosen(given_team):
    receivers, cases = given_team
    refused = {c.crn: c.unsuitable_for for c in cases}
    for placement in propose_spread(cases, receivers).placements:
        assert placement.to is None or placement.to not in refused[placement.crn]


@given(team_and_cases())
def test_a_case_takes_someone_over_100_percent_only_when_nobody_suitable_had_room(given_team):
    receivers, cases = given_team
    points = {r.key: r.total_points for r in receivers}
    available = {r.key: r.available_points for r in receivers}
    by_crn = {c.crn: c for c in cases}
    for placement in propose_spread(cases, receivers).placements:
        case = by_crn[placement.crn]
        if placement.to is None:
            continue
        if placement.overflows:
            for key in points:
                if key not in case.unsuitable_for and available[key] > 0:
                    after = potential_capacity_percent(points[key], available[key], case.points)
                    assert after > FULL
        points[placement.to] += case.points


@given(team_and_cases(with_unsuitable=False))
def test_nobody_ends_over_100_percent_when_the_teams_spare_capacity_allows(given_team):
    receivers, cases = given_team
    spread = propose_spread(cases, receivers)
    if team_has_room(receivers, cases):
        assert spread.fits
        for receiver in receivers:
            if receiver.capacity <= FULL:
                assert spread.after[receiver.key] <= FULL


@given(team_and_cases(with_unsuitable=False))
def test_the_points_after_are_the_points_before_plus_the_cases_placed(given_team):
    receivers, cases = given_team
    spread = propose_spread(cases, receivers)
    placed = sum(p.points for p in spread.placements if p.to is not None)
    assert sum(spread.points_after.values()) == sum(r.total_points for r in receivers) + placed
