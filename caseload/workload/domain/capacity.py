"""Available points, capacity, potential capacity, and how the national tools round them.

Real time (exact decimals, as the Kotlin service computes with BigDecimal): capacity and
available points of ministryofjustice/hmpps-workload@1e70153e. Batch (IEEE doubles, as the
JavaScript does): `calculate-available-points.js` in ministryofjustice/wmt-worker@78f526bf.
Display: the percentage helper and "custom round" of ministryofjustice/wmt-web@47d98ee1.
"""

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from caseload.workload.domain.grades import UNSUPPORTED_TYPE, BandHours, wmt_contracted_hours

RATIO_PLACES = Decimal("1e-15")
CAPACITY_PLACES = Decimal("0.001")
HUNDRED = Decimal(100)
#: Capacity when either side is 0: a plain zero, without decimals.
NO_CAPACITY = Decimal(0)
#: Enough digits that no figure a unit can have is rounded before the rules round it (BigDecimal
#: has no limit; Python's default context keeps 28 digits).
PRECISION = 60


def available_points(
    points_for_grade: int, available_hours: Decimal, default_hours_for_grade: Decimal
) -> int:
    """Real time: the grade's nominal target × (available hours ÷ the grade's default hours),
    the ratio rounded half-up to 15 decimal places, the product truncated to a whole number.
    No available points if the practitioner has no hours left or the grade has no default
    hours (an SPO, in the seed values). Available hours are contracted hours less the
    reductions that count now."""
    if available_hours <= 0 or default_hours_for_grade == 0:
        return 0
    with localcontext(prec=PRECISION):
        ratio = (available_hours / default_hours_for_grade).quantize(RATIO_PLACES, ROUND_HALF_UP)
        return int(points_for_grade * ratio)  # int() truncates toward zero


def capacity_percent(total_points: int, available: int) -> Decimal:
    """Real time: total ÷ available, rounded half-up to 3 decimal places, × 100, keeping the 3
    decimals (15 of 102 is 14.700); a plain 0 when either is 0."""
    if total_points == 0 or available == 0:
        return NO_CAPACITY
    with localcontext(prec=PRECISION):
        ratio = Decimal(total_points) / Decimal(available)
        return ratio.quantize(CAPACITY_PLACES, ROUND_HALF_UP) * HUNDRED


def potential_capacity_percent(
    total_points: int, available: int, case_points: int, *, already_held_points: int = 0
) -> Decimal:
    """The "impact" of allocating a case: capacity with the case's points added, after taking
    off the points of the case if the practitioner already holds it (so it stays the same)."""
    return capacity_percent(total_points - already_held_points + case_points, available)


def wmt_available_points(
    nominal_target: float,
    type_id: int | None,
    contracted_hours_per_week: float | None,
    reduction_hours: float,
    defaults: BandHours,
) -> int:
    """Batch: nominal × (base ÷ band default) × ((base − reductions) ÷ base), truncated as
    JavaScript's `parseInt` does; 0 for UNSUPPORTED, no base hours or no band default."""
    hours = wmt_contracted_hours(type_id, contracted_hours_per_week, defaults)
    if type_id == UNSUPPORTED_TYPE or hours is None:
        return 0
    base, band_default = hours
    if base == 0 or band_default == 0:
        return 0
    points = (nominal_target * (base / band_default)) * ((base - reduction_hours) / base)
    return math.trunc(points)


def capacity_percentage_display(value: float, total: float) -> float:
    """wmt-web's percentage: value ÷ total × 100 as a plain float, 0 when the total is 0."""
    if total == 0:
        return 0.0
    return value / total * 100


def custom_round(value: float | str) -> int:
    """wmt-web's "custom round": a number whose fractional part (rounded to 4 places) is in
    [0.5, 0.6) is rounded down, any other rounded to nearest with halves up (JavaScript's
    `Math.round`; a half can then only be reached by a negative number). 4.5 → 4, 155.6 → 156.
    Numeric strings are accepted, as the JavaScript accepts them."""
    number = float(value)
    fraction = round(math.fmod(number, 1), 4)
    if 0.5 <= fraction < 0.6:
        return math.floor(number)
    return math.floor(number + 0.5)


def shown_to_one_place(percent: Decimal) -> Decimal:
    """The allocation page shows a capacity rounded to 1 decimal place."""
    return percent.quantize(Decimal("0.1"), ROUND_HALF_UP)
