"""The reference-data tables of the workload model as the pages show and edit them.

Each `TableSpec` says what a row is called, which of its values may change in a new version,
and how the values read. A new version copies every row of the version in force and takes the
values entered (`forms.NewVersionForm`); rows are neither added nor removed there.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from caseload.workload.domain.case_points import CaseType
from caseload.workload.domain.sources import HMPPS_WORKLOAD, WMT_WEB, WMT_WORKER
from caseload.workload.models import (
    AgreedTiming,
    CasePointsRow,
    CmsWeightingRow,
    GradeWeightingRow,
    ReductionReasonRow,
    ReportWeightingRow,
    WeightingTable,
)


@dataclass(frozen=True)
class Column:
    """A value that a new version may change. `kind`: whole (a whole number of 0 or more),
    hours, percent, months, minutes or yes_no. An `optional` value may be left blank (none)."""

    name: str
    label: str
    kind: str
    optional: bool = False


@dataclass(frozen=True)
class TableSpec:
    slug: str
    title: str
    summary: str
    source: str
    model: type[models.Model]
    related_name: str
    order_by: tuple[str, ...]
    columns: tuple[Column, ...]
    #: The row's name in words, for its cell and its fields' labels.
    row_label: Callable[[Any], str]
    #: The fields copied from the version in force unchanged (what the row is).
    identity: tuple[str, ...]
    table: WeightingTable | None = None
    #: The heading of the column naming each row.
    row_heading: str = "Task"


CASE_TYPE_WORDS = {
    CaseType.COMMUNITY: "community",
    CaseType.LICENCE: "licence",
    CaseType.CUSTODY: "custody",
}
REPORT_WORDS = {
    "STANDARD": "Pre-sentence report, standard delivery",
    "FAST": "Pre-sentence report, fast delivery",
}
GRADE_WORDS = {
    "PO": "Probation Officer",
    "PSO": "Probation Services Officer",
    "PQiP": "Trainee Probation Officer (PQiP)",
    "SPO": "Senior Probation Officer",
}


def tier_words(tier: str) -> str:
    return f"{tier[:2]} unsupervised" if tier.endswith("S") else tier


def case_points_label(row: CasePointsRow) -> str:
    table = "young adult (T2A) table" if row.t2a else "main table"
    return f"{tier_words(row.tier)}, {CASE_TYPE_WORDS.get(row.case_type, row.case_type)}, {table}"  # type: ignore[call-overload]


WHOLE = "whole"

WEIGHTING_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        slug="case-points",
        title="Points per case",
        summary=(
            "The points each case adds to a practitioner's workload, by tier and case type. Young "
            "adults' cases (transition to adulthood, T2A) have their own table. Unsupervised "
            "tiers (Probation Reset) carry no points unless given some here."
        ),
        source=f"{HMPPS_WORKLOAD} (CommunityTierPoints, LicenseTierPoints, CustodyTierPoints)",
        model=CasePointsRow,
        related_name="case_points",
        order_by=("t2a", "pk"),
        columns=(Column("points", "Points", WHOLE),),
        row_label=case_points_label,
        identity=("t2a", "case_type", "tier"),
        table=WeightingTable.CASE_POINTS,
        row_heading="Tier",
    ),
    TableSpec(
        slug="reports",
        title="Report weightings",
        summary="The points for each pre-sentence report a practitioner writes.",
        source=f"{HMPPS_WORKLOAD} (WorkloadCalculator: standard and fast court reports)",
        model=ReportWeightingRow,
        related_name="reports",
        order_by=("pk",),
        columns=(Column("points", "Points", WHOLE),),
        row_label=lambda row: REPORT_WORDS.get(row.report_type, row.report_type),
        identity=("report_type",),
        table=WeightingTable.REPORTS,
        row_heading="Report",
    ),
    TableSpec(
        slug="case-management-support",
        title="Case management support contacts",
        summary=(
            "The points moved when someone does case management support work on another "
            "practitioner's case: the one who did it gains them and the case's owner loses them."
        ),
        source=f"{HMPPS_WORKLOAD} (adjustment reasons CMS01 to CMS36)",
        model=CmsWeightingRow,
        related_name="cms",
        order_by=("code",),
        columns=(Column("points", "Points", WHOLE),),
        row_label=lambda row: f"{row.activity} ({row.level.lower()})",
        identity=("code", "activity", "level"),
        table=WeightingTable.CMS,
        row_heading="Activity",
    ),
    TableSpec(
        slug="reduction-reasons",
        title="Reduction reasons",
        summary=(
            "Why hours may be taken off a practitioner's capacity, with the usual allowance and "
            "the most allowed, as a share of contracted hours, and when a reduction ends."
        ),
        source=f"{HMPPS_WORKLOAD} (reduction reasons); {WMT_WEB} (allowance in hours)",
        model=ReductionReasonRow,
        related_name="reduction_reasons",
        order_by=("position",),
        columns=(
            Column("allowance_percent", "Usual allowance (%)", "percent", optional=True),
            Column("max_percent", "Most allowed (%)", "percent", optional=True),
            Column("expiry_months", "Ends after (months)", "months", optional=True),
            Column("enabled", "In use", "yes_no"),
        ),
        row_label=lambda row: row.name,
        identity=("position", "category", "name"),
        table=WeightingTable.REDUCTIONS,
        row_heading="Reason",
    ),
    TableSpec(
        slug="grades",
        title="Grades and nominal targets",
        summary=(
            "Each grade's nominal target (the points a week at full hours) and the contracted "
            "hours it assumes. A grade with no hours here has no capacity in points."
        ),
        source=f"{HMPPS_WORKLOAD} (nominal targets, default contracted hours); {WMT_WORKER}",
        model=GradeWeightingRow,
        related_name="grades",
        order_by=("pk",),
        columns=(
            Column("nominal_target", "Nominal target (points a week)", WHOLE),
            Column("default_contracted_hours", "Contracted hours a week", "hours"),
        ),
        row_label=lambda row: GRADE_WORDS.get(row.grade, row.grade),
        identity=("grade",),
        table=WeightingTable.GRADES,
        row_heading="Grade",
    ),
)
TABLES_BY_SLUG = {spec.slug: spec for spec in WEIGHTING_TABLES}

AGREEMENT_TIMINGS = TableSpec(
    slug="agreement",
    title="Workload agreement",
    summary="The minutes agreed for each task.",
    source="",
    model=AgreedTiming,
    related_name="timings",
    order_by=("position",),
    columns=(Column("minutes", "Minutes", "minutes"),),
    row_label=lambda row: row.label,
    identity=("position", "kind", "code", "label", "setting", "source", "local_estimate"),
)


def shown(value: Any, kind: str) -> str:
    """A value as the pages write it: no trailing zeros, "None" for a blank, Yes or No."""
    if kind == "yes_no":
        return "Yes" if value else "No"
    if value is None:
        return "None"
    if isinstance(value, Decimal):
        value = value.normalize()
        text = f"{value:f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text}%" if kind == "percent" else text
