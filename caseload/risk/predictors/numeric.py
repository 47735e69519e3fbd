"""Number types, the logistic link and the anchor's rounding rules.

Source: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c (`BigDecimal` arithmetic of ARP,
VRP and SVRP since commit 42fc7fb, ACT-676) and @52792f4 for the legacy integer-percent rounding
in src/main/kotlin/.../service/transformation/{OGRS3,OGP,OVP}TransformationHelper.kt. Our sources
name no single anchor file for the HEAD rounding.

Two arithmetics are needed:

* HEAD ARP/VRP/SVRP use `BigDecimal`: coefficient literals are the exact value of the nearest
  binary double, offence-group coefficients are exact decimal strings, addition and
  multiplication are exact, and division, `ln` and `exp` run at 34 significant digits, half-even
  (`MathContext.DECIMAL128`). `EXACT` and `DECIMAL128` model that.
* The legacy predictors and DC-SRP use IEEE doubles, with half-up rounding of the double's exact
  binary value.
"""

from __future__ import annotations

import math
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
)
from functools import lru_cache
from typing import NamedTuple

EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, rounding=ROUND_HALF_EVEN)
"""Unlimited precision: only ever used for addition, multiplication and quantize."""

DECIMAL128 = Context(prec=34, rounding=ROUND_HALF_EVEN)
"""Java `MathContext.DECIMAL128`: division, `ln` and `exp` in the HEAD models."""

_HUNDREDTH = Decimal("0.01")
_ONE = Decimal(1)
_HUNDRED = Decimal(100)


class Coef(NamedTuple):
    """A model coefficient: its exact value and the same value as a double (for the fast path)."""

    exact: Decimal
    approx: float


def binary_coef(literal: str) -> Coef:
    """A coefficient built like `BigDecimal(double)`: the exact value of the nearest double."""
    value = float(literal)
    return Coef(Decimal(value), value)


def decimal_coef(literal: str) -> Coef:
    """A coefficient built from an exact decimal string (the offence-group values)."""
    exact = Decimal(literal)
    return Coef(exact, float(exact))


@lru_cache(maxsize=1 << 16)
def ln_ratio(numerator: int, denominator: int) -> Decimal:
    """`ln(numerator / denominator)`, the division and the log each at 34 digits, half-even.

    Memoised: the 34-digit `ln` is the costliest step of any model, and the same small ratios
    recur across models (static and dynamic, squared and not) and requests."""
    return DECIMAL128.ln(DECIMAL128.divide(Decimal(numerator), Decimal(denominator)))


def logistic_decimal(t: Decimal) -> Decimal:
    """`eᵗ / (1 + eᵗ)`: `eᵗ` at 34 digits, the division kept at the scale of `eᵗ`, half-even."""
    e = DECIMAL128.exp(t)
    sign, digits, exponent = e.as_tuple()
    coefficient = int("".join(map(str, digits)))
    if not isinstance(exponent, int) or sign:
        raise ArithmeticError(f"exp({t}) is not a finite positive number")
    # p · 10^-exponent = E / (1 + E · 10^exponent), evaluated with integers.
    if exponent < 0:
        numerator, denominator = coefficient * 10**-exponent, 10**-exponent + coefficient
    else:
        numerator, denominator = coefficient, 1 + coefficient * 10**exponent
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return Decimal(quotient).scaleb(exponent)


def logistic_float(t: float) -> float:
    """`eᵗ / (1 + eᵗ)` in IEEE doubles, as the legacy predictors and DC-SRP compute it."""
    e = math.exp(t)
    return e / (1 + e)


def percent_2dp(fraction: Decimal) -> Decimal:
    """100 × fraction rounded to 2 d.p. half-up (the fraction is used exactly)."""
    return EXACT.multiply(fraction, _HUNDRED).quantize(_HUNDREDTH, ROUND_HALF_UP, EXACT)


def clamp_percent(percent: Decimal) -> float:
    """HEAD clamp: ≤ 0 becomes 0.0 and ≥ 100 becomes 99.99."""
    if percent <= 0:
        return 0.0
    if percent >= _HUNDRED:
        return 99.99
    return float(percent)


def double_percent_2dp(fraction: float) -> float:
    """DC-SRP, IIC-SRP: the exact binary value of the double × 100, 2 d.p. half-up, clamped."""
    return clamp_percent(percent_2dp(Decimal(fraction)))


def half_up_int(value: float) -> int:
    """Round the exact binary value of a double half-up to an integer."""
    return int(Decimal(value).quantize(_ONE, ROUND_HALF_UP, EXACT))


def legacy_percent(fraction: float) -> int:
    """OGP/OVP: exact double × 100 half-up to an integer, clamped to 1–99 (legacy)."""
    percent = int(EXACT.multiply(Decimal(fraction), _HUNDRED).quantize(_ONE, ROUND_HALF_UP, EXACT))
    return 1 if percent <= 0 else min(percent, 99)


def round_5dp_to_double(fraction: float) -> float:
    """OGRS3's first step: half-up to 5 d.p. from the exact double, back to the nearest double."""
    return float(Decimal(fraction).quantize(Decimal("0.00001"), ROUND_HALF_UP, EXACT))
