"""Small-number suppression: no count of 1 to 4 is shown, and none can be worked out."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseload.returns.domain.suppression import (
    SMALL,
    WITHHELD,
    CountTable,
    Rate,
    SuppressedTable,
    percent,
    shown_percent,
    suppress,
    suppress_rate,
)

# A person: the value index they have in each group, and whether each outcome is theirs.
GROUP_SIZES = st.lists(st.integers(min_value=2, max_value=4), min_size=1, max_size=3)


@st.composite
def tables(draw: st.DrawFn) -> CountTable:
    sizes = draw(GROUP_SIZES)
    outcomes = draw(st.integers(min_value=0, max_value=2))
    people = draw(
        st.lists(
            st.tuples(
                st.tuples(*(st.integers(min_value=0, max_value=n - 1) for n in sizes)),
                st.tuples(*(st.booleans() for _ in range(outcomes))),
            ),
            max_size=30,
        )
    )

    def counts(who: list[tuple[tuple[int, ...], tuple[bool, ...]]]) -> tuple[int, ...]:
        return (len(who), *(sum(1 for _, flags in who if flags[o]) for o in range(outcomes)))

    return CountTable(
        total=counts(people),
        groups=tuple(
            tuple(counts([p for p in people if p[0][g] == value]) for value in range(size))
            for g, size in enumerate(sizes)
        ),
    )


def _possible(cell: int | str, total_high: int) -> range:
    """What a reader knows of a cell from what is shown."""
    if cell == SMALL:
        return range(1, 5)
    if cell == WITHHELD:
        return range(0, total_high + 1)
    assert isinstance(cell, int)
    return range(cell, cell + 1)


def _sums(cells: list[range]) -> set[int]:
    """Every total the cells could add up to (worked out afresh, not by the module's rule)."""
    reachable = {0}
    for cell in cells:
        reachable = {s + v for s in reachable for v in cell}
    return reachable


def _values_a_reader_could_find(shown: SuppressedTable, column: int) -> list[set[int]]:
    """For the total and each suppressed cell of `column`: the values consistent with every
    shown cell and with each group adding up to the total."""
    total = shown.total[column]
    high = total if isinstance(total, int) else 4
    totals = _possible(shown.total[column], high)
    columns = [[_possible(row[column], high) for row in group] for group in shown.groups]
    fitting = [t for t in totals if all(t in _sums(cells) for cells in columns)]
    found = [set(fitting)] if isinstance(shown.total[column], str) else []
    for cells in columns:
        for i, cell in enumerate(cells):
            if len(cell) == 1:
                continue
            others = cells[:i] + cells[i + 1 :]
            found.append({v for v in cell for t in fitting if t - v in _sums(others)})
    return found


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_suppressed_count_can_be_worked_out_from_the_totals_and_the_other_cells(table):
    shown = suppress(table)
    for column in range(len(table.total)):
        for values in _values_a_reader_could_find(shown, column):
            assert len(values) > 1, (table, shown)


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_count_of_1_to_4_is_shown_and_every_zero_or_withheld_cell_is_true(table):
    shown = suppress(table)
    pairs = list(zip(table.total, shown.total, strict=True))
    for group, shown_group in zip(table.groups, shown.groups, strict=True):
        for row, shown_row in zip(group, shown_group, strict=True):
            pairs += list(zip(row, shown_row, strict=True))
    for count, cell in pairs:
        if 0 < count < 5:
            assert cell in (SMALL, WITHHELD)
        elif cell == SMALL:
            pytest.fail(f"{count} shown as <5")
        elif cell != WITHHELD:
            assert cell == count


@settings(max_examples=200, deadline=None)
@given(tables())
def test_a_row_with_its_people_suppressed_shows_no_other_count_but_zero(table):
    shown = suppress(table)
    for group in shown.groups:
        for row in group:
            if isinstance(row[0], str):
                assert all(cell == 0 or isinstance(cell, str) for cell in row[1:])


def test_a_single_small_cell_in_a_group_takes_the_next_smallest_with_it():
    table = CountTable(total=(20,), groups=(((3,), (7,), (10,)),))
    assert suppress(table).groups == ((("<5",), ("[c]",), (10,)),)


def test_zero_is_shown_as_zero():
    table = CountTable(total=(20,), groups=(((0,), (20,)),))
    assert suppress(table).groups == (((0,), (20,)),)


def test_two_small_cells_that_could_only_be_ones_are_not_left_alone():
    # 1 + 1 + 18 = 20: two "<5" adding up to 2 could only be 1 and 1.
    table = CountTable(total=(20,), groups=(((1,), (1,), (18,)),))
    assert suppress(table).groups == ((("<5",), ("<5",), ("[c]",)),)


def test_when_the_total_is_under_5_every_count_under_it_is_withheld():
    # Four people of four different values: four "<5" could only be 1 each.
    table = CountTable(total=(4,), groups=(((1,), (1,), (1,), (1,)),))
    shown = suppress(table)
    assert shown.total == ("<5",)
    assert shown.groups == ((("[c]",), ("[c]",), ("[c]",), ("[c]",)),)


def test_the_percentage_of_a_suppressed_count_is_suppressed_with_it():
    assert shown_percent(SMALL, 3, 40) == SMALL
    assert shown_percent(WITHHELD, 12, 40) == WITHHELD
    assert shown_percent(10, 10, 40) == Decimal("25.0")
    assert shown_percent(0, 0, 0) is None


def test_percentages_are_rounded_half_up_to_one_place():
    assert percent(1, 8) == Decimal("12.5")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 3) == Decimal("33.3")


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_a_rate_never_shows_1_to_4_people_who_met_it_or_did_not(eligible, met):
    met = min(met, eligible)
    rate = suppress_rate(eligible, met)
    shown_eligible = rate.eligible if isinstance(rate.eligible, int) else None
    shown_met = rate.met if isinstance(rate.met, int) else None
    if shown_eligible is not None and shown_met is not None:
        assert not 0 < shown_met < 5
        assert not 0 < shown_eligible - shown_met < 5
        assert rate.percent == percent(met, eligible)
    else:
        assert isinstance(rate.percent, str)
    assert shown_eligible is None or not 0 < shown_eligible < 5


def test_fewer_than_5_eligible_shows_only_less_than_5():
    assert suppress_rate(3, 0) == Rate(SMALL, SMALL, SMALL)
    assert suppress_rate(0, 0) == Rate(0, 0, None)
    assert suppress_rate(12, 3) == Rate(12, SMALL, SMALL)
    assert suppress_rate(12, 9) == Rate(12, WITHHELD, WITHHELD)
    assert suppress_rate(20, 15) == Rate(20, 15, Decimal("75.0"))
