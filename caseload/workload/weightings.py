"""The reference data in force on a day, read into the plain values the pure rules take.

`weightings_in_force(day)` gives the points weightings; `agreement_in_force(day)` the workload
agreement. A table with no version taking effect by that day is an error (`NoneInForce`), never
silently empty: an empty table would make every workload look lighter than it is.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from caseload.workload.domain import capacity, grades
from caseload.workload.domain.agreement import Agreement, Setting, Task, TaskKind, Timing
from caseload.workload.domain.case_points import CasePoints, CasePointsTable, CaseType
from caseload.workload.domain.cms import CmsWeighting
from caseload.workload.domain.grades import GradeWeighting
from caseload.workload.domain.points import ReportWeightings
from caseload.workload.domain.reductions import ReductionReason
from caseload.workload.models import AgreementVersion, WeightingTable, WeightingVersion


class NoneInForce(LookupError):
    def __init__(self, what: str, day: date) -> None:
        super().__init__(f"no {what} in force on {day:%-d %B %Y}")
        self.day = day


@dataclass(frozen=True)
class Weightings:
    """Every points weighting in force on one day."""

    case_points: CasePoints
    reports: ReportWeightings
    cms: MappingProxyType[str, CmsWeighting]
    reduction_reasons: tuple[ReductionReason, ...]
    grades: MappingProxyType[str, GradeWeighting]

    @property
    def cms_points(self) -> dict[str, int]:
        """Points by contact code, as `points.contact_points` takes them."""
        return {code: weighting.points for code, weighting in self.cms.items()}


def version_in_force(table: WeightingTable, day: date) -> WeightingVersion:
    version = WeightingVersion.objects.filter(table=table).in_force(day)
    if version is None:
        raise NoneInForce(WeightingTable(table).label.lower(), day)
    return version  # type: ignore[return-value]


def case_points_of(version: WeightingVersion) -> CasePoints:
    tables: dict[bool, dict[str, dict[str, int]]] = {
        t2a: {kind.value: {} for kind in CaseType} for t2a in (False, True)
    }
    for row in version.case_points.all():
        tables[row.t2a].setdefault(row.case_type, {})[row.tier] = row.points

    def table(t2a: bool) -> CasePointsTable:
        by_type = tables[t2a]
        return CasePointsTable(
            community=MappingProxyType(by_type[CaseType.COMMUNITY]),
            licence=MappingProxyType(by_type[CaseType.LICENCE]),
            custody=MappingProxyType(by_type[CaseType.CUSTODY]),
        )

    return CasePoints(normal=table(False), t2a=table(True))


def reports_of(version: WeightingVersion) -> ReportWeightings:
    points = {row.report_type: row.points for row in version.reports.all()}
    return ReportWeightings(standard=points.get("STANDARD", 0), fast=points.get("FAST", 0))


def cms_of(version: WeightingVersion) -> MappingProxyType[str, CmsWeighting]:
    return MappingProxyType(
        {
            row.code: CmsWeighting(row.code, row.activity, row.level, row.points)
            for row in version.cms.order_by("code")
        }
    )


def reduction_reasons_of(version: WeightingVersion) -> tuple[ReductionReason, ...]:
    return tuple(
        ReductionReason(
            row.category,
            row.name,
            row.allowance_percent,
            row.max_percent,
            row.expiry_months,
            row.enabled,
        )
        for row in version.reduction_reasons.order_by("position")
    )


def grades_of(version: WeightingVersion) -> MappingProxyType[str, GradeWeighting]:
    return MappingProxyType(
        {
            row.grade: GradeWeighting(row.nominal_target, Decimal(row.default_contracted_hours))
            for row in version.grades.all()
        }
    )


def weightings_in_force(day: date) -> Weightings:
    return Weightings(
        case_points=case_points_of(version_in_force(WeightingTable.CASE_POINTS, day)),
        reports=reports_of(version_in_force(WeightingTable.REPORTS, day)),
        cms=cms_of(version_in_force(WeightingTable.CMS, day)),
        reduction_reasons=reduction_reasons_of(version_in_force(WeightingTable.REDUCTIONS, day)),
        grades=grades_of(version_in_force(WeightingTable.GRADES, day)),
    )


def weightings_on(days: Iterable[date]) -> dict[date, Weightings]:
    """The weightings in force on each day, reading each version once: one query for the
    versions, then the rows of each version in force on any of the days (a fixed number of
    queries for any number of days that share versions). A day before some table's first
    version is left out, never given empty weightings."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    versions = list(
        WeightingVersion.objects.filter(effective_from__lte=wanted[-1]).order_by(
            "effective_from", "pk"
        )
    )
    readers = {
        WeightingTable.CASE_POINTS: case_points_of,
        WeightingTable.REPORTS: reports_of,
        WeightingTable.CMS: cms_of,
        WeightingTable.REDUCTIONS: reduction_reasons_of,
        WeightingTable.GRADES: grades_of,
    }
    read: dict[int, object] = {}
    found: dict[date, Weightings] = {}
    for day in wanted:
        values: dict[str, Any] = {}
        for table, reader in readers.items():
            in_force = [v for v in versions if v.table == table and v.effective_from <= day]
            if not in_force:
                break
            version = in_force[-1]
            if version.pk not in read:
                read[version.pk] = reader(version)  # type: ignore[operator]
            values[table] = read[version.pk]
        if len(values) < len(readers):
            continue
        found[day] = Weightings(
            case_points=values[WeightingTable.CASE_POINTS],
            reports=values[WeightingTable.REPORTS],
            cms=values[WeightingTable.CMS],
            reduction_reasons=values[WeightingTable.REDUCTIONS],
            grades=values[WeightingTable.GRADES],
        )
    return found


def agreement_of(version: AgreementVersion) -> Agreement:
    timings = [
        Timing(
            Task(TaskKind(row.kind), row.code),
            row.minutes,
            row.label,
            Setting(row.setting) if row.setting else None,
            row.source,
            row.local_estimate,
        )
        for row in version.timings.order_by("position")
    ]
    return Agreement(
        effective_from=version.effective_from,
        timings=MappingProxyType({timing.task: timing for timing in timings}),
        responsive_share_percent=Decimal(version.responsive_share_percent),
        responsive_share_source=version.responsive_share_source,
        note=version.note,
        author=version.author.get_full_name() if version.author else "",
        version=version.pk,
    )


def agreement_version_in_force(day: date) -> AgreementVersion:
    version = AgreementVersion.objects.in_force(day)
    if version is None:
        raise NoneInForce("workload agreement", day)
    return version  # type: ignore[return-value]


def agreement_in_force(day: date) -> Agreement:
    """The workload agreement in force on a day, as the pure `agreed_minutes` takes it."""
    return agreement_of(agreement_version_in_force(day))


#: Our stored grades in the real-time service's spelling (`OTHER` is ours: "DMY", no grade).
SERVICE_GRADE = MappingProxyType(
    {
        "PO": grades.PO,
        "PSO": grades.PSO,
        "SPO": grades.SPO,
        "PQIP": grades.PQIP,
        "OTHER": grades.DMY,
    }
)


def available_points_for(
    grade: str, contracted_hours: Decimal, reduction_hours: Decimal, weightings: Weightings
) -> int:
    """A practitioner's available points as the real-time service computes them: the grade's
    target (SPO's column for an SPO, the PO column for every other grade) and default hours."""
    service_grade = SERVICE_GRADE.get(grade, grades.DMY)
    targets = weightings.grades
    po, pso, spo = targets[grades.PO], targets[grades.PSO], targets[grades.SPO]
    return capacity.available_points(
        grades.points_for_grade(
            service_grade,
            nominal_target_po=po.nominal_target,
            nominal_target_spo=spo.nominal_target,
        ),
        contracted_hours - reduction_hours,
        grades.default_hours_for_grade(
            service_grade,
            po_hours=po.default_contracted_hours,
            pso_hours=pso.default_contracted_hours,
            spo_hours=spo.default_contracted_hours,
        ),
    )
