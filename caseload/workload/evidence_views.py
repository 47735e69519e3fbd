"""Evidence pages: the actual against agreed minutes (`/workload/evidence/`, CSV), the staff
representative's aggregate (`/workload/aggregate/`) and the establishment's posts
(`/workload/establishment/`, a new figure for administrators of reference data).

Each shows anonymised figures only, so each needs `SEE_AGGREGATES`, the one capability a staff
representative holds; managers, heads of unit, analysts and administrators hold it too.
"""

import csv
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.rules import surface
from caseload.core.errors import ActionInvalid
from caseload.organisation.models import Team
from caseload.workload.actions import record_establishment
from caseload.workload.aggregate import aggregate_for
from caseload.workload.domain.aggregate import BANDS
from caseload.workload.domain.evidence import ENOUGH, TaskEvidence
from caseload.workload.evidence import EvidenceReport, evidence_report, units_in_scope
from caseload.workload.evidence_forms import EstablishmentForm, EvidenceFilterForm
from caseload.workload.models import EstablishmentPosts

CSV_HEADINGS = [
    "Contact type",
    "Agreed minutes",
    "Recorded",
    "Median minutes",
    "Lower quartile",
    "Upper quartile",
    "Mean minutes",
    "Difference",
]


def whole(minutes: float | None) -> str:
    """Minutes shown as a whole number (half up): no long decimals on the page."""
    return "" if minutes is None else str(int(minutes + 0.5))


def shown_task(task: TaskEvidence) -> dict[str, Any]:
    found = task.spread
    return {
        "code": task.code,
        "label": task.label,
        "agreed": task.agreed_minutes,
        "count": found.count if found else 0,
        "median": whole(found.median) if found else "",
        "lower": whole(found.lower_quartile) if found else "",
        "upper": whole(found.upper_quartile) if found else "",
        "mean": whole(found.mean) if found else "",
        "in_words": task.in_words,
        "enough": task.enough,
    }


def _report(request: HttpRequest) -> tuple[EvidenceFilterForm, EvidenceReport | None]:
    units = units_in_scope(request.user).order_by("name")
    form = EvidenceFilterForm(request.GET, units=units)
    if not form.is_valid():
        return form, None
    start, end = form.period()
    return form, evidence_report(form.chosen_units(), start, end)


@surface(Capability.SEE_AGGREGATES)
def evidence_page(request: HttpRequest) -> HttpResponse:
    """Actual against agreed minutes by contact type: what the agreement is tested on."""
    form, report = _report(request)
    page: dict[str, Any] = {"form": form, "report": report, "enough": ENOUGH}
    if report is not None:
        page["rows"] = [shown_task(t) for t in report.tasks]
        page["with_figures"] = [r for r in page["rows"] if r["count"]]
        page["without"] = [r for r in page["rows"] if not r["count"]]
        page["query"] = request.GET.urlencode()
    return render(request, "workload/evidence.html", page, status=200 if report else 400)


@surface(Capability.SEE_AGGREGATES)
def evidence_csv(request: HttpRequest) -> HttpResponse:
    form, report = _report(request)
    if report is None:
        page = {"form": form, "report": None, "enough": ENOUGH}
        return render(request, "workload/evidence.html", page, status=400)
    record_audit(
        request.user,
        "EXPORT_WORKLOAD_EVIDENCE",
        detail={
            "delivery_unit": form.cleaned_data.get("delivery_unit") or "all",
            "from": report.period_from.isoformat(),
            "to": report.period_to.isoformat(),
        },
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"actual-against-agreed-{report.period_from}-to-{report.period_to}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    for task in report.tasks:
        row = shown_task(task)
        writer.writerow(
            [
                row["label"],
                row["agreed"],
                row["count"],
                row["median"],
                row["lower"],
                row["upper"],
                row["mean"],
                row["in_words"],
            ]
        )
    return response


@surface(Capability.SEE_AGGREGATES)
def aggregate_page(request: HttpRequest) -> HttpResponse:
    """The staff representative's view: capacity bands, hours that did not fit, vacancies."""
    today = timezone.localdate()
    page = {
        "units": aggregate_for(request.user, today),
        "bands": [band.label for band in BANDS],
        "today": today,
        "may_record": has_capability(request.user, Capability.MANAGE_REFERENCE_DATA),
    }
    return render(request, "workload/aggregate.html", page)


def _teams(user: Any) -> Any:
    return (
        Team.objects.filter(delivery_unit__in=units_in_scope(user))
        .select_related("delivery_unit")
        .order_by("delivery_unit__name", "name")
    )


def _history(teams: Any, today: date) -> list[dict[str, Any]]:
    in_force = {row.pk for row in EstablishmentPosts.objects.in_force(today).values()}
    rows = (
        EstablishmentPosts.objects.filter(team__in=teams)
        .select_related("team", "recorded_by")
        .order_by("team__name", "grade", "-effective_from", "-recorded_at")
    )
    return [
        {
            "team": row.team.name,
            "grade": row.get_grade_display(),
            "posts": row.posts,
            "from": row.effective_from,
            "by": row.recorded_by.get_full_name() or row.recorded_by.get_username(),
            "in_force": row.pk in in_force,
            "later": row.effective_from > today,
        }
        for row in rows
    ]


@surface(Capability.SEE_AGGREGATES)
def establishment_page(request: HttpRequest) -> HttpResponse:
    """Each team's posts by grade, every figure with its date and who recorded it."""
    today = timezone.localdate()
    page = {
        "rows": _history(_teams(request.user), today),
        "may_record": has_capability(request.user, Capability.MANAGE_REFERENCE_DATA),
    }
    return render(request, "workload/establishment.html", page)


@surface(Capability.MANAGE_REFERENCE_DATA)
def new_establishment(request: HttpRequest) -> HttpResponse:
    teams = _teams(request.user)
    form = EstablishmentForm(request.POST if request.method == "POST" else None, teams=teams)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_establishment(
                acting_user=request.user,
                team=form.chosen_team(),
                grade=data["grade"],
                posts=data["posts"],
                effective_from=data["effective_from"],
            )
        except ActionInvalid as refused:
            for problem in refused.problems:
                form.add_error(
                    problem.field if problem.field in form.fields else None, problem.message
                )
        else:
            messages.success(request, "Posts recorded")
            return redirect("workload_establishment")
    status = 400 if request.method == "POST" else 200
    return render(request, "workload/new_establishment.html", {"form": form}, status=status)
