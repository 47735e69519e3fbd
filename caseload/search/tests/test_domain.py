"""Reading a search: names in any order, CRNs and parts of them, PNC numbers, dates of birth."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseload.search.domain import MAX_QUERY_LENGTH, PncNumber, QueryInvalid, parse_query


@pytest.mark.parametrize("typed", ["craig begum", "Begum, Craig", "begum craig", "BEGUM,CRAIG"])
def test_a_name_is_read_in_any_order_and_with_a_comma(typed):
    assert set(parse_query(typed).names) == {"craig", "begum"}


@pytest.mark.parametrize(
    ("typed", "part"), [("701190", "701190"), ("y7011", "Y7011"), ("X123456", "X123456")]
)
def test_a_crn_or_any_part_of_one_is_read_as_a_crn(typed, part):
    query = parse_query(typed)
    assert query.crn_parts == (part,) and query.names == ()


@pytest.mark.parametrize(
    "typed", ["3/4/1990", "03/04/1990", "3 April 1990", "3 Apr 1990", "1990-04-03", "3.4.1990"]
)
def test_a_date_of_birth_is_read_in_the_usual_uk_forms(typed):
    query = parse_query(typed)
    assert query.born_on == date(1990, 4, 3)
    assert query.names == () and query.crn_parts == ()


def test_a_date_is_day_first_as_in_the_uk():
    assert parse_query("4/3/1990").born_on == date(1990, 3, 4)


def test_a_name_and_a_date_of_birth_together_must_both_match():
    query = parse_query("Begum 3 Apr 1990")
    assert query.names == ("begum",) and query.born_on == date(1990, 4, 3)


@pytest.mark.parametrize(
    "typed", ["2001/0123456A", "2001/123456A", "01/0123456A", "01/123456a", " 01/123456A "]
)
def test_the_spellings_of_one_pnc_number_are_one_number(typed):
    pnc = parse_query(typed).pnc
    assert pnc is not None
    assert "2001/0123456A" in pnc.spellings() and "01/123456A" in pnc.spellings()


def test_a_two_digit_pnc_year_may_be_either_century():
    assert {"1998/0012345Z", "2098/0012345Z"} <= set(PncNumber("98", 12345, "Z").spellings())


def test_a_four_digit_pnc_year_is_not_read_as_the_other_century():
    assert not any(s.startswith("1901") for s in PncNumber("2001", 1, "A").spellings())


def test_different_pnc_numbers_share_no_spelling():
    one, other = PncNumber("01", 123456, "A"), PncNumber("01", 1234560, "A")
    assert not set(one.spellings()) & set(other.spellings())


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("", "missing"),
        ("   ", "missing"),
        ("x" * (MAX_QUERY_LENGTH + 1), "too_long"),
        ("31/2/1990", "real_date"),
        ("3/4/90", "year_digits"),
    ],
)
def test_it_refuses_a_query_it_cannot_search_for(typed, rule):
    with pytest.raises(QueryInvalid) as refused:
        parse_query(typed)
    assert refused.value.rule == rule


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)))
def test_every_date_reads_back_in_every_form(day):
    for typed in (
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%Y}",
        f"{day.day} {day:%B %Y}",
        f"{day.day} {day:%b %Y}",
        day.isoformat(),
    ):
        assert parse_query(typed).born_on == day, typed


@given(
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=9_999_999),
    st.sampled_from("ABCDEFGHJKLMNPQRTUVWXYZ"),
    st.booleans(),
    st.booleans(),
)
def test_every_pnc_spelling_is_among_the_spellings_of_every_other(yy, serial, letter, four, pad):
    year = f"20{yy:02d}" if four else f"{yy:02d}"
    typed = f"{year}/{serial:07d}{letter}" if pad else f"{year}/{serial}{letter}"
    pnc = parse_query(typed).pnc
    assert pnc is not None
    assert f"{yy:02d}/{serial:07d}{letter}" in pnc.spellings()
    assert f"20{yy:02d}/{serial}{letter}" in pnc.spellings()


name_part = st.text(alphabet=st.characters(categories=("L",)), min_size=2, max_size=12)


@given(st.lists(name_part, min_size=1, max_size=4), st.sampled_from([" ", ", ", ",", "  "]))
def test_names_are_read_whatever_the_separator_and_order(parts, separator):
    forward = parse_query(separator.join(parts))
    backward = parse_query(separator.join(reversed(parts)))
    assert set(forward.names) == set(backward.names) == {p.lower() for p in parts}


@given(st.text(max_size=MAX_QUERY_LENGTH))
def test_any_text_is_read_or_refused_in_words(typed):
    try:
        query = parse_query(typed)
    except QueryInvalid as refused:
        assert str(refused)
    else:
        assert query.text and len(query.text) <= MAX_QUERY_LENGTH
