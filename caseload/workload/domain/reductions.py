"""Reductions: blocks of weekly hours taken off a practitioner's capacity, each for a reason.

Reasons and their allowances: the seed migration `V1_1__SEED_REF_DATA.sql` of
ministryofjustice/hmpps-workload@1e70153e (seed values; production values are set by
administrators and are not public). Percentages to hours: the reduction admin helper of
ministryofjustice/wmt-web@47d98ee1. Which reductions count: hmpps-workload (real time) and
`app/services/data/get-app-reduction-hours.js` in ministryofjustice/wmt-worker@78f526bf (batch).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from caseload.core.dates import add_months


class ReductionStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SCHEDULED = "SCHEDULED"
    ARCHIVED = "ARCHIVED"
    DELETED = "DELETED"


@dataclass(frozen=True)
class ReductionReason:
    """`allowance_percent`: the default, as a percentage of contracted hours; `max_percent`: a
    ceiling; `expiry_months`: when a reduction for this reason ends by default. None: not set."""

    category: str
    name: str
    allowance_percent: Decimal | None = None
    max_percent: Decimal | None = None
    expiry_months: int | None = None
    enabled: bool = True


@dataclass(frozen=True)
class Reduction:
    hours: Decimal
    reason: ReductionReason
    effective_from: datetime
    effective_to: datetime | None
    status: ReductionStatus = ReductionStatus.ACTIVE


HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def allowance_hours(contracted_hours: Decimal, percent: Decimal | None) -> Decimal:
    """A percentage of contracted hours in hours, rounded to 2 decimal places and capped at the
    contracted hours; no percentage means the full contracted hours. wmt-web rounds with
    JavaScript; we round halves up, which is the same for every percentage with at most two
    decimal places of a whole or half number of hours (the exact JavaScript method is not
    certain)."""
    if percent is None:
        return contracted_hours
    hours = (contracted_hours / HUNDRED * percent).quantize(CENT, rounding=ROUND_HALF_UP)
    return min(hours, contracted_hours)


def default_effective_to(reason: ReductionReason, effective_from: date) -> date | None:
    """The default end of a reduction: its reason's expiry in calendar months, or open-ended."""
    if reason.expiry_months is None:
        return None
    return add_months(effective_from, reason.expiry_months)


def counts_now(reduction: Reduction, now: datetime) -> bool:
    """Real time: in force strictly between its dates (an open end runs on), and neither
    archived nor deleted."""
    if reduction.status in (ReductionStatus.ARCHIVED, ReductionStatus.DELETED):
        return False
    started = reduction.effective_from < now
    return started and (reduction.effective_to is None or now < reduction.effective_to)


def counts_in_batch(reduction: Reduction) -> bool:
    """The batch counts a reduction whose status is ACTIVE and whose reason is enabled; the
    statuses are brought up to date by date when each new extract is placed."""
    return reduction.status == ReductionStatus.ACTIVE and reduction.reason.enabled


def reduction_hours(reductions: Iterable[Reduction], now: datetime) -> Decimal:
    """The weekly hours of the reductions that count now."""
    return sum((r.hours for r in reductions if counts_now(r, now)), Decimal(0))


_P, _L, _W = "Personal Circumstances", "Community Justice Learning", "Work Circumstances"


def _reason(
    category: str,
    name: str,
    allowance: int | None = None,
    maximum: int | None = None,
    expiry: int | None = None,
) -> ReductionReason:
    return ReductionReason(
        category,
        name,
        None if allowance is None else Decimal(allowance),
        None if maximum is None else Decimal(maximum),
        expiry,
    )


#: The seed reasons, in the seed's order.
SEED_REASONS: tuple[ReductionReason, ...] = (
    _reason(_P, "Disability"),
    _reason(_P, "Long Term Sickness Absence", 100),
    _reason(_P, "Phased Return to Work"),
    _reason(_P, "Pregnancy"),
    _reason(_P, "Maternity Leave", 100, expiry=6),
    _reason(_P, "Adoption Leave", 100, expiry=6),
    _reason(_P, "Special Leave", 100),
    _reason(_P, "Trade Union Facility Time", maximum=50),
    _reason(_P, "Other Paid Leave (e.g. Jury Service)", 100),
    _reason(_P, "Other Unpaid Leave", 100),
    _reason(_P, "Other"),
    _reason(_L, "PQiP – 1st 6 months", 80, expiry=6),
    _reason(_L, "PQiP – 6 to 12 months", 60, expiry=6),
    _reason(_L, "PQiP – 12 to 18 months", 40, expiry=6),
    _reason(_L, "NQO (newly qualified PO)", 20, expiry=9),
    _reason(_L, "PSO Learning & Development", 20, expiry=6),
    _reason(_L, "VQ3", 5, expiry=6),
    _reason(_L, "Level 4 and Level 5 Access", 10, expiry=6),
    _reason(_W, "Co-Worked Cases"),
    _reason(_W, "Groups (Group Supervision)"),
    _reason(_W, "Groups (Induction)"),
    _reason(_W, "Court Duty"),
    _reason(_W, "Pre-Sentence Reports – Court Duty / Sessional"),
    _reason(_W, "Split Role"),
    _reason(_W, "OM in Custody – Transactional work"),
    _reason(_W, "SPOC lead", maximum=5),
)
