"""The v3 tier letters and the eight steps that yield them.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
TierCalculator.kt, CalculationStep.kt and ReoffendingPredictorTable.kt (v3, March–August 2026),
and its unit tests. Each step yields a
letter A (highest) … G or nothing; the tier is the highest letter any step yields.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum

from caseload.tiering.domain.errors import UnsupportedCombinationError
from caseload.tiering.domain.inputs import DcSrpBand, DcSrpScore, MappaCategory, RoshLevel


class V3Tier(StrEnum):
    """v3 results, declared lowest first: statuses, then letters G … A."""

    NOT_SUPERVISED = "NOT_SUPERVISED"
    MISSING = "MISSING"
    G = "G"
    F = "F"
    E = "E"
    D = "D"
    C = "C"
    B = "B"
    A = "A"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def is_below(self, other: "V3Tier") -> bool:
        return self.rank < other.rank


_RANKS: dict[V3Tier, int] = {tier: rank for rank, tier in enumerate(V3Tier)}
LETTERS: tuple[V3Tier, ...] = tuple(V3Tier)[2:]
LOWEST_LETTER = V3Tier.G


class V3Step(StrEnum):
    REOFFENDING = "REOFFENDING"
    SEXUAL_REOFFENDING = "SEXUAL_REOFFENDING"
    MAPPA_ROSH = "MAPPA_ROSH"
    LIFER_IPP = "LIFER_IPP"
    DOMESTIC_ABUSE = "DOMESTIC_ABUSE"
    STALKING = "STALKING"
    CHILD_PROTECTION = "CHILD_PROTECTION"
    SEXUAL_OFFENCES = "SEXUAL_OFFENCES"


def highest(letters: Iterable[V3Tier | None]) -> V3Tier:
    """The highest letter given, or G when there is none."""
    found = [letter for letter in letters if letter is not None]
    return max(found, key=lambda letter: letter.rank, default=LOWEST_LETTER)


# --- Table 1: ARP × CSRP (ReoffendingPredictorTable.kt) ----------------------------------

INFINITY = Decimal("Infinity")
#: Rows: the first CSRP threshold the score meets, highest first.
CSRP_ROWS: tuple[Decimal, ...] = tuple(Decimal(t) for t in ("6.9", "3.0", "1.0", "0.5", "0.0"))
#: Columns: the first ARP threshold the score meets, highest first.
ARP_COLUMNS: tuple[Decimal, ...] = tuple(Decimal(t) for t in ("90", "75", "50", "25", "15", "0"))
TABLE_ONE: tuple[tuple[V3Tier, ...], ...] = tuple(
    tuple(V3Tier(letter) for letter in row)
    for row in ("AABBBB", "ABCCCC", "BCDEEE", "CDEEFF", "DDEFFG")
)


def table_one(arp: Decimal, csrp: Decimal) -> V3Tier:
    """Look up Table 1; pass `INFINITY` for the first row or column. Scores must be >= 0."""
    row = _first_met(csrp, CSRP_ROWS)
    column = _first_met(arp, ARP_COLUMNS)
    return TABLE_ONE[row][column]


def _first_met(score: Decimal, thresholds: tuple[Decimal, ...]) -> int:
    for index, threshold in enumerate(thresholds):
        if score >= threshold:
            return index
    raise ValueError("a predictor score cannot be negative")


# --- DC-SRP (TierCalculator.kt) ----------------------------------------------------------

DC_SRP_BAND_LETTERS: dict[DcSrpBand, V3Tier] = {
    DcSrpBand.VERY_HIGH: V3Tier.A,
    DcSrpBand.HIGH: V3Tier.B,
    DcSrpBand.LOW: V3Tier.E,
}
#: MEDIUM band: "without risk reduction" (3.36/2.11) then "with risk reduction" (1.12/0.60)
#: sub-tables, told apart by the score alone. Non-monotonic on purpose (an anchor quirk).
DC_SRP_MEDIUM: tuple[tuple[Decimal, V3Tier], ...] = (
    (Decimal("3.36"), V3Tier.C),
    (Decimal("2.11"), V3Tier.D),
    (Decimal("1.12"), V3Tier.C),
    (Decimal("0.60"), V3Tier.D),
)


def dc_srp_applies(dc_srp: DcSrpScore | None) -> bool:
    """The step is considered only with a score above 0 and a band other than N/A."""
    return (
        dc_srp is not None
        and dc_srp.score is not None
        and dc_srp.score > 0
        and dc_srp.band is not None
        and dc_srp.band is not DcSrpBand.NOT_APPLICABLE
    )


def check_dc_srp(dc_srp: DcSrpScore | None) -> None:
    """Raise for a MEDIUM DC-SRP below 0.60, which the anchor cannot score."""
    if not dc_srp_applies(dc_srp) or dc_srp is None or dc_srp.score is None:
        return
    if dc_srp.band is DcSrpBand.MEDIUM and dc_srp.score < DC_SRP_MEDIUM[-1][0]:
        raise UnsupportedCombinationError(
            ("dc_srp.band", "dc_srp.score"),
            "a MEDIUM DC-SRP band needs a score of at least 0.60",
        )


def sexual_reoffending(dc_srp: DcSrpScore | None) -> V3Tier | None:
    check_dc_srp(dc_srp)
    if not dc_srp_applies(dc_srp) or dc_srp is None or dc_srp.score is None:
        return None
    if dc_srp.band is DcSrpBand.MEDIUM:
        return next(letter for lowest, letter in DC_SRP_MEDIUM if dc_srp.score >= lowest)
    return None if dc_srp.band is None else DC_SRP_BAND_LETTERS[dc_srp.band]


# --- MAPPA + RoSH (TierCalculator.kt) ----------------------------------------------------

MAPPA_ROSH_WITH_MAPPA: dict[RoshLevel | None, V3Tier] = {
    RoshLevel.VERY_HIGH: V3Tier.A,
    RoshLevel.HIGH: V3Tier.C,
    RoshLevel.MEDIUM: V3Tier.D,
    RoshLevel.LOW: V3Tier.E,
    None: V3Tier.E,
}
MAPPA_ROSH_WITHOUT_MAPPA: dict[RoshLevel | None, V3Tier] = {
    RoshLevel.VERY_HIGH: V3Tier.C,
    RoshLevel.HIGH: V3Tier.D,
}


def mappa_rosh(mappa_category: MappaCategory | None, rosh: RoshLevel | None) -> V3Tier | None:
    if mappa_category is not None:
        return MAPPA_ROSH_WITH_MAPPA[rosh]
    return MAPPA_ROSH_WITHOUT_MAPPA.get(rosh)


# --- Lifer / IPP (TierCalculator.kt) -----------------------------------------------------

#: (years before today, letter): released on or after today minus that many years.
LIFER_RELEASE_BANDS: tuple[tuple[int, V3Tier], ...] = ((1, V3Tier.B), (5, V3Tier.D))
LIFER_LONG_AGO = V3Tier.E


def lifer_ipp(lifer: bool, latest_release: date | None, today: date) -> V3Tier | None:
    if not lifer or latest_release is None:
        return None
    for years, letter in LIFER_RELEASE_BANDS:
        if latest_release >= minus_years(today, years):
            return letter
    return LIFER_LONG_AGO


def minus_years(day: date, years: int) -> date:
    """Java `LocalDate.minusYears`: 29 February becomes 28 February in a common year."""
    year = day.year - years
    if day.month == 2 and day.day == 29 and not _is_leap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# --- registration and flag steps (TierCalculator.kt) -------------------------------------

DOMESTIC_ABUSE_LETTER = V3Tier.E
STALKING_LETTER = V3Tier.F
CHILD_PROTECTION_LETTER = V3Tier.F
SEXUAL_OFFENCES_LETTER = V3Tier.E
