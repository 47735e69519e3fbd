"""Nominal targets and default contracted hours by grade, as each service reads them.

Two services disagree about one column (`nominal_target_spo`): the WMT batch reads it as the
PSO target and gives PSOs the PSO target; the real-time service reads it as the SPO target and
gives PSOs the PO target. Both seed targets are 2176, so the difference is invisible with the
seed values; which reading is meant is not documented.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from caseload.workload.domain.sources import HMPPS_WORKLOAD, WMT_WORKER


@dataclass(frozen=True)
class GradeWeighting:
    """A grade's nominal target (points a week at full hours) and default contracted hours."""

    nominal_target: int
    default_contracted_hours: Decimal


#: Grade codes as the real-time service spells them (`"PQiP"`, not our stored `"PQIP"`).
PO, PSO, PQIP, SPO, NQO, DMY = "PO", "PSO", "PQiP", "SPO", "NQO", "DMY"

GRADES_SOURCE = f"{HMPPS_WORKLOAD} V1_1__SEED_REF_DATA.sql (seed values)"

#: Seed values: nominal target 2176 for every grade, 37 hours for PO and PSO, 0 for SPO, so
#: that an SPO has no available points and sits outside capacity. Trainees (PQiP) take the PO
#: values.
SEED_GRADES: Mapping[str, GradeWeighting] = MappingProxyType(
    {
        PO: GradeWeighting(2176, Decimal(37)),
        PSO: GradeWeighting(2176, Decimal(37)),
        PQIP: GradeWeighting(2176, Decimal(37)),
        SPO: GradeWeighting(2176, Decimal(0)),
    }
)


def points_for_grade(grade: str | None, *, nominal_target_po: int, nominal_target_spo: int) -> int:
    """Real time (ministryofjustice/hmpps-workload@1e70153e): SPO takes the SPO column,
    every other grade (PSO included) the PO column. A missing grade counts as DMY."""
    return nominal_target_spo if (grade or DMY) == SPO else nominal_target_po


def default_hours_for_grade(
    grade: str | None, *, po_hours: Decimal, pso_hours: Decimal, spo_hours: Decimal
) -> Decimal:
    """Real time: PO and PQiP take the PO hours, PSO the PSO hours, and any other grade (SPO,
    NQO, DMY, none) the SPO hours, which are 0 in the seed values."""
    grade = grade or DMY
    if grade in (PO, PQIP):
        return po_hours
    if grade == PSO:
        return pso_hours
    return spo_hours


# --- The WMT batch: offender-manager type ids -----------------------------------------------
# Source: app/services/probation-rules/app/points/constants/offender-manager-type-ids.js,
# calculate-contracted-hours.js and calculate-nominal-target.js in ministryofjustice/wmt-worker.
# That PO is id 1 and the dummy grade (DMY) is id 5 is inferred from the order the grades are
# seeded in (PO, SPO, PSO, TPO, DMY); the code names only the ids below.

SPO_TYPE, PSO_TYPE, TPO_TYPE, UNSUPPORTED_TYPE, PSO_B_TYPE = 2, 3, 4, 5, 7
WMT_GRADES_SOURCE = f"{WMT_WORKER} app/services/probation-rules/app/points"


@dataclass(frozen=True)
class BandHours:
    """Default contracted hours by band, as the batch holds them."""

    pso: float
    po: float
    spo: float


def wmt_band_default_hours(type_id: int | None, defaults: BandHours) -> float | None:
    """The band's default hours: PSO and PSO_B the PSO hours, SPO the SPO hours, TPO and any
    other id the PO hours; UNSUPPORTED has none (None)."""
    if type_id == UNSUPPORTED_TYPE:
        return None
    if type_id in (PSO_TYPE, PSO_B_TYPE):
        return defaults.pso
    if type_id == SPO_TYPE:
        return defaults.spo
    return defaults.po


def wmt_contracted_hours(
    type_id: int | None, contracted_hours_per_week: float | None, defaults: BandHours
) -> tuple[float, float] | None:
    """(base hours, the band's default hours): base hours are the recorded contracted hours, or
    the band default when none are recorded. None for UNSUPPORTED."""
    band_default = wmt_band_default_hours(type_id, defaults)
    if band_default is None:
        return None
    base = band_default if contracted_hours_per_week is None else contracted_hours_per_week
    return base, band_default


def wmt_nominal_target(type_id: int | None, *, pso_target: int, po_target: int) -> int:
    """The PSO target only for PSO (id 3); every other type, PSO_B (7) included, the PO one."""
    return pso_target if type_id == PSO_TYPE else po_target
