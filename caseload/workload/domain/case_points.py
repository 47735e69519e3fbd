"""Points per case by tier and case type: the table behind a practitioner's total points.

Source: `WorkloadPointsEntity.kt`, `CommunityTierPoints.kt`, `LicenseTierPoints.kt` and
`CustodyTierPoints.kt` in ministryofjustice/hmpps-workload@1e70153e (the real-time service),
and the same columns (`comm_tier_1` … `comm_tier_16`, likewise `cust_`, `lic_`) read by
`app/services/probation-rules/app/points/calculate-points-for-tiers.js` in
ministryofjustice/wmt-worker@78f526bf. The values are the services' seed values: production
values are set by administrators and are not public, so ours are reference data that an
administrator can change (`caseload/workload/models.py`).

The weightings are said to represent the average annual hours a case needs, but the unit is
not documented anywhere public (2176 points for a 37-hour week is not minutes).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from caseload.workload.domain.sources import HMPPS_WORKLOAD


class CaseType(StrEnum):
    """The case types the real-time service weights; any other type has no points."""

    COMMUNITY = "COMMUNITY"
    LICENCE = "LICENSE"  # the services' spelling, as stored and sent
    CUSTODY = "CUSTODY"


#: The v2 tiers in the services' column order (tier 1 = A3 … tier 16 = D0). The v3 letters
#: A–G have no weighting anywhere in the national tools: a v3-only case carries no points.
TIERS: tuple[str, ...] = tuple(f"{protect}{change}" for protect in "ABCD" for change in "3210")
#: Unsupervised tiers (Probation Reset): their own columns (`*_tier_N_s`, migrations V1_62 to
#: V1_65 of hmpps-workload), which default to 0, so an S case carries no points unless an
#: administrator gives it some.
UNSUPERVISED_TIERS: tuple[str, ...] = tuple(f"{tier}S" for tier in TIERS)
ALL_TIERS = TIERS + UNSUPERVISED_TIERS


@dataclass(frozen=True)
class CasePointsTable:
    """One weighting row: points per case for each case type and tier (missing tiers: 0)."""

    community: Mapping[str, int]
    licence: Mapping[str, int]
    custody: Mapping[str, int]

    def for_type(self, case_type: str) -> Mapping[str, int]:
        tables: dict[str, Mapping[str, int]] = {
            CaseType.COMMUNITY: self.community,
            CaseType.LICENCE: self.licence,
            CaseType.CUSTODY: self.custody,
        }
        return tables.get(case_type, {})


@dataclass(frozen=True)
class CasePoints:
    """The two live weighting rows: the normal one, and transition to adulthood (T2A)."""

    normal: CasePointsTable
    t2a: CasePointsTable


def points_for_case(weightings: CasePoints, tier: str | None, case_type: str, *, t2a: bool) -> int:
    """A case's points: the T2A row for a young adult's case, then the case type's tier map.

    Untiered cases, unknown tiers (the v3 letters) and case types other than community, licence
    and custody carry no points (hmpps-workload: "any other type gets no tier map")."""
    if not tier:
        return 0
    table = weightings.t2a if t2a else weightings.normal
    return table.for_type(case_type).get(tier, 0)


def _row(values: tuple[int, ...]) -> Mapping[str, int]:
    points = dict(zip(TIERS, values, strict=True))
    points.update(dict.fromkeys(UNSUPERVISED_TIERS, 0))
    return MappingProxyType(points)


SEED_SOURCE = (
    f"{HMPPS_WORKLOAD} V1_1__SEED_REF_DATA.sql (seed values; production values are not public)"
)

_T2A = _row((75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0))

#: The seed values, identical in hmpps-workload's seed migration and wmt-worker's test helper.
#: Custody and licence have 0 at change level 0: custodial cases always have a need for
#: change, so level 0 cannot arise for them (our reading, not stated by the source).
SEED_CASE_POINTS = CasePoints(
    normal=CasePointsTable(
        community=_row((206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29)),
        licence=_row((219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0)),
        custody=_row((75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0)),
    ),
    t2a=CasePointsTable(community=_T2A, licence=_T2A, custody=_T2A),
)
