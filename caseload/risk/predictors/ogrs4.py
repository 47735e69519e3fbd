"""Shared machinery of the OASys v4 logistic models ARP, VRP and SVRP.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c, the three models' files under
src/main/kotlin/.../service/ (coefficients/, transformation/, validation/, constants/; each named
in `arp`, `vrp`, `svrp`). The age polynomial has no constant term since commit 606be6a (ACT-682).

A `Model` is one coefficient set (e.g. ARP static). Its terms are computed exactly, as the
anchor's `BigDecimal` arithmetic does, and cached per distinct input, because the inputs
are small integers (age, months, sanction counts, career length).

Scoring has a fast path: sum the double image of each exact term and apply the logistic in
doubles. The double total is within ~1e-13 of the exact one, so whenever the percentage is not
within 1e-8 of a rounding boundary (x.xx5) the 2-d.p. result is provably the exact path's. Only
near a boundary, or for extreme totals, is the exact decimal computation run. The outcome is
always the anchor's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from caseload.risk.predictors.enums import ActuarialCategory, Band, ScoreType
from caseload.risk.predictors.errors import (
    CalculationError,
    ErrorCollector,
    unexpected,
)
from caseload.risk.predictors.numeric import (
    EXACT,
    Coef,
    binary_coef,
    clamp_percent,
    decimal_coef,
    ln_ratio,
    logistic_decimal,
    percent_2dp,
)
from caseload.risk.predictors.results import ScoreResult

ZERO = Coef(Decimal(0), 0.0)
Part = tuple[str, object, Coef]
"""A term before reporting: feature name, input value, contribution."""

_AGE_KEYS = ("AAI", "AAI_QUADRATIC", "AAI_CUBIC", "AAI_QUARTIC")
_MONTH_KEYS = (
    "OFFENCE_FREE_MONTHS",
    "OFFENCE_FREE_MONTHS_QUADRATIC",
    "OFFENCE_FREE_MONTHS_CUBIC",
    "OFFENCE_FREE_MONTHS_QUARTIC",
)


def _exact(value: Decimal) -> Coef:
    return Coef(value, float(value))


@dataclass(eq=False)
class Model:
    """One coefficient set, with exact terms cached by input."""

    name: str
    table: Mapping[str, Coef]
    offence: Mapping[ActuarialCategory, Coef]
    copas_key: str
    """`COPAS_G` (ARP, offset 26) or `COPAS_V` (VRP/SVRP, offset 12)."""
    career_offset: int
    _cache: dict[object, Coef] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        name: str,
        literals: Mapping[str, str],
        offence_literals: Mapping[str, str],
        copas_key: str,
        career_offset: int,
    ) -> Model:
        return cls(
            name=name,
            table={key: binary_coef(value) for key, value in literals.items()},
            offence={ActuarialCategory(k): decimal_coef(v) for k, v in offence_literals.items()},
            copas_key=copas_key,
            career_offset=career_offset,
        )

    def coef(self, key: str) -> Coef:
        return self.table[key]

    def scaled(self, key: str, times: int) -> Coef:
        """`times × coefficient`, exactly (ordinal scores, 2 × unemployment, counts)."""
        cache_key = (key, times)
        found = self._cache.get(cache_key)
        if found is None:
            found = _exact(EXACT.multiply(self.table[key].exact, Decimal(times)))
            self._cache[cache_key] = found
        return found

    def age_polynomial(self, female: bool, age: int) -> Coef:
        """Σₖ βₖ·aᵏ over the sex's age coefficients, with no constant term (ACT-682)."""
        cache_key = ("age", female, age)
        found = self._cache.get(cache_key)
        if found is None:
            suffix = "_FEMALE" if female else "_MALE"
            total = Decimal(0)
            for power, key in enumerate(_AGE_KEYS, start=1):
                coef = self.table.get(key + suffix)
                if coef is not None:
                    total = EXACT.add(total, EXACT.multiply(coef.exact, Decimal(age**power)))
            found = _exact(total)
            self._cache[cache_key] = found
        return found

    def months_polynomial(self, months: int) -> Coef:
        cache_key = ("months", months)
        found = self._cache.get(cache_key)
        if found is None:
            total = Decimal(0)
            for power, key in enumerate(_MONTH_KEYS, start=1):
                coef = self.table.get(key)
                if coef is not None:
                    total = EXACT.add(total, EXACT.multiply(coef.exact, Decimal(months**power)))
            found = _exact(total)
            self._cache[cache_key] = found
        return found

    def copas(self, female: bool, sanctions: int, career: int, squared: bool = False) -> Coef:
        """`r × coef` (or `r² × coef`) with `r = ln(n / (c − f + offset))`, for n ≥ 3."""
        cache_key = ("copas", female, sanctions, career, squared)
        found = self._cache.get(cache_key)
        if found is None:
            rate = ln_ratio(sanctions, career + self.career_offset)
            if squared:
                rate = EXACT.multiply(rate, rate)
                key = "THREE_PLUS_SANCTIONS_COPAS_SQUARED_"
            else:
                key = f"THREE_PLUS_SANCTIONS_{self.copas_key}_"
            coef = self.table[key + ("FEMALE" if female else "MALE")]
            found = _exact(EXACT.multiply(rate, coef.exact))
            self._cache[cache_key] = found
        return found

    def violent_rate(self, violent: int, career: int) -> Coef:
        """`ln(v / (c − f + 30)) × VIOLENT_RATE`, for v > 0."""
        cache_key = ("violent", violent, career)
        found = self._cache.get(cache_key)
        if found is None:
            rate = ln_ratio(violent, career + VIOLENT_CAREER_OFFSET)
            found = _exact(EXACT.multiply(rate, self.table["VIOLENT_RATE"].exact))
            self._cache[cache_key] = found
        return found


VIOLENT_CAREER_OFFSET = 30
"""`src/main/kotlin/.../service/constants/ViolentReoffendingPredictorConstant.kt` @016919c."""


class History(NamedTuple):
    """The derived a, c − f, n, m, v used by the static terms (a tuple: cheap to build)."""

    female: bool
    age: int
    sanctions: int
    career: int
    months: int
    category: ActuarialCategory
    violent: int | None = None


def common_parts(model: Model, h: History) -> tuple[Part, ...]:
    """Intercept through sanction occasions, the order all three predictors start with."""
    n, female, table = h.sanctions, h.female, model.table
    return (
        ("twoYearInterceptWeight", None, table["TWO_YEAR_CONSTANT"]),
        ("ageGenderPolynomialWeight", h.age, model.age_polynomial(female, h.age)),
        ("genderWeight", female, table["FEMALE"] if female else ZERO),
        ("offenceGroupWeight", h.category.value, model.offence[h.category]),
        ("firstSanctionWeight", n, table["FIRST_SANCTION"] if n == 1 else ZERO),
        ("secondSanctionWeight", n, table["SECOND_SANCTION"] if n == 2 else ZERO),
        ("totalNumberOfSanctionsForAllOffencesWeight", n, model.scaled("SANCTION_OCCASIONS", n)),
    )


def gap_part(model: Model, h: History) -> Part:
    key = "YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_" + ("FEMALE" if h.female else "MALE")
    return (
        "secondSanctionGapWeight",
        h.career,
        model.scaled(key, h.career) if h.sanctions == 2 else ZERO,
    )


def months_part(model: Model, h: History) -> Part:
    return ("offenceFreeMonthsWeight", h.months, model.months_polynomial(h.months))


def copas_part(model: Model, h: History, name: str = "copasScore", squared: bool = False) -> Part:
    if h.sanctions < 3:
        return (name, h.sanctions, ZERO)
    return (name, h.sanctions, model.copas(h.female, h.sanctions, h.career, squared))


def violent_parts(model: Model, h: History, names: tuple[str, str, str, str]) -> tuple[Part, ...]:
    """Never violent, once violent, v × violent sanctions, violent rate (VRP, SVRP)."""
    v = h.violent or 0
    never = "NEVER_VIOLENT_" + ("FEMALE" if h.female else "MALE")
    return (
        (names[0], v, model.coef(never) if v == 0 else ZERO),
        (names[1], v, model.coef("ONCE_VIOLENT") if v == 1 else ZERO),
        (names[2], v, model.scaled("VIOLENT_SANCTIONS", v)),
        (names[3], v, model.violent_rate(v, h.career) if v > 0 else ZERO),
    )


_BOUNDARY_MARGIN = 1e-8
_FAST_RANGE = 30.0


def percent_score(parts: Sequence[Part]) -> float:
    """The clamped 2-d.p. percentage for a sum of terms: fast when safe, exact otherwise."""
    total = 0.0
    for part in parts:
        total += part[2].approx
    if -_FAST_RANGE < total < _FAST_RANGE and total != 0.0:
        hundredths = 10000.0 / (1.0 + math.exp(-total))
        floor = math.floor(hundredths)
        fraction = hundredths - floor
        if abs(fraction - 0.5) > _BOUNDARY_MARGIN:
            steps = int(floor) + (1 if fraction > 0.5 else 0)
            if steps <= 0:
                return 0.0
            return 99.99 if steps >= 10000 else steps / 100
    return exact_percent_score(parts)


def exact_percent_score(parts: Sequence[Part]) -> float:
    """The anchor's decimal computation, used near rounding boundaries."""
    exact_total = Decimal(0)
    for part in parts:
        exact_total = EXACT.add(exact_total, part[2].exact)
    return clamp_percent(percent_2dp(logistic_decimal(exact_total)))


Calculation = Callable[[], Sequence[Part]]


def select_and_score(
    static_errors: ErrorCollector,
    dynamic_errors: ErrorCollector,
    static: Calculation,
    dynamic: Calculation,
    band: Callable[[float], Band],
    zero_is_error: bool,
) -> ScoreResult:
    """Anchor selection: static errors → no score; dynamic errors → static score; else dynamic."""
    if static_errors:
        static_errors.extend(dynamic_errors.errors())
        return ScoreResult(None, None, None, static_errors.errors())
    if dynamic_errors:
        score_type, calculation, errors = ScoreType.STATIC, static, dynamic_errors
    else:
        score_type, calculation, errors = ScoreType.DYNAMIC, dynamic, dynamic_errors
    try:
        parts = calculation()
        score = percent_score(parts)
        if zero_is_error and score <= 0.0:
            raise CalculationError(f"Percentage score cannot be less than 0%: {score}")
    except Exception as exc:  # UNEXPECTED_ERROR for any exception, as the anchor's producer service
        errors.extend((unexpected(exc),))
        return ScoreResult(score_type, None, None, errors.errors())
    return ScoreResult(score_type, score, band(score), errors.errors(), tuple(parts))


def percent_band(thresholds: tuple[tuple[float, Band], ...]) -> Callable[[float], Band]:
    """A band function from (lowest score of the band, band) pairs, highest first."""

    def band(score: float) -> Band:
        for lowest, name in thresholds:
            if score >= lowest:
                return name
        return thresholds[-1][1]

    return band
