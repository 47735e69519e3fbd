"""Properties the models imply, and the never-raise contract of `calculate`."""

import re
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from caseload.risk.predictors import PREDICTOR_NAMES, calculate
from caseload.risk.predictors import arp as arp_module
from caseload.risk.predictors.dates import age_in_years, months_between, plus_months
from caseload.risk.predictors.ogrs4 import exact_percent_score, percent_score
from caseload.risk.predictors.request import _date as parse_date

BASE: dict[str, object] = {
    "assessmentDate": "2025-10-03",
    "gender": "MALE",
    "dateOfBirth": "1980-05-01",
    "dateOfCurrentConviction": "2020-06-01",
    "dateAtStartOfFollowup": "2020-09-01",
    "ageAtFirstSanction": 18,
    "currentOffenceCode": "03000",
    "totalNumberOfViolentSanctions": 0,
}


@given(n=st.integers(1, 998), gender=st.sampled_from(["MALE", "FEMALE"]))
def test_more_sanctions_never_lowers_ogrs3(n: int, gender: str) -> None:
    fewer = calculate(
        "ogrs3", {**BASE, "gender": gender, "totalNumberOfSanctionsForAllOffences": n}
    )
    more = calculate(
        "ogrs3", {**BASE, "gender": gender, "totalNumberOfSanctionsForAllOffences": n + 1}
    )
    assert more["twoYear"] >= fewer["twoYear"]  # type: ignore[operator]
    assert more["oneYear"] >= fewer["oneYear"]  # type: ignore[operator]


@given(
    level=st.sampled_from(["NO_PROBLEMS", "SOME_PROBLEMS"]),
    field=st.sampled_from(
        [
            "temperControl",
            "proCriminalAttitudes",
            "currentAlcoholUseProblems",
            "excessiveAlcoholUse",
        ]
    ),
)
def test_worse_needs_never_lower_ovp(level: str, field: str) -> None:
    request = {
        **BASE,
        "totalNumberOfSanctionsForAllOffences": 5,
        "doesRecogniseImpactOfOffendingOnOthers": True,
        "isCurrentlyOfNoFixedAbodeOrTransientAccommodation": False,
        "isUnemployed": False,
        "hasCurrentPsychiatricTreatment": False,
        "temperControl": "NO_PROBLEMS",
        "proCriminalAttitudes": "NO_PROBLEMS",
        "currentAlcoholUseProblems": "NO_PROBLEMS",
        "excessiveAlcoholUse": "NO_PROBLEMS",
    }
    better = calculate("ovp", {**request, field: level})
    worse = calculate("ovp", {**request, field: "SIGNIFICANT_PROBLEMS"})
    assert worse["points"] > better["points"]  # type: ignore[operator]
    assert worse["twoYear"] >= better["twoYear"]  # type: ignore[operator]


@given(
    n=st.integers(1, 999),
    violent=st.integers(0, 999),
    first=st.integers(0, 60),
    gender=st.sampled_from(["MALE", "FEMALE"]),
    name=st.sampled_from(["arp", "vrp", "svrp"]),
)
def test_scores_are_percentages_within_0_and_100(
    n: int, violent: int, first: int, gender: str, name: str
) -> None:
    request = {
        **BASE,
        "gender": gender,
        "ageAtFirstSanction": first,
        "totalNumberOfSanctionsForAllOffences": n,
        "totalNumberOfViolentSanctions": min(violent, n),
    }
    output = calculate(name, request)
    if output["score"] is not None:
        assert 0.0 <= output["score"] <= 99.99  # type: ignore[operator]
        assert round(output["score"], 2) == output["score"]  # type: ignore[arg-type]


@settings(max_examples=300)
@given(total=st.floats(-40, 40, allow_nan=False))
def test_the_fast_path_always_agrees_with_the_exact_decimal_computation(total: float) -> None:
    intercept = arp_module.STATIC_MODEL.coef("TWO_YEAR_CONSTANT")
    parts = [("intercept", None, intercept), ("rest", None, _coef(total - intercept.approx))]
    assert percent_score(parts) == exact_percent_score(parts)


def _coef(value: float) -> Any:
    from caseload.risk.predictors.numeric import binary_coef

    return binary_coef(repr(value))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELD_NAMES = st.sampled_from(
    [
        *BASE,
        "totalNumberOfSanctionsForAllOffences",
        "hasEverCommittedSexualOffence",
        "previousConvictions",
        "actuarialCategory",
        "ogrs3Category",
        "supervisionStatus",
        "totalIndecentImageSanctions",
        "ogrs3TwoYear",
        "isUnemployed",
    ]
)


@settings(max_examples=300)
@given(
    name=st.sampled_from(PREDICTOR_NAMES),
    request=st.dictionaries(FIELD_NAMES | st.text(max_size=10), JSONISH, max_size=10) | JSONISH,
)
def test_calculate_never_raises_and_returns_errors_for_invalid_input(
    name: str, request: Any
) -> None:
    output = calculate(name, request)
    assert isinstance(output, dict)
    if not isinstance(request, dict):
        assert output["errors"][0]["type"] == "INVALID_REQUEST"  # type: ignore[index]
    no_score = all(output.get(key) is None for key in ("score", "twoYear"))
    if no_score:
        assert output["errors"]


@given(
    born=st.dates(date(1900, 1, 1), date(2100, 1, 1)),
    on=st.dates(date(1900, 1, 1), date(2100, 1, 1)),
)
def test_whole_years_and_months_follow_java_time(born: date, on: date) -> None:
    if on >= born:
        expected_age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        assert age_in_years(born, on) == expected_age
    assert months_between(born, on) == -months_between(on, born) or born.day != on.day


def test_leap_day_birthdays_turn_on_the_first_of_march() -> None:
    assert age_in_years(date(2000, 2, 29), date(2001, 2, 28)) == 0
    assert age_in_years(date(2000, 2, 29), date(2001, 3, 1)) == 1


def test_calendar_months_and_plus_months_clamp_like_java() -> None:
    assert months_between(date(2025, 1, 31), date(2025, 2, 28)) == 0
    assert months_between(date(2025, 1, 31), date(2025, 3, 31)) == 2
    assert months_between(date(2025, 3, 15), date(2025, 4, 14)) == 0
    assert plus_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _regex_date(value: str) -> date | None:
    """The date parser's original definition: the regex, then `date.fromisoformat`."""
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _mutate(case: tuple[str, int, str, str]) -> str:
    text, at, char, how = case
    if how == "replace":
        return text[:at] + char + text[at + 1 :]
    if how == "insert":
        return text[:at] + char + text[at:]
    if how == "delete":
        return text[:at] + text[at + 1 :]
    return char + text if how == "prefix" else text + char


NEAR_ISO_CHARS = "0123456789-W T:+.Z\n\x00٣２𝟎é"
NEAR_ISO = (
    st.text(alphabet=NEAR_ISO_CHARS, min_size=6, max_size=12)
    | st.dates().map(date.isoformat)
    | st.tuples(
        st.dates().map(date.isoformat),
        st.integers(0, 9),
        st.sampled_from(NEAR_ISO_CHARS),
        st.sampled_from(["replace", "insert", "delete", "prefix", "suffix"]),
    ).map(_mutate)
    | st.builds(
        "{}-{}-{}".format,
        st.text("0123456789٣２", min_size=4, max_size=4),
        st.text("0123456789W", min_size=2, max_size=2),
        st.text("0123456789-", min_size=2, max_size=2),
    )
    | st.sampled_from(
        ["20260101", "2026-W01-1", "2026W011", "2026-001", "2026-02-29", "2024-02-29", "0000-01-01"]
    )
)


@settings(max_examples=2000)
@given(value=st.text() | NEAR_ISO)
def test_date_parsing_accepts_exactly_what_the_regex_definition_accepts(value: str) -> None:
    assert parse_date(value) == _regex_date(value)
    assert calculate("arp", {"dateOfBirth": value})["errors"][0]["type"] == (  # type: ignore[index]
        "MISSING_MANDATORY_INPUT" if _regex_date(value) else "INVALID_INPUT"
    )
