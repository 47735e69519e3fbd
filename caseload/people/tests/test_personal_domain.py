"""The pure rules of personal details: postcodes, phone numbers, email addresses, and the
validation of each fact (no database)."""

import string
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.people import constants
from caseload.people.domain import (
    ADDRESS_KINDS,
    ADJUSTMENT_NEEDS,
    DISABILITY_KINDS,
    PERSONAL_CONTACT_KINDS,
    AddressInput,
    DisabilityInput,
    PhoneAndEmail,
    is_email_address,
    is_uk_mobile,
    normalise_phone,
    normalise_postcode,
    phone_in_words,
    validate_address,
    validate_disability,
    validate_phone_and_email,
)

TODAY = date(2026, 12, 1)
LETTERS = st.sampled_from(string.ascii_uppercase)
DIGITS = st.sampled_from(string.digits)


def codes(choices: type) -> set[str]:
    return {str(v) for v in choices.values}  # type: ignore[attr-defined]


def test_the_codes_are_the_choices():
    assert codes(constants.AddressKind) == ADDRESS_KINDS
    assert codes(constants.PersonalContactKind) == PERSONAL_CONTACT_KINDS
    assert codes(constants.DisabilityKind) == DISABILITY_KINDS
    assert codes(constants.AdjustmentNeed) == ADJUSTMENT_NEEDS


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    area = draw(st.text(LETTERS, min_size=1, max_size=2))
    district = draw(DIGITS) + draw(st.sampled_from(["", *string.digits, *string.ascii_uppercase]))
    inward = draw(DIGITS) + draw(st.text(LETTERS, min_size=2, max_size=2))
    return f"{area}{district} {inward}"


@given(postcodes(), st.sampled_from(["", " ", "  "]), st.booleans())
def test_any_uk_postcode_is_read_whatever_its_spacing_and_case(postcode, gap, lower):
    outward, inward = postcode.split()
    typed = f"{outward}{gap}{inward}"
    assert normalise_postcode(typed.lower() if lower else typed) == postcode


@given(st.text(max_size=12))
def test_a_normalised_postcode_is_always_its_own_normal_form(text):
    found = normalise_postcode(text)
    assert found is None or normalise_postcode(found) == found


def test_it_refuses_what_is_not_a_postcode():
    for text in ("", "SW1A", "12345", "SW1A 1A", "SW1A 1AAA", "S W1A1AA!", "1SW 1AA"):
        assert normalise_postcode(text) is None, text


@given(
    st.integers(900000, 900999),
    st.sampled_from(["07700 {}", "07700{}", "+44 7700 {}", "+44 (0)7700 {}"]),
)
def test_ofcom_drama_mobile_numbers_are_valid_in_any_usual_writing(number, writing):
    found = normalise_phone(writing.format(number))
    assert found == f"07700{number}"
    assert is_uk_mobile(found)
    assert phone_in_words(found) == f"07700 {str(number)[:3]} {str(number)[3:]}"


@given(st.text(alphabet="0123456789 +-()", max_size=20))
def test_a_normalised_number_is_digits_from_a_0_or_a_plus(text):
    found = normalise_phone(text)
    if found is not None:
        assert found[0] in "0+" and found[1:].isdigit()
        assert normalise_phone(found) == found


def test_a_landline_is_not_a_mobile():
    assert normalise_phone("0114 496 0000") == "01144960000"
    assert validate_phone_and_email(PhoneAndEmail("0114 496 0000", "", ""))[0].field == "mobile"
    assert validate_phone_and_email(PhoneAndEmail("", "0114 496 0000", "")) == []


def test_email_addresses_are_checked_for_their_form():
    assert is_email_address("daniel.walker@example.com")
    for bad in ("daniel", "daniel@", "@example.com", "a@b", "a b@example.com", "a..b@example.com"):
        assert not is_email_address(bad), bad


def test_phone_and_email_may_each_be_left_blank_but_what_is_given_must_look_right():
    assert validate_phone_and_email(PhoneAndEmail("", "", "")) == []
    problems = validate_phone_and_email(PhoneAndEmail("07", "1", "x@"))
    assert [(p.field, p.rule) for p in problems] == [
        ("mobile", "invalid"),
        ("phone", "invalid"),
        ("email", "invalid"),
    ]


def address(**changes: object) -> AddressInput:
    values: dict[str, object] = {
        "kind": "MAIN",
        "line_1": "1 Example Street",
        "line_2": "",
        "town": "Sheffield",
        "postcode": "s1 2ab",
        "start_date": TODAY - timedelta(days=3),
    }
    return AddressInput(**{**values, **changes})  # type: ignore[arg-type]


def test_a_complete_address_has_no_problems():
    assert validate_address(address(), today=TODAY) == []


def test_every_problem_with_an_address_is_named_at_once_in_form_order():
    problems = validate_address(
        address(kind="", line_1="", town=" ", postcode="nowhere", start_date=None), today=TODAY
    )
    assert [p.field for p in problems] == ["kind", "line_1", "town", "postcode", "start_date"]


def test_a_new_main_address_must_begin_after_the_current_one():
    since = TODAY - timedelta(days=3)
    problems = validate_address(address(current_main_since=since), today=TODAY)
    assert [(p.field, p.rule) for p in problems] == [("start_date", "after_current")]


def test_a_main_address_has_no_to_date_and_a_previous_one_must_have_one():
    main = validate_address(address(end_date=TODAY), today=TODAY)
    assert [(p.field, p.rule) for p in main] == [("end_date", "not_allowed")]
    previous = validate_address(address(kind="PREVIOUS"), today=TODAY)
    assert [(p.field, p.rule) for p in previous] == [("end_date", "required")]
    backwards = validate_address(
        address(kind="PREVIOUS", end_date=TODAY - timedelta(days=5)), today=TODAY
    )
    assert [(p.field, p.rule) for p in backwards] == [("end_date", "after_start")]


@given(st.lists(st.text(max_size=20), max_size=3))
def test_only_listed_adjustments_are_accepted(needs):
    problems = validate_disability(DisabilityInput("HEARING", TODAY, tuple(needs), ""), today=TODAY)
    assert bool(problems) == any(n not in ADJUSTMENT_NEEDS for n in needs)
