"""GOV.UK form components: rendering, error summary and date/time parsing, without the database."""

import datetime as dt
import re

import pytest
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import timezone
from pytest_django.asserts import assertInHTML

from caseload.core.forms import (
    GovUKDateField,
    GovUKForm,
    GovUKModelForm,
    GovUKRadioSelect,
    GovUKTimeField,
    aware_datetime,
)

OUTCOMES = [("attended", "Attended"), ("failed", "Failed to attend")]


class ContactForm(GovUKForm):
    summary = forms.CharField(label="Summary", help_text="What happened")
    outcome = forms.ChoiceField(
        choices=OUTCOMES, widget=GovUKRadioSelect(hints={"failed": "You will be asked why"})
    )
    topics = forms.MultipleChoiceField(
        choices=[("housing", "Housing"), ("work", "Work")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    date_of_contact = GovUKDateField(label="Date of contact", allow_future=False)
    time_of_contact = GovUKTimeField(label="Time of contact")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    sensitive = forms.BooleanField(label="This contact is sensitive", required=False)
    hours = forms.IntegerField(required=False)


VALID = {
    "summary": "Home visit",
    "outcome": "attended",
    "topics": ["work"],
    "date_of_contact_day": "3",
    "date_of_contact_month": "Mar",
    "date_of_contact_year": "2025",
    "time_of_contact": "9.05",
    "hours": "2",
}


def data(**changes: object) -> dict[str, object]:
    return {**VALID, **changes}


def has_required_attribute(html: str) -> bool:
    return re.search(r"<input[^>]*\srequired[\s>=]", html) is not None


def error_summary(form: forms.Form) -> str:
    return render_to_string("govuk/error_summary.html", {"form": form})


def test_a_valid_form_cleans_gov_uk_inputs() -> None:
    form = ContactForm(data=VALID)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_contact"] == dt.date(2025, 3, 3)
    assert form.cleaned_data["time_of_contact"] == dt.time(9, 5)
    assert form.cleaned_data["topics"] == ["work"]
    assert form.cleaned_data["hours"] == 2


def test_a_valid_form_renders_no_errors_and_no_summary() -> None:
    form = ContactForm(data=VALID)
    form.is_valid()

    assert "govuk-form-group--error" not in form.render()
    assert error_summary(form).strip() == ""


def test_fields_render_as_gov_uk_components() -> None:
    html = ContactForm().render()

    assertInHTML('<div id="id_summary-hint" class="govuk-hint">What happened</div>', html)
    assertInHTML(
        '<input type="text" name="summary" class="govuk-input" id="id_summary"'
        ' aria-describedby="id_summary-hint">',
        html,
    )
    assertInHTML(
        '<input type="radio" name="outcome" value="attended" id="id_outcome"'
        ' class="govuk-radios__input">',
        html,
    )
    assertInHTML(
        '<input type="radio" name="outcome" value="failed" id="id_outcome_2"'
        ' class="govuk-radios__input" aria-describedby="id_outcome_2-item-hint">',
        html,
    )
    assert 'class="govuk-checkboxes__input"' in html
    assert 'id="id_topics_2"' in html
    assert '<textarea name="notes" cols="40" rows="5" class="govuk-textarea"' in html
    assert "Notes (optional)" in html
    assertInHTML(
        '<input type="text" name="hours" inputmode="numeric" spellcheck="false"'
        ' class="govuk-input" id="id_hours">',
        html,
    )
    assert not has_required_attribute(html)


def test_the_date_input_has_three_boxes_and_the_first_carries_the_field_id() -> None:
    html = ContactForm(initial={"date_of_contact": dt.date(2025, 1, 9)}).render()

    assertInHTML(
        '<input type="text" name="date_of_contact_day" value="9" id="id_date_of_contact"'
        ' class="govuk-input govuk-date-input__input govuk-input--width-2" inputmode="numeric">',
        html,
    )
    assertInHTML(
        '<label class="govuk-label govuk-date-input__label" for="id_date_of_contact_year">'
        "Year</label>",
        html,
    )
    assert 'name="date_of_contact_month" value="1"' in html
    assert '<fieldset class="govuk-fieldset" role="group">' in html


def test_an_invalid_form_marks_each_field_in_error() -> None:
    form = ContactForm(data=data(summary="", outcome=""))
    html = form.render()

    assert not form.is_valid()
    assertInHTML(
        '<p id="id_summary-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter summary</p>',
        html,
    )
    assertInHTML(
        '<input type="text" name="summary" aria-invalid="true"'
        ' aria-describedby="id_summary-hint id_summary-error"'
        ' class="govuk-input govuk-input--error" id="id_summary">',
        html,
    )
    assert 'aria-describedby="id_outcome-error"' in html
    assert html.count("govuk-form-group--error") == 2


def test_the_error_summary_links_each_error_to_its_field() -> None:
    form = ContactForm(data=data(summary="", outcome="", date_of_contact_month=""))
    form.add_error(None, "This person has no active sentence")
    html = error_summary(form)

    assert 'class="govuk-error-summary" data-module="govuk-error-summary"' in html
    assertInHTML('<h2 class="govuk-error-summary__title">There is a problem</h2>', html)
    assertInHTML('<li><a href="#id_summary">This person has no active sentence</a></li>', html)
    assertInHTML('<li><a href="#id_summary">Enter summary</a></li>', html)
    assertInHTML('<li><a href="#id_outcome">Select outcome</a></li>', html)
    assertInHTML(
        '<li><a href="#id_date_of_contact">Date of contact must include a month</a></li>', html
    )


def test_the_error_summary_works_for_a_plain_django_form() -> None:
    form = AuthenticationForm(data={"username": "", "password": ""})
    html = error_summary(form)

    assertInHTML('<li><a href="#id_username">This field is required.</a></li>', html)
    assertInHTML('<li><a href="#id_password">This field is required.</a></li>', html)


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "parts"),
    [
        ("", "", "", "Enter date of contact", ("day", "month", "year")),
        ("3", "", "2025", "Date of contact must include a month", ("month",)),
        ("", "3", "", "Date of contact must include a day and year", ("day", "year")),
        ("31", "2", "2025", "Date of contact must be a real date", ("day", "month", "year")),
        ("3", "13", "2025", "Date of contact must be a real date", ("day", "month", "year")),
        ("x", "3", "2025", "Date of contact must be a real date", ("day", "month", "year")),
        (
            "2147483648",
            "3",
            "2025",
            "Date of contact must be a real date",
            ("day", "month", "year"),
        ),
        ("3", "3", "25", "Year must include 4 numbers", ("year",)),
    ],
)
def test_date_errors_use_gov_uk_wording_and_highlight_the_wrong_parts(
    day: str, month: str, year: str, message: str, parts: tuple[str, ...]
) -> None:
    form = ContactForm(
        data=data(date_of_contact_day=day, date_of_contact_month=month, date_of_contact_year=year)
    )
    html = form["date_of_contact"].as_field_group()

    assert form.errors["date_of_contact"] == [message]
    for part in ("day", "month", "year"):
        box_id = "id_date_of_contact" if part == "day" else f"id_date_of_contact_{part}"
        box = html.split(f'id="{box_id}"')[1].split(">")[0]
        assert ("govuk-input--error" in box) == (part in parts), part


def test_a_date_in_the_future_is_refused_when_the_field_says_so() -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    form = ContactForm(
        data=data(
            date_of_contact_day=str(tomorrow.day),
            date_of_contact_month=str(tomorrow.month),
            date_of_contact_year=str(tomorrow.year),
        )
    )

    assert form.errors["date_of_contact"] == ["Date of contact must be today or in the past"]


def test_an_optional_date_left_empty_is_none() -> None:
    field = GovUKDateField(label="End date", required=False)

    assert field.clean(["", "", ""]) is None


def test_date_messages_can_be_overridden() -> None:
    field = GovUKDateField(label="Start", error_messages={"required": "Enter the start date"})

    with pytest.raises(forms.ValidationError) as raised:
        field.clean(["", "", ""])
    assert raised.value.messages == ["Enter the start date"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("14:30", dt.time(14, 30)), ("9:05", dt.time(9, 5)), ("0930", dt.time(9, 30))],
)
def test_times_are_read_in_24_hour_form(typed: str, expected: dt.time) -> None:
    assert GovUKTimeField(label="Time").clean(typed) == expected


@pytest.mark.parametrize("typed", ["24:00", "12:60", "noon", "1:2"])
def test_unreal_times_are_refused(typed: str) -> None:
    with pytest.raises(forms.ValidationError) as raised:
        GovUKTimeField(label="Time of contact").clean(typed)
    assert raised.value.messages == ["Time of contact must be a real time, like 09:30 or 14:15"]


def test_aware_datetime_uses_the_service_time_zone() -> None:
    moment = aware_datetime(dt.date(2025, 7, 1), dt.time(9, 0))

    assert moment.utcoffset() == dt.timedelta(hours=1)


def test_a_model_form_renders_gov_uk_fields() -> None:
    class NameForm(GovUKModelForm):
        class Meta:
            model = User
            fields = ["first_name", "is_active"]

    html = NameForm().render()

    assert 'class="govuk-input" id="id_first_name"' in html
    assert "First name (optional)" in html
    assert 'class="govuk-checkboxes__input" id="id_is_active"' in html


def test_the_govuk_field_tag_renders_a_plain_django_form_field() -> None:
    form = AuthenticationForm(data={"username": "", "password": "x"})
    form.is_valid()
    html = Template("{% load govuk %}{% govuk_field form.username %}").render(
        Context({"form": form})
    )

    assert "govuk-form-group govuk-form-group--error" in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert not has_required_attribute(html)


def test_the_page_title_is_prefixed_error_when_the_form_has_errors() -> None:
    page = Template('{% extends "base.html" %}{% block page_title %}Record a contact{% endblock %}')
    form = ContactForm(data=data(summary=""))

    invalid = page.render(Context({"form": form, "service_name": "caseload"}))
    valid = page.render(Context({"form": ContactForm(), "service_name": "caseload"}))

    assert "<title>Error: Record a contact – caseload</title>" in invalid
    assert "<title>Record a contact – caseload</title>" in valid
