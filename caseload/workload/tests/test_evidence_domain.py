"""The pure evidence statistics and the aggregate's bands and suppression."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from caseload.workload.domain.aggregate import (
    BANDS,
    Vacancies,
    band_counts,
    band_of,
    capacity_row,
    not_fitting,
)
from caseload.workload.domain.evidence import (
    ENOUGH,
    Spread,
    difference_in_words,
    evidence,
    nearest_five,
    spread,
)

minutes = st.lists(st.integers(min_value=1, max_value=600), min_size=1, max_size=200)


@given(minutes)
def test_the_quartiles_hold_the_median_and_stay_within_the_figures(figures):
    found = spread(figures)
    assert found is not None and found.count == len(figures)
    assert found.least <= found.lower_quartile <= found.median <= found.upper_quartile
    assert found.upper_quartile <= found.most
    assert found.least <= found.mean <= found.most


def test_the_spread_of_known_figures():
    found = spread([30, 40, 50, 60, 70])
    assert found == Spread(5, 50.0, 40.0, 60.0, 50.0, 30, 70)
    assert spread([]) is None
    one = spread([45])
    assert one is not None and (one.lower_quartile, one.median, one.upper_quartile) == (45, 45, 45)


def _of(median: float, count: int = ENOUGH) -> Spread:
    return Spread(count, median, median, median, median, int(median), int(median))


def test_the_difference_is_said_in_words_from_the_median():
    assert difference_in_words(60, _of(75)) == "Takes about 15 minutes longer than agreed"
    assert difference_in_words(60, _of(44)) == "Takes about 15 minutes shorter than agreed"
    assert difference_in_words(60, _of(61)) == "Takes about as long as agreed"
    assert difference_in_words(30, _of(105)) == "Takes about 1 hour 15 minutes longer than agreed"
    assert difference_in_words(60, _of(180)) == "Takes about 2 hours longer than agreed"


def test_fewer_than_ten_figures_are_too_few_to_tell():
    assert difference_in_words(60, _of(120, count=9)) == "Too few to tell (9 of the 10 needed)"
    assert difference_in_words(60, None) == "No minutes recorded"


@given(st.integers(min_value=1, max_value=600), st.lists(st.integers(1, 600), min_size=ENOUGH))
def test_longer_or_shorter_follows_the_sign_of_the_difference(agreed, figures):
    found = spread(figures)
    words = difference_in_words(agreed, found)
    assert found is not None
    if found.median - agreed >= 2.5:
        assert words.endswith("longer than agreed")
    elif agreed - found.median >= 2.5:
        assert words.endswith("shorter than agreed")
    else:
        assert words == "Takes about as long as agreed"


@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False))
def test_about_a_figure_is_a_multiple_of_five_within_two_and_a_half(difference):
    rounded = nearest_five(difference)
    assert rounded % 5 == 0 and abs(rounded - abs(difference)) <= 2.5


def test_each_task_of_the_agreement_is_listed_whether_or_not_minutes_were_recorded():
    found = evidence([("COAP", "Office visit", 60), ("CHVS", "Home visit", 115)], {"COAP": [50]})
    assert [(t.code, t.spread is not None) for t in found] == [("COAP", True), ("CHVS", False)]


@given(st.decimals(min_value=0, max_value=400, places=3))
def test_every_capacity_falls_in_exactly_one_band(percent):
    assert sum(1 for band in BANDS if band.holds(percent)) == 1


def test_the_band_edges():
    assert [band_of(Decimal(p)) for p in ("79.999", "80", "100", "100.001", "120", "120.5")] == [
        0,
        1,
        1,
        2,
        2,
        3,
    ]


def test_a_band_of_one_to_four_is_suppressed_and_cannot_be_worked_out_from_the_row():
    percents = [Decimal(90)] * 8 + [Decimal(130)] * 2
    row = capacity_row("Probation Officer", percents)
    assert row.practitioners == 10
    assert row.bands[3] == "<5"
    assert row.bands[1] == "[c]"  # 10 in post, so 8 would give the 2 away
    assert band_counts(percents) == (0, 8, 0, 2)


@given(st.lists(st.decimals(min_value=0, max_value=300, places=1), max_size=40))
def test_no_band_of_one_to_four_is_ever_shown_as_a_number(percents):
    row = capacity_row("Probation Officer", percents)
    for cell in row.bands:
        assert not (isinstance(cell, int) and 0 < cell < 5)


def test_hours_that_did_not_fit_are_held_back_for_fewer_than_five_practitioners():
    assert not_fitting([60, 0, 0]).hours == "[c]"
    shown = not_fitting([60, 90, 0, 0, 0, 0, 30])
    assert shown.hours == Decimal("3.0")
    assert (shown.practitioners, shown.with_work_not_fitting) == (7, "<5")


def test_vacancies_are_never_negative():
    assert Vacancies("PO", posts=6, in_post=4).vacant == 2
    assert Vacancies("PO", posts=3, in_post=4).vacant == 0
