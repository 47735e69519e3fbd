"""One pattern for every "record something on a case" page: parse the form, call one action,
show every problem in the GOV.UK error summary, or go back to the case with a confirmation."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from caseload.access.cases import get_case_for_user
from caseload.core.errors import ActionInvalid
from caseload.core.form_errors import add_action_problems


def case_action_page(
    request: HttpRequest,
    crn: str,
    *,
    form_class: type[forms.Form],
    title: str,
    perform: Callable[[Any, dict[str, Any]], object],
    success: str,
    initial: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
    template: str = "core/case_action_form.html",
) -> HttpResponse:
    person = get_case_for_user(request.user, crn, write=True)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                perform(person, form.cleaned_data)
            except ActionInvalid as exc:
                add_action_problems(form, exc)
            else:
                messages.success(request, success)
                return redirect("case_detail", crn=person.crn)
        status = 400
    else:
        form = form_class(initial=initial)
    page = {"person": person, "form": form, "title": title, **(context or {})}
    return render(request, template, page, status=status)
