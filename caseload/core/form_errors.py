"""Show an action's validation problems on the form that collected the input."""

from django import forms

from caseload.core.errors import ActionInvalid


def add_action_problems(form: forms.Form, exc: ActionInvalid) -> None:
    for p in exc.problems:
        form.add_error(p.field if p.field in form.fields else None, p.message)
