"""A test-only page that puts every GOV.UK component we build on one screen, signed in,
with navigation and messages, so axe-core can check them together.
Used with `@pytest.mark.urls("caseload.browser_tests.component_pages")`."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from caseload.core.forms import GovUKDateField, GovUKForm, GovUKRadioSelect, GovUKTimeField

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}
{% block page_title %}Record a contact{% endblock %}
{% block beforeContent %}<a href="/components/" class="govuk-back-link">Back</a>{% endblock %}
{% block content %}
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {% include "govuk/error_summary.html" with form=form %}
    <h1 class="govuk-heading-l">Record a contact</h1>
    <form method="post" novalidate>
      {% csrf_token %}
      {{ form }}
      <button type="submit" class="govuk-button" data-module="govuk-button">Save</button>
    </form>
  </div>
</div>
{% endblock %}"""
)


class ComponentsForm(GovUKForm):
    summary = forms.CharField(help_text="What happened, briefly")
    outcome = forms.ChoiceField(
        choices=[("attended", "Attended"), ("failed", "Failed to attend")],
        widget=GovUKRadioSelect(hints={"failed": "You will be asked why next"}),
    )
    topics = forms.MultipleChoiceField(
        choices=[("housing", "Housing"), ("work", "Employment")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    date_of_contact = GovUKDateField(help_text="For example, 27 3 2025", allow_future=False)
    time_of_contact = GovUKTimeField()
    location = forms.ChoiceField(choices=[("", "Choose a location"), ("office", "Office")])
    notes = forms.CharField(widget=forms.Textarea, required=False)
    sensitive = forms.BooleanField(label="This contact is sensitive", required=False)


def components(request: HttpRequest) -> HttpResponse:
    form = ComponentsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        messages.success(request, "Contact recorded")
    messages.info(request, "Your team changes on Monday")
    context = {
        "form": form,
        "nav_items": [
            {"label": "My cases", "href": "/components/", "current": True},
            {"label": "Team cases", "href": "/components/?team", "current": False},
        ],
    }
    return HttpResponse(PAGE.render(context, request), status=400 if form.errors else 200)


urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("components/", components, name="components"),
]
