"""Reading `"model": "v3"` and `"v3_provisional_only"` input objects (the vector format).

Predictor scores are percentages, so a score outside 0–100 is refused (our convention).
The latest release date is given relative to the calculation date as `{"years", "months",
"days"}` offsets, applied in that order with Java's calendar rules; any other key is an error.
"""

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caseload.tiering.domain.inputs import (
    DcSrpBand,
    DcSrpScore,
    MappaCategory,
    PredictorScore,
    PredictorType,
    RoshLevel,
    TierV3Inputs,
)
from caseload.tiering.domain.reader import ObjectReader, as_whole_number, enum_value
from caseload.tiering.domain.v3_steps import LETTERS, V3Step, V3Tier

SCORE_RANGE = (Decimal(0), Decimal(100))
OFFSET_KEYS = ("years", "months", "days")


def read_v3(reader: ObjectReader, *, today: date) -> TierV3Inputs:
    return TierV3Inputs(
        has_active_event=reader.boolean("has_active_event", mandatory=True),
        rosh=reader.enum("rosh", RoshLevel),
        mappa_category=reader.enum("mappa_category", MappaCategory),
        lifer_ipp=reader.boolean("lifer_ipp"),
        latest_release_date=_release_date(reader, today),
        domestic_abuse=reader.boolean("domestic_abuse"),
        stalking=reader.boolean("stalking"),
        child_protection=reader.boolean("child_protection"),
        arp=read_predictor(reader, "arp"),
        csrp=read_predictor(reader, "csrp"),
        dc_srp=_dc_srp(reader),
        ever_committed_sexual_offence=reader.boolean("ever_committed_sexual_offence"),
    )


def read_predictor(reader: ObjectReader, key: str) -> PredictorScore | None:
    """`{"score": number or null, "type": "STATIC" / "DYNAMIC" / null}` or null."""
    predictor = reader.child(key)
    if predictor is None:
        return None
    return PredictorScore(
        score=predictor.decimal("score", minimum=SCORE_RANGE[0], maximum=SCORE_RANGE[1]),
        score_type=predictor.enum("type", PredictorType),
    )


def _dc_srp(reader: ObjectReader) -> DcSrpScore | None:
    dc_srp = reader.child("dc_srp")
    if dc_srp is None:
        return None
    return DcSrpScore(
        score=dc_srp.decimal("score", minimum=SCORE_RANGE[0], maximum=SCORE_RANGE[1]),
        band=dc_srp.enum("band", DcSrpBand),
    )


def _release_date(reader: ObjectReader, today: date) -> date | None:
    offsets = reader.child("latest_release_date")
    if offsets is None:
        return None
    amounts: dict[str, int] = {}
    valid = True
    for key, value in offsets.data.items():
        path = offsets.path_of(str(key))
        if key not in OFFSET_KEYS:
            reader.problems.invalid(path, "is not an offset; use years, months or days")
            valid = False
            continue
        amount = 0 if value is None else as_whole_number(value)
        if amount is None:
            reader.problems.invalid(path, "must be a whole number")
            valid = False
            continue
        amounts[str(key)] = amount
    if not valid:
        return None
    try:
        return shift(today, **amounts)
    except (OverflowError, ValueError):
        reader.problems.invalid(offsets.path, "moves the date outside the calendar")
        return None


def shift(day: date, *, years: int = 0, months: int = 0, days: int = 0) -> date:
    """Add years, then months, then days, as Java's `LocalDate.plusYears/plusMonths/plusDays`:
    a day past the end of the target month is clamped to its last day (29 Feb → 28 Feb)."""
    moved = _plus_months(day, 12 * years)
    moved = _plus_months(moved, months)
    return moved + timedelta(days=days)


def _plus_months(day: date, months: int) -> date:
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ProvisionalOnlyInputs:
    """Step results given directly, as the anchor's provisional unit tests do."""

    rosh: RoshLevel | None
    mappa_category: MappaCategory | None
    arp: PredictorScore | None
    csrp: PredictorScore | None
    steps: Mapping[V3Step, V3Tier | None]


def read_provisional_only(reader: ObjectReader) -> ProvisionalOnlyInputs:
    steps: dict[V3Step, V3Tier | None] = {}
    step_results = reader.child("step_results", mandatory=True)
    if step_results is not None:
        for key, value in step_results.data.items():
            path = step_results.path_of(str(key))
            step = enum_value(key, V3Step, path, reader.problems)
            if step is None or value is None:
                continue
            letter = _letter(value)
            if letter is None:
                reader.problems.invalid(
                    path, f"must be one of {', '.join(reversed(LETTERS))} or null"
                )
            else:
                steps[step] = letter
    return ProvisionalOnlyInputs(
        rosh=reader.enum("rosh", RoshLevel),
        mappa_category=reader.enum("mappa_category", MappaCategory),
        arp=read_predictor(reader, "arp"),
        csrp=read_predictor(reader, "csrp"),
        steps=steps,
    )


def _letter(value: object) -> V3Tier | None:
    return next((letter for letter in LETTERS if letter.value == value), None)
