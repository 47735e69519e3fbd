"""GOV.UK date input (day, month and year boxes) and a time field, with GOV.UK's error messages.

    date_of_contact = GovUKDateField(label="Date of contact", help_text="For example, 27 3 2025",
                                     allow_future=False)
    time_of_contact = GovUKTimeField(label="Time of contact")

Messages follow the GOV.UK date input pattern, using the field's label:
"Enter date of contact", "Date of contact must include a month",
"Date of contact must be a real date", "Year must include 4 numbers",
"Date of contact must be today or in the past". Override any of them with `error_messages`
(keys: required, incomplete, invalid, year_digits, future, past; placeholders %(label)s,
%(label_lower)s and, for incomplete, %(missing)s).
"""

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

MONTH_NAMES = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%B").lower(),
        dt.date(2000, number, 1).strftime("%b").lower(),
    )
}
TIME_PATTERN = re.compile(r"^(\d{1,2})[:.]?(\d{2})$")


def lower_first(text: str) -> str:
    """'Date of contact' -> 'date of contact', but 'CRN' stays 'CRN'."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _join_parts(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


class GovUKDateInput(forms.MultiWidget):
    """Three text boxes named <name>_day, <name>_month, <name>_year; the day box has the
    field's id (`id_<name>`) so labels and error summary links land on it."""

    template_name = "govuk/widgets/date_input.html"
    PARTS = ("day", "month", "year")
    ERROR_PARTS_ATTR = "data-govuk-error-parts"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput() for part in self.PARTS
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def id_for_label(self, id_: str) -> str:
        return id_

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        error_parts = attrs.pop(self.ERROR_PARTS_ATTR, ())
        context = super().get_context(name, value, attrs)
        base_id = context["widget"]["attrs"].get("id")
        for part, subwidget in zip(self.PARTS, context["widget"]["subwidgets"], strict=True):
            sub_attrs = subwidget["attrs"]
            if base_id:
                sub_attrs["id"] = base_id if part == "day" else f"{base_id}_{part}"
            width = "govuk-input--width-4" if part == "year" else "govuk-input--width-2"
            error = "govuk-input--error" if part in error_parts else ""
            sub_attrs["class"] = " ".join(
                filter(None, ("govuk-input govuk-date-input__input", width, error))
            )
            sub_attrs["inputmode"] = "numeric"
            if part not in error_parts:
                sub_attrs.pop("aria-invalid", None)
            subwidget["part"] = part
            subwidget["label"] = part.capitalize()
        return context


class GovUKDateField(forms.MultiValueField):
    """A date entered as day, month and year; cleans to `datetime.date`."""

    widget = GovUKDateInput
    default_error_messages = {
        "required": "Enter %(label_lower)s",
        "incomplete": "%(label)s must include a %(missing)s",
        "invalid": "%(label)s must be a real date",
        "year_digits": "Year must include 4 numbers",
        "future": "%(label)s must be today or in the past",
        "past": "%(label)s must be today or in the future",
    }

    def __init__(self, *, allow_future: bool = True, allow_past: bool = True, **kwargs: Any):
        self.allow_future = allow_future
        self.allow_past = allow_past
        parts = tuple(forms.CharField(required=False) for _ in GovUKDateInput.PARTS)
        super().__init__(parts, require_all_fields=False, **kwargs)

    def _error(self, code: str, parts: tuple[str, ...], **params: str) -> ValidationError:
        label = str(self.label or "Date")
        params = {"label": label, "label_lower": lower_first(label), **params}
        return ValidationError(
            self.error_messages[code], code=code, params={**params, "parts": parts}
        )

    def clean(self, value: Any) -> dt.date | None:
        raw = list(value) if isinstance(value, (list, tuple)) else [None, None, None]
        day, month, year = (str(v or "").strip() for v in raw)
        entered = {"day": day, "month": month, "year": year}
        if not any(entered.values()):
            if self.required:
                raise self._error("required", GovUKDateInput.PARTS)
            return None
        missing = [part for part, text in entered.items() if not text]
        if missing:
            raise self._error("incomplete", tuple(missing), missing=_join_parts(missing))
        result = self.compress([day, month, year])
        self._check_range(result)
        self.run_validators(result)
        return result

    def compress(self, data_list: list[str]) -> dt.date:
        day, month, year = data_list
        month_number = MONTH_NAMES.get(month.lower(), month)
        if not (day.isdigit() and str(month_number).isdigit() and year.isdigit()):
            raise self._error("invalid", GovUKDateInput.PARTS)
        if len(year) != 4:
            raise self._error("year_digits", ("year",))
        try:
            return dt.date(int(year), int(month_number), int(day))
        except (ValueError, OverflowError):  # a day such as 2147483648 overflows a C int
            raise self._error("invalid", GovUKDateInput.PARTS) from None

    def _check_range(self, value: dt.date) -> None:
        today = timezone.localdate()
        if not self.allow_future and value > today:
            raise self._error("future", GovUKDateInput.PARTS)
        if not self.allow_past and value < today:
            raise self._error("past", GovUKDateInput.PARTS)


class GovUKTimeField(forms.Field):
    """A 24-hour time typed as HH:MM (also accepts 9:30, 09.30 and 0930)."""

    widget = forms.TextInput
    default_error_messages = {
        "required": "Enter %(label_lower)s",
        "invalid": "%(label)s must be a real time, like 09:30 or 14:15",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Use the 24-hour clock, for example 14:30")
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs["class"] = "govuk-input--width-5"
        attrs["spellcheck"] = "false"
        return attrs

    def _error(self, code: str) -> ValidationError:
        label = str(self.label or "Time")
        return ValidationError(
            self.error_messages[code],
            code=code,
            params={"label": label, "label_lower": lower_first(label)},
        )

    def to_python(self, value: Any) -> dt.time | None:
        if isinstance(value, dt.time):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        match = TIME_PATTERN.match(text)
        if not match:
            raise self._error("invalid")
        hour, minute = int(match[1]), int(match[2])
        if hour > 23 or minute > 59:
            raise self._error("invalid")
        return dt.time(hour, minute)

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise self._error("required")

    def prepare_value(self, value: Any) -> Any:
        return value.strftime("%H:%M") if isinstance(value, dt.time) else value


def aware_datetime(date: dt.date, time: dt.time) -> dt.datetime:
    """Combine a GovUKDateField and a GovUKTimeField value in the service's time zone."""
    return timezone.make_aware(dt.datetime.combine(date, time))
