"""A practitioner's workload in the words and figures the pages, the CSV and the API show."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from caseload.core.charts import LineChart, line_chart
from caseload.core.versions import day_in_words
from caseload.workload.domain.caseload import CASE_TYPE_WORDS
from caseload.workload.domain.trend import TrendPoint
from caseload.workload.domain.week import Line, difference_in_words, hours, hours_in_words
from caseload.workload.practitioners import PractitionerWorkload
from caseload.workload.trend import Trend


def whole_percent(percent: Decimal) -> str:
    return f"{percent.quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def case_type_words(case_type: str | None) -> str:
    return CASE_TYPE_WORDS.get(case_type or "", "No sentence in force")


@dataclass(frozen=True)
class ShownLine:
    number: int
    crn: str
    person_name: str
    what: str
    due: str
    overdue: bool
    minutes: int
    running: str
    fits: bool
    first_below: bool


def shown_lines(lines: tuple[Line, ...]) -> list[ShownLine]:
    shown = []
    below_started = False
    for number, line in enumerate(lines, start=1):
        first_below = not line.fits and not below_started
        below_started = below_started or not line.fits
        task = line.task
        shown.append(
            ShownLine(
                number=number,
                crn=task.crn,
                person_name=task.person_name,
                what=task.what,
                due=day_in_words(task.due_on) if task.due_on else "No date",
                overdue=task.overdue,
                minutes=task.minutes,
                running=hours_in_words(line.running_minutes),
                fits=line.fits,
                first_below=first_below,
            )
        )
    return shown


def week_words(monday: date) -> str:
    return f"Week starting {day_in_words(monday)}"


def summary(workload: PractitionerWorkload) -> dict[str, object]:
    """The figures a practitioner's row or page opens with."""
    this_week = workload.weeks[0]
    fit = workload.this_week
    return {
        "workload": workload,
        "name": workload.name,
        "username": workload.username,
        "grade": workload.staff.get_grade_display(),
        "contracted_hours": hours_in_words(int(workload.staff.contracted_hours * 60)),
        "reduction_hours": hours_in_words(int(workload.reduction_hours * 60)),
        "cases": len(workload.points.cases),
        "total_points": workload.points.total_points,
        "report_points": workload.points.report_points,
        "available_points": workload.points.available_points,
        "capacity": whole_percent(workload.points.capacity_percent),
        "expected": hours_in_words(this_week.expected_minutes),
        "available": hours_in_words(this_week.available_minutes),
        "does_not_fit": hours_in_words(fit.does_not_fit_minutes),
        "does_not_fit_count": len(fit.below),
        "difference": difference_in_words(workload.points.capacity_percent, this_week),
        "share": f"{fit.share_percent.normalize():f}%",
        "budget": hours_in_words(fit.budget_minutes),
        "lines": shown_lines(fit.lines),
        "note": workload.note,
        "weeks": [
            {
                "label": week_words(week.monday),
                "expected": hours_in_words(week.expected_minutes),
                "planned": hours_in_words(week.planned_minutes),
                "available": hours_in_words(week.available_minutes),
                "working_days": week.working_days,
                "over": week.over,
            }
            for week in workload.weeks
        ],
        "case_rows": [
            {
                "crn": case.crn,
                "tier": case.tier or "No tier",
                "case_type": case_type_words(case.case_type),
                "t2a": case.t2a,
                "points": case.points,
            }
            for case in workload.points.cases
        ],
    }


def hours_value(minutes: int | Decimal) -> float:
    return float(hours(minutes))


NO_TIERS_THEN = "No tiers recorded then"


def point_words(point: TrendPoint) -> str:
    percent = point.capacity_percent
    return NO_TIERS_THEN if percent is None else whole_percent(percent)


def _trend_chart(title: str, points: tuple[TrendPoint, ...], plot_height: int) -> LineChart:
    return line_chart(
        title,
        [
            (
                f"{p.monday.day} {p.monday:%b}",
                None if p.capacity_percent is None else float(p.capacity_percent),
                point_words(p),
            )
            for p in points
        ],
        plot_height=plot_height,
        line_at=100,
        line_label="100%",
    )


def trend_shown(found: Trend, everyone: str) -> dict[str, object]:
    """The trend as the team page shows it: `everyone`'s chart, one small chart per
    practitioner, and the table behind them (a row per Monday)."""
    return {
        "everyone": everyone,
        "chart": _trend_chart(f"{everyone}: capacity by week", found.team, 160),
        "charts": [_trend_chart(row.name, row.points, 100) for row in found.practitioners],
        "names": [row.name for row in found.practitioners],
        "rows": [
            {
                "monday": day_in_words(monday),
                "everyone": point_words(found.team[i]),
                "cells": [point_words(row.points[i]) for row in found.practitioners],
            }
            for i, monday in enumerate(found.mondays)
        ],
        "untiered": any(
            not p.known
            for points in [found.team, *(r.points for r in found.practitioners)]
            for p in points
        ),
    }
