"""The reference-data pages of the workload model.

Anyone signed in may read the points weightings and the workload agreement (the figures behind
every workload should be open to the people they measure); only a user who may manage reference
data adds a new version. `?version=ID` shows a past or future version with what it changed.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from caseload.access.capabilities import Capability, has_capability
from caseload.access.rules import signed_in, surface
from caseload.workload.actions import add_agreement_version, add_weighting_version, changes
from caseload.workload.domain.case_points import TIERS, UNSUPERVISED_TIERS, CaseType
from caseload.workload.forms import NewAgreementForm, NewVersionForm
from caseload.workload.models import AgreementVersion, WeightingVersion
from caseload.workload.tables import (
    AGREEMENT_TIMINGS,
    CASE_TYPE_WORDS,
    WEIGHTING_TABLES,
    TableSpec,
    shown,
    tier_words,
)
from caseload.workload.weightings import NoneInForce, agreement_version_in_force, version_in_force

View = Callable[..., HttpResponse]


def _rows(spec: TableSpec, version: Any) -> list[Any]:
    return list(getattr(version, spec.related_name).order_by(*spec.order_by))


def _chosen(request: HttpRequest, versions: Any, in_force: Any) -> Any:
    """The version asked for with `?version=ID` (404 if it is not one of this table's), or the
    one in force."""
    asked = request.GET.get("version", "")
    if not asked:
        return in_force
    if not asked.isdigit() or len(asked) > 18:
        raise Http404("No such version")
    found = versions.filter(pk=int(asked)).first()
    if found is None:
        raise Http404("No such version")
    return found


def _history(versions: Any, in_force: Any) -> list[dict[str, Any]]:
    today = timezone.localdate()
    listed = []
    for version in versions.newest_first().select_related("author"):
        if in_force is not None and version.pk == in_force.pk:
            status = "In force"
        elif version.effective_from > today:
            status = "Takes effect later"
        else:
            status = "Replaced"
        listed.append({"version": version, "status": status})
    return listed


def _previous(versions: Any, version: Any) -> Any:
    """The version before this one, in the order they take effect (then were added)."""
    ordered = list(versions.order_by("effective_from", "pk").values_list("pk", flat=True))
    index = ordered.index(version.pk)
    return versions.get(pk=ordered[index - 1]) if index > 0 else None


def _changed_from_previous(spec: TableSpec, versions: Any, version: Any) -> list[str]:
    previous = _previous(versions, version)
    if previous is None:
        return []
    before, after = _rows(spec, previous), _rows(spec, version)
    if len(before) != len(after):
        return []
    values = [{c.name: getattr(row, c.name) for c in spec.columns} for row in after]
    found = changes(spec, before, values)
    if isinstance(version, AgreementVersion):
        old, new = previous.responsive_share_percent, version.responsive_share_percent
        if old != new:
            found.insert(
                0, f"Share for responsive work: {shown(old, 'percent')} to {shown(new, 'percent')}"
            )
    return found


def _value_rows(spec: TableSpec, rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "row": row,
            "label": spec.row_label(row),
            "values": [shown(getattr(row, c.name), c.kind) for c in spec.columns],
        }
        for row in rows
    ]


def _case_points_grid(rows: list[Any]) -> list[dict[str, Any]]:
    """The case points as two tables (main and young adult), tiers down, case types across."""
    cells = {(row.t2a, row.tier, row.case_type): row for row in rows}
    grids = []
    for t2a, caption in ((False, "Main table"), (True, "Young adult (T2A) table")):
        lines = [
            {
                "tier": tier_words(tier),
                "cells": [cells.get((t2a, tier, kind.value)) for kind in CaseType],
            }
            for tier in (*TIERS, *UNSUPERVISED_TIERS)
        ]
        grids.append({"caption": caption, "lines": lines})
    return grids


def table_page(spec: TableSpec) -> View:
    @signed_in
    def page(request: HttpRequest) -> HttpResponse:
        versions = WeightingVersion.objects.filter(table=spec.table)
        try:
            in_force = version_in_force(spec.table, timezone.localdate())  # type: ignore[arg-type]
        except NoneInForce:
            in_force = None
        version = _chosen(request, versions, in_force)
        rows = _rows(spec, version) if version is not None else []
        context = {
            "spec": spec,
            "version": version,
            "in_force": in_force,
            "history": _history(versions, in_force),
            "rows": _value_rows(spec, rows),
            "grids": _case_points_grid(rows) if spec.slug == "case-points" else None,
            "case_types": [CASE_TYPE_WORDS[kind].capitalize() for kind in CaseType],
            "changed": _changed_from_previous(spec, versions, version) if version else [],
            "may_edit": has_capability(request.user, Capability.MANAGE_REFERENCE_DATA),
            "today": timezone.localdate(),
            "new_url": reverse(f"workload_new_{spec.slug}"),
        }
        return render(request, "workload/table.html", context)

    page.__name__ = f"{spec.slug.replace('-', '_')}_page"
    return page


def new_version_page(spec: TableSpec) -> View:
    @surface(Capability.MANAGE_REFERENCE_DATA)
    def page(request: HttpRequest) -> HttpResponse:
        try:
            form = NewVersionForm(request.POST or None, spec=spec)
        except NoneInForce:
            raise Http404("No version in force to copy") from None
        if request.method == "POST" and form.is_valid():
            add_weighting_version(
                spec,
                acting_user=request.user,
                effective_from=form.cleaned_data["effective_from"],
                note=form.cleaned_data["note"],
                before=form.rows,
                values=form.values(),
            )
            messages.success(request, f"New version of {spec.title.lower()} added")
            return redirect(f"workload_{spec.slug}")
        context = {
            "spec": spec,
            "form": form,
            "back_url": reverse(f"workload_{spec.slug}"),
            "grids": _form_grid(form) if spec.slug == "case-points" else None,
            "case_types": [CASE_TYPE_WORDS[kind].capitalize() for kind in CaseType],
        }
        status = 400 if request.method == "POST" else 200
        return render(request, "workload/new_version.html", context, status=status)

    page.__name__ = f"new_{spec.slug.replace('-', '_')}_page"
    return page


def _form_grid(form: NewVersionForm) -> list[dict[str, Any]]:
    cells = {(row.t2a, row.tier, row.case_type): fields[0] for row, _, fields in form.cells()}
    grids = []
    for t2a, caption in ((False, "Main table"), (True, "Young adult (T2A) table")):
        lines = [
            {
                "tier": tier_words(tier),
                "cells": [cells.get((t2a, tier, kind.value)) for kind in CaseType],
            }
            for tier in (*TIERS, *UNSUPERVISED_TIERS)
        ]
        grids.append({"caption": caption, "lines": lines})
    return grids


@surface(Capability.MANAGE_REFERENCE_DATA)
def reference_data(request: HttpRequest) -> HttpResponse:
    """The reference data an administrator looks after, with the version in force of each."""
    today = timezone.localdate()
    tables = []
    for spec in WEIGHTING_TABLES:
        version = WeightingVersion.objects.filter(table=spec.table).in_force(today)
        tables.append({"spec": spec, "version": version, "url": reverse(f"workload_{spec.slug}")})
    agreement = AgreementVersion.objects.in_force(today)
    context = {"tables": tables, "agreement": agreement}
    return render(request, "workload/reference_data.html", context)


@signed_in
def agreement_page(request: HttpRequest) -> HttpResponse:
    versions = AgreementVersion.objects.all()
    try:
        in_force: AgreementVersion | None = agreement_version_in_force(timezone.localdate())
    except NoneInForce:
        in_force = None
    version = _chosen(request, versions, in_force)
    rows = _rows(AGREEMENT_TIMINGS, version) if version is not None else []
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(row.kind, []).append(row)
    context = {
        "version": version,
        "in_force": in_force,
        "history": _history(versions, in_force),
        "groups": [(KIND_HEADINGS[kind], groups.get(kind, [])) for kind in KIND_HEADINGS],
        "changed": _changed_from_previous(AGREEMENT_TIMINGS, versions, version) if version else [],
        "may_edit": has_capability(request.user, Capability.MANAGE_REFERENCE_DATA),
        "today": timezone.localdate(),
    }
    return render(request, "workload/agreement.html", context)


KIND_HEADINGS = {
    "contact": "Appointments and other contacts",
    "recording": "Recording",
    "travel": "Travel",
    "report": "Reports",
    "essential": "Essential work",
}


@surface(Capability.MANAGE_REFERENCE_DATA)
def new_agreement_page(request: HttpRequest) -> HttpResponse:
    try:
        form = NewAgreementForm(request.POST or None)
    except NoneInForce:
        raise Http404("No agreement in force to copy") from None
    if request.method == "POST" and form.is_valid():
        add_agreement_version(
            acting_user=request.user,
            effective_from=form.cleaned_data["effective_from"],
            note=form.cleaned_data["note"],
            responsive_share_percent=form.cleaned_data["responsive_share_percent"],
            copied_from=form.in_force,
            before=form.rows,
            values=form.values(),
        )
        messages.success(request, "New version of the workload agreement added")
        return redirect("workload_agreement")
    context = {"form": form, "back_url": reverse("workload_agreement")}
    status = 400 if request.method == "POST" else 200
    return render(request, "workload/new_agreement.html", context, status=status)
