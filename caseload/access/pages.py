"""One pattern for every "record something on a case" page: parse the form, call one action,
show every problem in the GOV.UK error summary, or go back to the case with a confirmation.

A form page shows case data (the person's name, the latest answers), so every time it is shown
(the GET, and a POST sent back with problems) it is audited as a read, `VIEW_CASE_FORM`; a
successful POST is audited once, by the action under its own name. A refusal is audited by
`get_case_for_user` (`CHANGE_CASE`, outcome `FAIL`).

The form's cleaned data are the action's keyword arguments. A form whose fields are not named
as the action's arguments (the contact form asks for a date and a time, the action takes one
`happened_at`) says how to turn one into the other in an `action_arguments()` method.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import get_case_for_user
from caseload.core.errors import ActionInvalid
from caseload.core.form_errors import add_action_problems
from caseload.people.models import Person


def action_arguments(form: forms.Form) -> dict[str, Any]:
    arguments = getattr(form, "action_arguments", None)
    return arguments() if arguments is not None else dict(form.cleaned_data)


def case_action_page(
    request: HttpRequest,
    crn: str,
    *,
    form_class: type[forms.Form],
    action: Callable[..., object],
    title: str,
    success: str,
    fixed_arguments: dict[str, Any] | None = None,
    initial: dict[str, Any] | Callable[[Person], dict[str, Any] | None] | None = None,
    template: str = "core/case_action_form.html",
    needs: Capability | None = None,
    context: Callable[[Any], dict[str, Any]] | None = None,
    done: str = "case_detail",
) -> HttpResponse:
    """`action(crn, acting_user=..., **fixed_arguments, **form arguments)` on a valid POST.

    `fixed_arguments` come from the URL rather than the form (which registration to end).
    `initial` may be a function of the case, read only once access has been checked.
    `needs` is the capability of a case-level task (as the action's own `needs`); `context(person)`
    adds what the template shows beside the form; `done` names the page to go back to.
    """
    person = get_case_for_user(request.user, crn, write=needs is None, needs=needs)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                action(
                    person.crn,
                    acting_user=request.user,
                    **(fixed_arguments or {}),
                    **action_arguments(form),
                )
            except ActionInvalid as exc:
                add_action_problems(form, exc)
            else:
                messages.success(request, success)
                return redirect(done, crn=person.crn)
        status = 400
    else:
        form = form_class(initial=initial(person) if callable(initial) else initial)
    form_name = request.resolver_match.url_name if request.resolver_match else ""
    record_audit(request.user, "VIEW_CASE_FORM", crn=person.crn, detail={"form": form_name})
    page = {"person": person, "form": form, "title": title, **(context(person) if context else {})}
    return render(request, template, page, status=status)
