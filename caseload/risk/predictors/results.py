"""Typed predictor results: score(s), band, errors and the `terms` explaining each score."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from caseload.risk.predictors.enums import Band, ScoreType
from caseload.risk.predictors.errors import PredictorError
from caseload.risk.predictors.numeric import Coef


class Term(NamedTuple):
    """One contribution to a score: the anchor's feature name (`.../FeatureValue.kt`
    where it has one), the input value it was computed from, and its weight in the model's units
    (log-odds for the logistic models, exact as the anchor computes them; points for the point
    scales)."""

    name: str
    value: object
    weight: Decimal | float | int


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """ARP, VRP, SVRP: a 2-d.p. percentage, its band and which model (static/dynamic) gave it.

    `parts` holds each term's contribution in both exact and double form; `terms` presents them
    (built on demand, since batch scoring rarely needs them).
    """

    score_type: ScoreType | None
    score: float | None
    band: Band | None
    errors: tuple[PredictorError, ...] = ()
    parts: tuple[tuple[str, object, Coef], ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(Term(name, value, coef.exact) for name, value, coef in self.parts)


@dataclass(frozen=True, slots=True)
class SexualResult:
    """DC-SRP and IIC-SRP. `points` and `risk_band_reduction_applied` are DC-SRP only."""

    score_type: ScoreType
    score: float | None
    band: Band | None
    errors: tuple[PredictorError, ...] = ()
    terms: tuple[Term, ...] = ()
    points: int | None = None
    female_version: bool | None = None
    has_sexual_offence_history: bool | None = None
    risk_band_reduction_applied: bool | None = None


@dataclass(frozen=True, slots=True)
class CombinedResult:
    """CSRP: the sum of its components; `score_type` is the SVRP component's (ours)."""

    score_type: ScoreType | None
    score: float | None
    band: Band | None
    errors: tuple[PredictorError, ...]
    terms: tuple[Term, ...]
    serious_violent: ScoreResult
    direct_contact: SexualResult
    indirect_contact: SexualResult


@dataclass(frozen=True, slots=True)
class Ogrs3Result:
    one_year: int | None
    two_year: int | None
    band: Band | None
    errors: tuple[PredictorError, ...] = ()
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class PointsResult:
    """OGP and OVP: a point total and the 1- and 2-year integer percentages it maps to."""

    points: int | None
    one_year: int | None
    two_year: int | None
    band: Band | None
    errors: tuple[PredictorError, ...] = ()
    terms: tuple[Term, ...] = ()


PredictorResult = ScoreResult | SexualResult | CombinedResult | Ogrs3Result | PointsResult
