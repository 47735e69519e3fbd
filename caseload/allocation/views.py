"""The allocation pages: the team's cases awaiting allocation (`/team/allocations/`), recording
that a practitioner is away or leaving, choosing a practitioner for one case
(`/cases/<crn>/allocate/`) and reallocating every case of one practitioner at once."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import get_case_for_user, may_change
from caseload.access.rules import case_page, no_access, surface
from caseload.allocation.actions import allocate_with_note, record_absence
from caseload.allocation.forms import AbsenceForm, AllocateForm, ReallocateForm
from caseload.allocation.reading import candidates, proposal_for, waiting_cases
from caseload.allocation.reallocating import allocate_each
from caseload.allocation.shown import candidate_row, case_words, proposal_page, waiting_row
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.core.form_errors import add_action_problems
from caseload.core.versions import Seen
from caseload.workload.practitioners import practitioners_for


@surface(Capability.OVERSEE_CASES)
def team_allocations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    waiting = waiting_cases(request.user, today)
    record_audit(request.user, "VIEW_CASELOAD", detail={"list": "awaiting allocation"})
    rows = [waiting_row(w) for w in waiting]
    away = {}
    for w in waiting:
        if w.absence is not None:
            away[w.held_by.pk] = w
    page: dict[str, Any] = {
        "new": [r for r in rows if r["new"]],
        "reallocate": [r for r in rows if not r["new"]],
        "away": [
            {
                "name": str(w.held_by),
                "username": w.held_by.user.get_username(),
                "absence": waiting_row(w)["reason"],
                "cases": sum(1 for x in waiting if x.held_by.pk == pk),
            }
            for pk, w in away.items()
        ],
        "practitioners": practitioners_for(request.user),
    }
    return render(request, "allocation/team_allocations.html", page)


@surface(Capability.OVERSEE_CASES)
def new_absence(request: HttpRequest) -> HttpResponse:
    staff = {s.user.get_username(): s for s in practitioners_for(request.user)}
    form = AbsenceForm(
        request.POST if request.method == "POST" else None,
        practitioners={name: str(s) for name, s in staff.items()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_absence(
                acting_user=request.user,
                staff=staff[data["practitioner"]],
                kind=data["kind"],
                start_date=data["start_date"],
                end_date=data["end_date"],
            )
        except ActionInvalid as exc:
            add_action_problems(form, exc)
        else:
            messages.success(request, "Absence recorded: their cases are listed for reallocation")
            return redirect("team_allocations")
    status = 400 if request.method == "POST" else 200
    return render(request, "allocation/new_absence.html", {"form": form}, status=status)


@case_page(needs=Capability.OVERSEE_CASES)
def allocate_page(request: HttpRequest, crn: str) -> HttpResponse:
    """The case's team, in the national tool's order, each with capacity before and after in
    both models; those who cannot take it are shown with the reason, not offered."""
    person = get_case_for_user(request.user, crn, needs=Capability.OVERSEE_CASES)
    today = timezone.localdate()
    weight, found, holder = candidates(request.user, person, today)
    rows = [candidate_row(c, weight) for c in found]
    offered = [r for r in rows if r["suitable"] and not r["holds_it"]]
    form = AllocateForm(
        request.POST if request.method == "POST" else None,
        choices={r["id"]: f"{r['name']} ({r['grade']})" for r in offered},
        hints={
            r["id"]: f"Points {r['points_before']} to {r['points_after']}; "
            f"this week {r['hours_before']} to {r['hours_after']} of {r['hours_available']}"
            for r in offered
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                allocate_with_note(
                    person.crn,
                    acting_user=request.user,
                    staff_id=int(data["staff"]),
                    start_date=data["start_date"],
                    replacing=data["replacing"],
                    note=data["note"],
                )
            except ActionInvalid as exc:
                add_action_problems(form, exc)
            except StaleEdit:
                form.add_error(
                    None, "Someone allocated this case since you opened the page: check it again"
                )
            else:
                messages.success(
                    request, "Case allocated: the new practitioner is shown its handover summary"
                )
                return redirect("case_detail", crn=person.crn)
        status = 400
    else:
        current = person.allocations.latest_open().first()
        form.initial["replacing"] = Seen(current.pk, current.version) if current else None
    record_audit(request.user, "VIEW_CASE_FORM", crn=person.crn, detail={"form": "allocate_case"})
    page = {
        "person": person,
        "form": form,
        "weight": weight,
        "weight_words": case_words(weight),
        "holder": holder,
        "holder_is_practitioner": any(c.holds_it for c in found),
        "rows": rows,
        "can_allocate": may_change(request.user, person),
    }
    return render(request, "allocation/allocate.html", page, status=status)


@surface(Capability.OVERSEE_CASES)
def reallocate_page(request: HttpRequest, username: str) -> HttpResponse:
    """Every case of one practitioner: the proposed spread with each practitioner's capacity
    before and after; the manager may change any line, then confirms."""
    staff = {s.user.get_username(): s for s in practitioners_for(request.user)}
    if username not in staff:
        raise Http404("No practitioner by that username in your team")
    today = timezone.localdate()
    proposal = proposal_for(request.user, staff[username], today)
    page = proposal_page(proposal)
    form = ReallocateForm(
        request.POST if request.method == "POST" else None,
        lines=page["form_lines"],
        initial={f"case_{p.crn}": p.to or "" for p in proposal.spread.placements},
    )
    for line in page["lines"]:
        line["field"] = form[f"case_{line['crn']}"]
    status = 200
    if request.method == "POST" and not has_capability(request.user, Capability.CHANGE_CASE):
        return no_access(request, Capability.CHANGE_CASE)
    if request.method == "POST":
        if form.is_valid():
            results = allocate_each(
                request.user,
                form.chosen(),
                from_staff_id=staff[username].pk,
                start_date=form.cleaned_data["start_date"],
                note=form.cleaned_data["note"],
                names={m.username: m.staff.pk for m in proposal.receivers},
            )
            failed = [r for r in results if not r.allocated]
            done = len(results) - len(failed)
            if not failed:
                messages.success(request, f"{done} {'case' if done == 1 else 'cases'} reallocated")
                return redirect("team_allocations")
            record_audit(request.user, "VIEW_CASELOAD", detail={"list": f"reallocate {username}"})
            return render(
                request,
                "allocation/reallocate_result.html",
                {"done": done, "failed": failed, "leaving": proposal.leaving},
                status=400 if not done else 200,
            )
        status = 400
    record_audit(request.user, "VIEW_CASELOAD", detail={"list": f"reallocate {username}"})
    return render(
        request,
        "allocation/reallocate.html",
        {
            **page,
            "form": form,
            "back": reverse("team_allocations"),
            "can_allocate": has_capability(request.user, Capability.CHANGE_CASE),
        },
        status=status,
    )
