"""One pattern for every "record something on a case" page: parse the form, call one action,
show every problem in the GOV.UK error summary, or go back to the case with a confirmation.

A form page shows case data (the person's name, the latest answers), so every time it is shown
(the GET, a POST sent back with problems, the conflict page after a stale edit) it is audited
as a read, `VIEW_CASE_FORM`; a
successful POST is audited once, by the action under its own name. A refusal is audited by
`get_case_for_user` (`CHANGE_CASE`, outcome `FAIL`).

The form's cleaned data are the action's keyword arguments. A form whose fields are not named
as the action's arguments (the contact form asks for a date and a time, the action takes one
`happened_at`) says how to turn one into the other in an `action_arguments()` method.

A form that changes an existing record carries the version the user was shown in a hidden field
(`caseload.core.version_fields`), filled from the record by its `seen_versions(person,
**fixed_arguments)` when the form is shown. If someone else changed the record in between, the
action raises `StaleEdit` and the user gets the conflict page (409): what they saw, what is
recorded now and who changed it when, and their own answers, none of which were saved.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import get_case_for_user
from caseload.core.errors import ActionInvalid, ConfirmationNeeded, StaleEdit
from caseload.core.form_errors import add_action_problems
from caseload.core.versions import day_in_words, when_in_words
from caseload.people.models import Person
from caseload.people.record import section_back_label


def action_arguments(form: forms.Form) -> dict[str, Any]:
    arguments = getattr(form, "action_arguments", None)
    return arguments() if arguments is not None else dict(form.cleaned_data)


def case_action_page(
    request: HttpRequest,
    crn: str,
    *,
    form_class: type[forms.Form],
    action: Callable[..., object],
    title: str | Callable[[Person], str],
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
    `title` and `initial` may be functions of the case, called once access has been checked (a
    title naming the record the page changes may raise Http404 if there is no such record).
    An action that raises `ConfirmationNeeded` gets a page that asks, and sends the same answers
    again with `confirmed` set (the form carries a hidden `confirmed` field).
    `needs` is the capability of a case-level task (as the action's own `needs`); `context(person)`
    adds what the template shows beside the form; `done` names the page to go back to.
    """
    person = get_case_for_user(request.user, crn, write=needs is None, needs=needs)
    if callable(title):
        title = title(person)
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
            except StaleEdit as conflict:
                _audit_form_read(request, person, conflict=True)
                return _conflict_page(request, person, form, title, conflict)
            except ConfirmationNeeded as question:
                _audit_form_read(request, person, confirming=True)
                return _confirmation_page(request, person, form, title, question)
            else:
                messages.success(request, success)
                return redirect(done, crn=person.crn)
        status = 400
    else:
        given = initial(person) if callable(initial) else initial
        seen_versions = getattr(form_class, "seen_versions", None)
        if seen_versions is not None:
            given = {**(given or {}), **seen_versions(person, **(fixed_arguments or {}))}
        form = form_class(initial=given)
    _audit_form_read(request, person)
    page = {
        "person": person,
        "form": form,
        "title": title,
        "back_to": done,
        "back_label": section_back_label(done) or person.full_name,
        **(context(person) if context else {}),
    }
    return render(request, template, page, status=status)


def _audit_form_read(request: HttpRequest, person: Any, **detail: Any) -> None:
    """The form page (or the conflict page) shows case data: audited as a read."""
    form = request.resolver_match.url_name if request.resolver_match else ""
    record_audit(request.user, "VIEW_CASE_FORM", crn=person.crn, detail={"form": form, **detail})


def _conflict_page(
    request: HttpRequest, person: Any, form: forms.Form, title: str, conflict: StaleEdit
) -> HttpResponse:
    page = {
        "person": person,
        "title": title,
        "conflict": conflict,
        "answers": entered_answers(form),
        "start_again": request.get_full_path(),
    }
    return render(request, "core/stale_edit.html", page, status=409)


def _confirmation_page(
    request: HttpRequest,
    person: Any,
    form: forms.Form,
    title: str,
    question: ConfirmationNeeded,
) -> HttpResponse:
    """What else the change would do, the user's answers, and a button that sends them again,
    confirmed. Nothing has been saved yet."""
    answers = [
        (name, value)
        for name in request.POST
        if name not in ("csrfmiddlewaretoken", "confirmed")
        for value in request.POST.getlist(name)
    ]
    page = {
        "person": person,
        "title": title,
        "question": question,
        "answers": entered_answers(form),
        "posted": answers,
        "action_url": request.get_full_path(),
    }
    return render(request, "core/confirm_action.html", page)


def entered_answers(form: forms.Form) -> list[tuple[str, str]]:
    """What the user typed or chose in a valid form, in words, field by field (not the hidden
    versions), so that nothing is lost when their change cannot be saved."""
    return [
        (str(field.label), _in_words(field.field, form.cleaned_data.get(field.name)))
        for field in form.visible_fields()
    ]


def _choice_labels(choices: Any) -> dict[str, str]:
    labels: dict[str, str] = {}
    for value, label in choices:
        if isinstance(label, list | tuple):
            labels.update(_choice_labels(label))
        else:
            labels[str(value)] = str(label)
    return labels


def _in_words(field: forms.Field, value: Any) -> str:
    if isinstance(field, forms.BooleanField):
        return "Yes" if value else "No"
    if value in (None, "", [], ()):
        return "Not entered"
    if isinstance(field, forms.ChoiceField):
        labels = _choice_labels(field.choices)
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    if isinstance(value, datetime):
        return when_in_words(timezone.localtime(value))
    if isinstance(value, date):
        return day_in_words(value)
    return str(value)
