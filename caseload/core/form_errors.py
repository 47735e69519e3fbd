"""Show an action's validation problems on the form that collected the input.

A form that asks for an action's argument under another name (the contact form asks for the
date of `happened_at` in `happened_on`) maps one to the other in `problem_fields`, so that the
error summary links to the input the user must change.
"""

from django import forms

from caseload.core.errors import ActionInvalid


def add_action_problems(form: forms.Form, exc: ActionInvalid) -> None:
    renamed: dict[str, str] = getattr(form, "problem_fields", {})
    for p in exc.problems:
        field = renamed.get(p.field, p.field)
        form.add_error(field if field in form.fields else None, p.message)
