"""The reference data every installation starts with: the national tools' seed weightings and
the default workload agreement. Written by the data migration (`apps` is then the migration's
historical registry) and by tests whose database has been flushed."""

from datetime import date
from typing import Any

from caseload.workload.domain.case_points import SEED_CASE_POINTS, SEED_SOURCE, TIERS, CaseType
from caseload.workload.domain.case_points import UNSUPERVISED_TIERS as S_TIERS
from caseload.workload.domain.cms import SEED_CMS
from caseload.workload.domain.default_agreement import (
    DEFAULT_NOTE,
    DEFAULT_RESPONSIVE_SHARE,
    DEFAULT_TIMINGS,
    RESPONSIVE_SHARE_SOURCE,
)
from caseload.workload.domain.grades import SEED_GRADES
from caseload.workload.domain.reductions import SEED_REASONS

#: The seed versions take effect long before any case in the record.
SEEDED_FROM = date(2021, 4, 1)
SEED_NOTE = "The national tools' seed values (production values are set by HMPPS and not public)"
#: The standard (`sdr`) and fast (`sdr_conversion`) report weightings of the seed row.
SEED_REPORTS = {"STANDARD": 138, "FAST": 65}


def seed_reference_data(apps: Any) -> None:
    """Adds the first version of each table that has none (so it can run again safely)."""
    version_model = apps.get_model("workload", "WeightingVersion")

    def first_version(table: str) -> Any:
        if version_model.objects.filter(table=table).exists():
            return None
        return version_model.objects.create(
            table=table, effective_from=SEEDED_FROM, note=SEED_NOTE, source=SEED_SOURCE
        )

    if version := first_version("case_points"):
        rows = []
        for t2a, table in ((False, SEED_CASE_POINTS.normal), (True, SEED_CASE_POINTS.t2a)):
            for case_type in CaseType:
                for tier in (*TIERS, *S_TIERS):
                    points = table.for_type(case_type)[tier]
                    rows.append((t2a, case_type.value, tier, points))
        apps.get_model("workload", "CasePointsRow").objects.bulk_create(
            apps.get_model("workload", "CasePointsRow")(
                version=version, t2a=t2a, case_type=case_type, tier=tier, points=points
            )
            for t2a, case_type, tier, points in rows
        )
    if version := first_version("reports"):
        model = apps.get_model("workload", "ReportWeightingRow")
        model.objects.bulk_create(
            model(version=version, report_type=kind, points=points)
            for kind, points in SEED_REPORTS.items()
        )
    if version := first_version("cms"):
        model = apps.get_model("workload", "CmsWeightingRow")
        model.objects.bulk_create(
            model(version=version, code=c.code, activity=c.activity, level=c.level, points=c.points)
            for c in SEED_CMS
        )
    if version := first_version("reductions"):
        model = apps.get_model("workload", "ReductionReasonRow")
        model.objects.bulk_create(
            model(
                version=version,
                position=position,
                category=reason.category,
                name=reason.name,
                allowance_percent=reason.allowance_percent,
                max_percent=reason.max_percent,
                expiry_months=reason.expiry_months,
                enabled=reason.enabled,
            )
            for position, reason in enumerate(SEED_REASONS)
        )
    if version := first_version("grades"):
        model = apps.get_model("workload", "GradeWeightingRow")
        model.objects.bulk_create(
            model(
                version=version,
                grade=grade,
                nominal_target=values.nominal_target,
                default_contracted_hours=values.default_contracted_hours,
            )
            for grade, values in SEED_GRADES.items()
        )
    _seed_agreement(apps)


def _seed_agreement(apps: Any) -> None:
    agreement_model = apps.get_model("workload", "AgreementVersion")
    if agreement_model.objects.exists():
        return
    agreement = agreement_model.objects.create(
        effective_from=SEEDED_FROM,
        note=DEFAULT_NOTE,
        responsive_share_percent=DEFAULT_RESPONSIVE_SHARE,
        responsive_share_source=RESPONSIVE_SHARE_SOURCE,
        responsive_share_local_estimate=True,
    )
    timing_model = apps.get_model("workload", "AgreedTiming")
    timing_model.objects.bulk_create(
        timing_model(
            version=agreement,
            position=position,
            kind=timing.task.kind.value,
            code=timing.task.code,
            label=timing.label,
            setting=timing.setting.value if timing.setting else "",
            minutes=timing.minutes,
            source=timing.source,
            local_estimate=timing.local_estimate,
        )
        for position, timing in enumerate(DEFAULT_TIMINGS)
    )
