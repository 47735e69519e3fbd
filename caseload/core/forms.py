"""Django forms that render as GOV.UK Design System components.

Subclass `GovUKForm` or `GovUKModelForm` and declare fields as usual; `{{ form }}` or
`{{ form.<field>.as_field_group }}` then renders GOV.UK markup from `templates/govuk/`:
labels, hints from `help_text`, error messages with `aria-describedby`, and a fieldset
for radios, checkboxes and dates. Put `{% include "govuk/error_summary.html" %}` at the
top of the page; each error links to `#id_<field>`, which is always the field's first input.

Widgets are chosen by type: text-like inputs, `Textarea`, `Select`, `RadioSelect`,
`CheckboxSelectMultiple`, `CheckboxInput` (a single checkbox) and `GovUKDateInput`.
Number fields render as text with `inputmode="numeric"`, as GOV.UK recommends.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import renderers
from django.forms.utils import pretty_name
from django.forms.widgets import ChoiceWidget
from django.utils.functional import cached_property

from caseload.core.govuk_dates import (
    GovUKDateField,
    GovUKDateInput,
    GovUKTimeField,
    aware_datetime,
    lower_first,
)

__all__ = [
    "GovUKBoundField",
    "GovUKCheckboxSelectMultiple",
    "GovUKDateField",
    "GovUKDateInput",
    "GovUKForm",
    "GovUKFormMixin",
    "GovUKFormRenderer",
    "GovUKModelForm",
    "GovUKRadioSelect",
    "GovUKTimeField",
    "KnownIdsMultipleChoiceField",
    "aware_datetime",
    "govuk_field",
]

FIELD_TEMPLATE = "govuk/field.html"
DJANGO_REQUIRED = forms.Field.default_error_messages["required"]

# Widget kind -> (CSS class, CSS class added when the field has an error).
WIDGET_CLASSES = {
    "input": ("govuk-input", "govuk-input--error"),
    "password": (
        "govuk-input govuk-password-input__input govuk-js-password-input-input",
        "govuk-input--error",
    ),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "radios": ("govuk-radios__input", ""),
    "checkboxes": ("govuk-checkboxes__input", ""),
    "checkbox": ("govuk-checkboxes__input", ""),
}
FIELDSET_KINDS = {"radios", "checkboxes", "date"}


class _GovUKChoiceWidget:
    """GOV.UK item ids: the first option is `id_<name>`, then `id_<name>_2`, `id_<name>_3`."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        choices: Any = (),
        *,
        inline: bool = False,
        small: bool = False,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(attrs, choices)  # type: ignore[call-arg]
        self.inline = inline
        self.small = small
        self.hints = {str(value): hint for value, hint in (hints or {}).items()}

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        if not id_ or index is None or index == "0":
            return id_
        if index.isdigit():
            return f"{id_}_{int(index) + 1}"
        return f"{id_}_{index}"


class GovUKRadioSelect(_GovUKChoiceWidget, forms.RadioSelect):
    """GOV.UK radios. `inline=True` for two short options, `hints={value: text}` per item."""


class GovUKCheckboxSelectMultiple(_GovUKChoiceWidget, forms.CheckboxSelectMultiple):
    """GOV.UK checkboxes for a multiple choice, with the same options as GovUKRadioSelect."""


GOVUK_CHOICE_WIDGETS: dict[type[forms.Widget], type[ChoiceWidget]] = {
    forms.RadioSelect: GovUKRadioSelect,
    forms.CheckboxSelectMultiple: GovUKCheckboxSelectMultiple,
}


def widget_kind(widget: forms.Widget) -> str:
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, GovUKDateInput):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


class GovUKBoundField(forms.BoundField):
    """A BoundField whose `as_field_group()` renders a GOV.UK form group."""

    def __init__(self, form: forms.BaseForm, field: forms.Field, name: str) -> None:
        super().__init__(form, field, name)
        self.renderer = GOVUK_RENDERER

    @property
    def kind(self) -> str:
        return widget_kind(self.field.widget)

    @property
    def template_name(self) -> str:
        return getattr(self.field, "template_name", None) or FIELD_TEMPLATE

    @property
    def marked_optional(self) -> bool:
        """ "(optional)" after the label: not for a checkbox, nor for a question needed only
        after another answer (`data-app-shown-for-field`), which its hint explains."""
        widget = self.field.widget
        conditional = "data-app-shown-for-field" in widget.attrs
        return not self.field.required and self.kind != "checkbox" and not conditional

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint" if self.auto_id and self.help_text else ""

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error" if self.auto_id and self.errors else ""

    @property
    def aria_describedby(self) -> str | None:
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        return " ".join(filter(None, (self.hint_id, self.error_id))) or None

    @property
    def id_for_label(self) -> str:
        widget = self.field.widget
        return str(widget.id_for_label(widget.attrs.get("id") or self.auto_id))

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        widget = widget or self.field.widget
        attrs = dict(super().build_widget_attrs(attrs, widget))
        attrs.pop("required", None)
        kind = widget_kind(widget)
        if kind in WIDGET_CLASSES:
            base, error = WIDGET_CLASSES[kind]
            classes = [base, widget.attrs.get("class", ""), error if self.errors else ""]
            attrs["class"] = " ".join(c for c in classes if c)
        if kind == "password":
            attrs.update(spellcheck="false", autocapitalize="none")
        if kind == "date" and self.errors:
            attrs[GovUKDateInput.ERROR_PARTS_ATTR] = self._date_error_parts()
        return attrs

    def _date_error_parts(self) -> tuple[str, ...]:
        for error in self.errors.as_data():
            parts = (error.params or {}).get("parts")
            if parts:
                return tuple(parts)
        return GovUKDateInput.PARTS

    def get_context(self) -> dict[str, Any]:
        kind = self.kind
        return {
            "field": self,
            "kind": kind,
            "fieldset": kind in FIELDSET_KINDS,
            "label_size": getattr(self.form, "label_size", ""),
            "items": self._items() if kind in ("radios", "checkboxes") else [],
        }

    def _items(self) -> list[dict[str, Any]]:
        hints = getattr(self.field.widget, "hints", {})
        items = []
        for subwidget in self.subwidgets:
            option = subwidget.data
            value = "" if option["value"] is None else str(option["value"])
            if value == "" and self.kind == "radios":
                continue
            hint = hints.get(value, "")
            hint_id = f"{option['attrs']['id']}-item-hint" if hint else ""
            attrs = dict(option["attrs"])
            if hint_id:
                attrs["aria-describedby"] = hint_id
            items.append(
                {**option, "value": value, "attrs": attrs, "hint": hint, "hint_id": hint_id}
            )
        return items


class GovUKFormRenderer(renderers.DjangoTemplates):
    """Django's default form renderer, also searching the project's template directories
    (where `govuk/` lives). GovUK forms use it; it is not meant as the global FORM_RENDERER."""

    form_template_name = "govuk/form.html"
    field_template_name = FIELD_TEMPLATE
    bound_field_class = GovUKBoundField

    @cached_property
    def engine(self) -> Any:
        project_dirs = [d for config in settings.TEMPLATES for d in config.get("DIRS", [])]
        builtin = Path(renderers.__file__).parent / "templates"
        return self.backend(
            {"APP_DIRS": True, "DIRS": [*project_dirs, builtin], "NAME": "govuk", "OPTIONS": {}}
        )


GOVUK_RENDERER = GovUKFormRenderer()


class GovUKFormMixin:
    """Mix into any Django form to render it with GOV.UK components.

    `label_size` is "", "s", "m" or "l" (GOV.UK label and legend sizes). The browser's own
    validation is off (`use_required_attribute = False`): GOV.UK shows errors from the server.
    """

    template_name = "govuk/form.html"
    default_renderer: renderers.BaseRenderer | type[renderers.BaseRenderer] | None = GOVUK_RENDERER
    bound_field_class: type[forms.BoundField] | None = GovUKBoundField
    use_required_attribute = False
    label_size = "s"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        for name, field in fields.items():
            govukify_field(name, field)


def govukify_field(name: str, field: forms.Field) -> None:
    """Adjust a field for GOV.UK: a label, GOV.UK error wording and choice widgets,
    numbers as text, 5-row textareas."""
    if field.label is None:
        field.label = pretty_name(name)
    _govuk_required_message(field)
    widget = field.widget
    if isinstance(widget, forms.Textarea) and widget.attrs.get("rows") == "10":
        widget.attrs["rows"] = "5"
    replacement = GOVUK_CHOICE_WIDGETS.get(type(widget))
    if replacement is not None:
        new_widget = replacement(attrs=widget.attrs)
        new_widget.choices = cast(ChoiceWidget, widget).choices
        field.widget = new_widget
    elif isinstance(widget, forms.NumberInput):
        widget.input_type = "text"
        for attr in ("min", "max", "step"):
            widget.attrs.pop(attr, None)
        numeric = not isinstance(field, (forms.FloatField, forms.DecimalField))
        widget.attrs.setdefault("inputmode", "numeric" if numeric else "decimal")
        widget.attrs.setdefault("spellcheck", "false")


def _govuk_required_message(field: forms.Field) -> None:
    """Replace Django's "This field is required." with "Enter ..." or "Select ..."."""
    if str(field.error_messages.get("required")) != str(DJANGO_REQUIRED):
        return
    kind = widget_kind(field.widget)
    if kind in ("checkbox", "hidden"):
        return
    verb = "Select" if kind in ("radios", "checkboxes", "select") else "Enter"
    field.error_messages["required"] = f"{verb} {lower_first(str(field.label))}"


def govuk_field(bound_field: forms.BoundField) -> GovUKBoundField:
    """Wrap a field of an ordinary Django form (e.g. AuthenticationForm) for GOV.UK rendering."""
    if isinstance(bound_field, GovUKBoundField):
        return bound_field
    if bound_field.field.label is None:
        bound_field.field.label = bound_field.label
    return GovUKBoundField(bound_field.form, bound_field.field, bound_field.name)


#: The range of a 64-bit signed integer, the widest key column either database has.
_LARGEST_ID = 2**63 - 1


class KnownIdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of records by id that refuses ids no database could hold.

    Django passes the submitted ids to an `id IN (...)` query, which SQLite cannot bind beyond
    64 bits (OverflowError, a 500); such an id is "not a valid value" like any unknown one.
    """

    def _check_values(self, value: Any) -> Any:
        for pk in value if isinstance(value, (list, tuple)) else ():
            text = str(pk).strip()
            if text.lstrip("-").isdigit() and abs(int(text)) > _LARGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class GovUKForm(GovUKFormMixin, forms.Form):
    """A `forms.Form` rendered with GOV.UK components."""


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A `forms.ModelForm` rendered with GOV.UK components."""


#: What "minutes actually spent" means wherever it is asked.
CONTACT_MINUTES_HINT = (
    "The whole time it took you, travel and writing it up included. For example, 55. "
    "It is used, without names, to test the workload agreement"
)


def minutes_spent_field(hint: str = CONTACT_MINUTES_HINT) -> forms.IntegerField:
    """The optional "minutes actually spent" of a contact or a task (workload evidence): the
    action's pure rule bounds it and names the field."""
    return forms.IntegerField(
        label="Minutes actually spent (optional)",
        required=False,
        help_text=hint,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )
