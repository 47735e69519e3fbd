"""v3 single-axis tier.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
TierCalculator.kt and ProvisionalStatusCalculator.kt, and their unit tests.
"""

from datetime import date

import pytest

from caseload.tiering.domain import (
    PredictorScore,
    PredictorType,
    UnsupportedCombinationError,
    tier_v3,
)
from caseload.tiering.domain.parse_v3 import shift
from caseload.tiering.tests.helpers import TODAY, dc_srp, predictor, v3_inputs

STATIC = PredictorType.STATIC


def tier(**facts: object) -> str:
    return tier_v3(v3_inputs(**facts), today=TODAY).tier.value


def test_no_active_event_is_not_supervised_and_never_provisional() -> None:
    result = tier_v3(v3_inputs(has_active_event=False, rosh=None), today=TODAY)
    assert (result.tier, result.provisional) == ("NOT_SUPERVISED", False)


@pytest.mark.parametrize(
    ("arp", "csrp"),
    [(None, predictor("1")), (predictor("1"), None), (PredictorScore(None), predictor("1"))],
)
def test_without_usable_predictors_the_tier_is_missing_and_not_provisional(
    arp: PredictorScore | None, csrp: PredictorScore | None
) -> None:
    result = tier_v3(v3_inputs(arp=arp, csrp=csrp, rosh=None), today=TODAY)
    assert (result.tier, result.provisional) == ("MISSING", False)


TABLE_ONE = {
    "6.9": "AABBBB",
    "3.0": "ABCCCC",
    "1.0": "BCDEEE",
    "0.5": "CDEEFF",
    "0.0": "DDEFFG",
}
ARP_COLUMNS = ["90", "75", "50", "25", "15", "0"]


@pytest.mark.parametrize(
    ("csrp", "arp", "letter"),
    [
        (csrp, arp, letters[column])
        for csrp, letters in TABLE_ONE.items()
        for column, arp in enumerate(ARP_COLUMNS)
    ],
)
def test_table_one_gives_the_reoffending_letter(csrp: str, arp: str, letter: str) -> None:
    assert tier(rosh="LOW", arp=predictor(arp), csrp=predictor(csrp)) == letter


def test_table_one_compares_exact_decimals_just_below_a_threshold() -> None:
    assert tier(rosh="LOW", arp=predictor("89.99"), csrp=predictor("6.89")) == "B"


@pytest.mark.parametrize(
    ("band", "score", "letter"),
    [
        ("VERY_HIGH", "5.31", "A"),
        ("VERY_HIGH", "0.01", "A"),
        ("HIGH", "2.11", "B"),
        ("HIGH", "1.50", "B"),
        ("HIGH", "5.31", "B"),
        ("MEDIUM", "3.36", "C"),
        ("MEDIUM", "1.12", "C"),
        ("MEDIUM", "2.11", "D"),
        ("MEDIUM", "3.35", "D"),
        ("MEDIUM", "2.10", "C"),
        ("MEDIUM", "0.60", "D"),
        ("LOW", "0.02", "E"),
        ("NOT_APPLICABLE", "2.11", "G"),
        (None, "2.11", "G"),
        ("VERY_HIGH", "0", "G"),
    ],
)
def test_dc_srp_band_and_score_give_the_sexual_reoffending_letter(
    band: str | None, score: str, letter: str
) -> None:
    assert tier(rosh="LOW", dc_srp=dc_srp(score, band)) == letter


def test_a_medium_dc_srp_below_point_six_cannot_be_scored() -> None:
    with pytest.raises(UnsupportedCombinationError):
        tier(dc_srp=dc_srp("0.59", "MEDIUM"))


@pytest.mark.parametrize(
    ("mappa", "rosh", "letter"),
    [
        ("M1", "VERY_HIGH", "A"),
        ("M4", "HIGH", "C"),
        ("M2", "MEDIUM", "D"),
        ("M1", "LOW", "E"),
        ("M3", None, "E"),
        (None, "VERY_HIGH", "C"),
        (None, "HIGH", "D"),
        (None, "MEDIUM", "G"),
        (None, "LOW", "G"),
        (None, None, "G"),
    ],
)
def test_mappa_and_rosh_give_their_letter(mappa: str | None, rosh: str | None, letter: str) -> None:
    assert tier(mappa_category=mappa, rosh=rosh) == letter


@pytest.mark.parametrize(
    ("years", "days", "letter"),
    [
        (0, -1, "B"),
        (-1, 1, "B"),
        (-1, 0, "B"),
        (-1, -1, "D"),
        (-2, 0, "D"),
        (-5, 1, "D"),
        (-5, 0, "D"),
        (-5, -1, "E"),
        (-6, 0, "E"),
        (1, 0, "B"),
    ],
)
def test_lifer_release_date_gives_the_lifer_letter(years: int, days: int, letter: str) -> None:
    released = shift(TODAY, years=years, days=days)
    assert tier(lifer_ipp=True, latest_release_date=released) == letter


def test_a_lifer_with_no_release_date_yields_nothing() -> None:
    assert tier(lifer_ipp=True, latest_release_date=None) == "G"


def test_a_release_date_without_the_lifer_registration_yields_nothing() -> None:
    assert tier(lifer_ipp=False, latest_release_date=TODAY) == "G"


def test_lifer_years_are_counted_the_java_way_from_the_twenty_ninth_of_february() -> None:
    leap_day = date(2028, 2, 29)
    result = tier_v3(
        v3_inputs(lifer_ipp=True, latest_release_date=date(2027, 2, 28)), today=leap_day
    )
    assert result.tier == "B"
    assert shift(leap_day, years=-1) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("domestic_abuse", "stalking", "child_protection", "letter"),
    [
        (False, False, False, "G"),
        (True, False, False, "E"),
        (False, True, False, "F"),
        (False, False, True, "F"),
        (True, True, False, "E"),
        (True, False, True, "E"),
        (False, True, True, "F"),
        (True, True, True, "E"),
    ],
)
def test_registration_steps_combine_by_the_highest_letter(
    domestic_abuse: bool, stalking: bool, child_protection: bool, letter: str
) -> None:
    facts = {"domestic_abuse": domestic_abuse, "stalking": stalking}
    assert tier(child_protection=child_protection, **facts) == letter


def test_ever_committing_a_sexual_offence_gives_e() -> None:
    assert tier(ever_committed_sexual_offence=True) == "E"


RELEASED_TODAY = {"lifer_ipp": True, "latest_release_date": TODAY}


@pytest.mark.parametrize(
    ("facts", "letter", "provisional"),
    [
        (
            {"rosh": "HIGH", "arp": predictor("90", STATIC), "csrp": predictor("6.9", STATIC)},
            "A",
            True,
        ),
        (
            {
                "rosh": "HIGH",
                "arp": predictor("90", STATIC),
                "csrp": predictor("6.9", STATIC),
                "dc_srp": dc_srp("0.01", "VERY_HIGH"),
            },
            "A",
            False,
        ),
        (
            {
                "mappa_category": "M1",
                "rosh": "VERY_HIGH",
                "arp": predictor("90", STATIC),
                "csrp": predictor("6.9", STATIC),
            },
            "A",
            False,
        ),
        ({"rosh": "MEDIUM", "arp": predictor("0", STATIC), "csrp": predictor("0.5")}, "F", True),
        (
            {
                "mappa_category": "M1",
                "rosh": "HIGH",
                "arp": predictor("0", STATIC),
                "csrp": predictor("0.5"),
            },
            "C",
            False,
        ),
        ({"rosh": "MEDIUM", "arp": predictor("25"), "csrp": predictor("0", STATIC)}, "F", True),
        (
            {
                "rosh": "MEDIUM",
                "arp": predictor("25"),
                "csrp": predictor("0", STATIC),
                "dc_srp": dc_srp("2.11", "HIGH"),
            },
            "B",
            False,
        ),
        (
            {
                "mappa_category": "M1",
                "rosh": None,
                "arp": predictor("50"),
                "csrp": predictor("6.9"),
            },
            "B",
            True,
        ),
        (
            {
                "mappa_category": "M1",
                "rosh": None,
                "arp": predictor("90"),
                "csrp": predictor("6.9"),
            },
            "A",
            False,
        ),
        (
            {
                "mappa_category": "M1",
                "rosh": None,
                "dc_srp": dc_srp("0.01", "VERY_HIGH"),
            },
            "A",
            False,
        ),
        (
            {
                "mappa_category": "M1",
                "rosh": None,
                "arp": predictor("90"),
                "csrp": predictor("0.5"),
                "dc_srp": dc_srp("1.12", "MEDIUM"),
                **RELEASED_TODAY,
            },
            "B",
            True,
        ),
        ({"rosh": None, "arp": predictor("75"), "csrp": predictor("0")}, "D", True),
        ({"rosh": None, "arp": predictor("90"), "csrp": predictor("0.5")}, "C", False),
        ({"rosh": None, "arp": predictor("50"), "csrp": predictor("6.9")}, "B", False),
        ({"rosh": None, "dc_srp": dc_srp("1.12", "MEDIUM")}, "C", False),
        ({"rosh": None, "dc_srp": dc_srp("0.60", "MEDIUM")}, "D", True),
        ({"rosh": None, **RELEASED_TODAY}, "B", False),
        ({"rosh": None, "ever_committed_sexual_offence": True}, "E", True),
        ({"rosh": "MEDIUM", "ever_committed_sexual_offence": True}, "E", False),
    ],
)
def test_provisional_flag_reproduces_the_anchor_unit_tests(
    facts: dict[str, object], letter: str, provisional: bool
) -> None:
    result = tier_v3(v3_inputs(**facts), today=TODAY)
    assert (result.tier, result.provisional) == (letter, provisional)


def test_v3_reasons_name_every_step_that_gave_a_letter() -> None:
    result = tier_v3(v3_inputs(stalking=True, rosh="HIGH"), today=TODAY)
    explanations = [reason.explanation for reason in result.reasons]
    assert "the STALKING step gives F" in explanations
    assert "the MAPPA_ROSH step gives D" in explanations
    assert all(reason.points is None for reason in result.reasons)
