"""The week in hours: the practitioner's own week (`/workload/week/`, printable) and the manager's
team view (`/team/workload/`: capacity by practitioner as a chart, and every practitioner's list
of the work that does not fit together), each with a CSV of the list.
"""

import csv
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.rules import surface
from caseload.core.charts import bar_chart
from caseload.workload.actions import add_week_note, record_reduction
from caseload.workload.domain.week import week_starting
from caseload.workload.forms import ReductionForm, WeekNoteForm
from caseload.workload.practitioners import PractitionerWorkload, practitioners_for, workloads
from caseload.workload.shown import shown_lines, summary, trend_shown, whole_percent
from caseload.workload.trend import trend
from caseload.workload.weightings import weightings_in_force

CSV_HEADINGS = [
    "Practitioner",
    "Order",
    "CRN",
    "Name",
    "Work",
    "Due",
    "Overdue",
    "Agreed minutes",
    "Running total",
    "Within the hours",
]


def _workloads(request: HttpRequest) -> list[PractitionerWorkload]:
    return workloads(practitioners_for(request.user), request.user, timezone.localdate())


def everyone_words(found: list[PractitionerWorkload]) -> str:
    """What the trend's total covers: the team, or (for a head of unit) several teams."""
    teams = {workload.staff.team_id for workload in found}
    return "The team" if len(teams) == 1 else f"All {len(found)} practitioners"


def _csv(found: list[PractitionerWorkload], filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    for workload in found:
        for line in shown_lines(workload.this_week.lines):
            writer.writerow(
                [
                    workload.name,
                    line.number,
                    line.crn,
                    line.person_name,
                    line.what,
                    line.due,
                    "Yes" if line.overdue else "No",
                    line.minutes,
                    line.running,
                    "Yes" if line.fits else "No: for the manager",
                ]
            )
    return response


@surface(Capability.HOLD_CASES)
def my_week(request: HttpRequest) -> HttpResponse:
    """The practitioner's own week: the two models side by side and the ordered list."""
    found = _workloads(request)
    record_audit(request.user, "VIEW_WORKLOAD", detail={"workload": "own week"})
    page: dict[str, Any] = {"mine": summary(found[0]) if found else None}
    return render(request, "workload/my_week.html", page)


@surface(Capability.HOLD_CASES)
def my_week_csv(request: HttpRequest) -> HttpResponse:
    found = _workloads(request)
    record_audit(request.user, "EXPORT_WORKLOAD", detail={"workload": "own week"})
    return _csv(found, "work-that-does-not-fit.csv")


@surface(Capability.OVERSEE_CASES)
def team_workload(request: HttpRequest) -> HttpResponse:
    """Capacity by practitioner, the hours of each practitioner's week, and their lists."""
    practitioners = practitioners_for(request.user)
    today = timezone.localdate()
    found = workloads(practitioners, request.user, today)
    record_audit(request.user, "VIEW_WORKLOAD", detail={"workload": "team"})
    rows = [summary(workload) for workload in found]
    chart = bar_chart(
        "Capacity by practitioner (points model)",
        [
            (
                str(row["name"]),
                float(workload.points.capacity_percent),
                whole_percent(workload.points.capacity_percent),
            )
            for row, workload in zip(rows, found, strict=True)
        ],
        line_at=100,
        line_label="100%",
    )
    page: dict[str, Any] = {
        "rows": rows,
        "chart": chart,
        "team": getattr(getattr(request.user.staff, "team", None), "name", ""),  # type: ignore[union-attr]
        "over": sum(1 for workload in found if workload.points.capacity_percent > 100),
        "not_fitting": sum(1 for workload in found if workload.this_week.below),
        "trend": trend_shown(trend(practitioners, request.user, today), everyone_words(found)),
    }
    return render(request, "workload/team_workload.html", page)


@surface(Capability.OVERSEE_CASES)
def team_workload_csv(request: HttpRequest) -> HttpResponse:
    found = _workloads(request)
    record_audit(request.user, "EXPORT_WORKLOAD", detail={"workload": "team"})
    return _csv(found, "team-work-that-does-not-fit.csv")


@surface(Capability.HOLD_CASES)
def my_week_note(request: HttpRequest) -> HttpResponse:
    """The practitioner's note on this week's list: kept with the list their manager sees."""
    form = WeekNoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        add_week_note(
            acting_user=request.user,
            staff=request.user.staff,  # type: ignore[union-attr]
            week_starting=week_starting(timezone.localdate()),
            text=form.cleaned_data["text"],
        )
        messages.success(request, "Note added to your week")
        return redirect("my_workload_week")
    status = 400 if request.method == "POST" else 200
    return render(request, "workload/week_note.html", {"form": form}, status=status)


@surface(Capability.OVERSEE_CASES)
def new_reduction(request: HttpRequest) -> HttpResponse:
    """A reduction for one of the team's practitioners: it lowers both their available points
    and their hours each week it is in force."""
    staff = {s.user.get_username(): s for s in practitioners_for(request.user)}
    reasons = [
        r.name for r in weightings_in_force(timezone.localdate()).reduction_reasons if r.enabled
    ]
    form = ReductionForm(
        request.POST if request.method == "POST" else None,
        practitioners={name: s.user.get_full_name() or name for name, s in staff.items()},
        reasons=reasons,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record_reduction(
            acting_user=request.user,
            staff=staff[data["practitioner"]],
            hours=data["hours"],
            reason=data["reason"],
            effective_from=data["effective_from"],
            effective_to=data["effective_to"],
        )
        messages.success(request, "Reduction recorded")
        return redirect("team_workload")
    status = 400 if request.method == "POST" else 200
    return render(request, "workload/new_reduction.html", {"form": form}, status=status)
