"""A practitioner's total workload points: cases, court reports and CMS contacts.

Real time: `WorkloadCalculator.kt` in ministryofjustice/hmpps-workload@1e70153e (court reports
and contacts; case points are summed per case from `case_points.py`), in whole numbers.
Batch: `calculate-points-for-workload.js`, `calculate-points-for-tier.js`,
`calculate-sdr-conversion-points.js`, `calculate-arms-points.js` and `calculate-parom-points.js`
in ministryofjustice/wmt-worker@78f526bf (`app/services/probation-rules/app/points/`), in
JavaScript numbers (IEEE doubles): the `wmt_` functions compute in floats for that reason.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Court report types (real time) and the weighting row's column each reads.
STANDARD, FAST = "STANDARD", "FAST"


@dataclass(frozen=True)
class CaseCount:
    """`count` cases each worth `points_each` (already looked up in the weighting table)."""

    count: int
    points_each: int


@dataclass(frozen=True)
class ReportWeightings:
    """Points per report: a standard delivery pre-sentence report (`sdr`) and a fast delivery
    report (`sdr_conversion`)."""

    standard: int
    fast: int


def case_points(cases: Iterable[CaseCount]) -> int:
    return sum(case.count * case.points_each for case in cases)


def report_points(reports: Mapping[str, int], weightings: ReportWeightings) -> int:
    """STANDARD reports × `sdr` + FAST reports × `sdr_conversion` (real time: the reports the
    practitioner holds; the batch counts those completed in the last 30 days)."""
    return reports.get(STANDARD, 0) * weightings.standard + reports.get(FAST, 0) * weightings.fast


def contact_points(contacts: Mapping[str, int], weightings: Mapping[str, int]) -> int:
    """Σ count × the contact type's points; a contact type without a weighting scores 0."""
    return sum(count * weightings.get(code, 0) for code, count in contacts.items())


def workload_points(
    *,
    cases: Iterable[CaseCount] = (),
    reports: Mapping[str, int] | None = None,
    report_weightings: ReportWeightings = ReportWeightings(0, 0),
    contacts_outside_caseload: Mapping[str, int] | None = None,
    contacts_by_others: Mapping[str, int] | None = None,
    contact_weightings: Mapping[str, int] | None = None,
) -> int:
    """Real-time total: case points + report points + CMS contacts done on others' cases −
    CMS contacts others did on this caseload. It may be negative. No inactive-case subtraction
    in real time (the batch has one, for T2A cases only)."""
    weights = contact_weightings or {}
    return (
        case_points(cases)
        + report_points(reports or {}, report_weightings)
        + contact_points(contacts_outside_caseload or {}, weights)
        - contact_points(contacts_by_others or {}, weights)
    )


# --- The WMT batch ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InactiveCounts:
    """Cases within a tier's total that are inactive: active warrants, only unpaid work
    outstanding, overdue terminations."""

    warrants: int = 0
    unpaid_work: int = 0
    overdue_termination: int = 0


@dataclass(frozen=True)
class InactiveWeightings:
    """How much of an inactive case still counts, in percent (the T2A row's `weighting_w`,
    `weighting_u`, `weighting_o`)."""

    warrants: float
    unpaid_work: float
    overdue_termination: float


def wmt_inactive_multiplier(weighting_percent: float) -> float:
    """The share of an inactive case's points subtracted: none at 100% or more, all at 0% or
    less, otherwise (100 − w) / 100."""
    if weighting_percent >= 100:
        return 0.0
    if weighting_percent <= 0:
        return 1.0
    return (100 - weighting_percent) / 100


def wmt_points_for_tier(
    total: int,
    inactive: InactiveCounts,
    points_per_case: float,
    weightings: InactiveWeightings,
    *,
    subtract_inactive: bool,
) -> float:
    """A tier's points in the batch: total × points, less the inactive cases' share when
    `subtract_inactive`. Since WMT0115 the batch reads tier totals from the extract's filtered
    worksheet, which has already left inactive cases out, so only T2A cases subtract them."""
    points = total * points_per_case
    if subtract_inactive:
        for count, weighting in (
            (inactive.warrants, weightings.warrants),
            (inactive.unpaid_work, weightings.unpaid_work),
            (inactive.overdue_termination, weightings.overdue_termination),
        ):
            points -= count * (points_per_case * wmt_inactive_multiplier(weighting))
    return points


def wmt_report_points(reports: int, weighting: float) -> float:
    """SDRs (or FDRs) completed in the last 30 days × their weighting."""
    return reports * weighting


def wmt_arms_points(
    licence_cases: int, community_cases: int, licence_weighting: float, community_weighting: float
) -> float:
    """Legacy: ARMS assessments were weighted per case. Removed from the current worker
    (migration V1_50__REMOVE_ARMS_PAROMS_CAPACITY); kept so old figures can be reproduced."""
    return licence_cases * licence_weighting + community_cases * community_weighting


def wmt_parom_points(completed_last_30_days: int, weighting: float, *, enabled: bool) -> float:
    """Legacy: parole reports completed in the last 30 days × their weighting, if enabled.
    Removed from the current calculation with the ARMS term."""
    return completed_last_30_days * weighting if enabled else 0.0


def wmt_total_points(parts: Iterable[float]) -> int:
    """The batch's total, rounded to the nearest whole point as JavaScript's `Math.round`
    does (halves upwards, also for negative numbers)."""
    return math.floor(sum(parts) + 0.5)
