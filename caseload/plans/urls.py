"""The plan and oversight pages, under the sections of the case record that show them."""

from django.urls import path

from caseload.plans import views

BASE = "cases/<str:crn>"

urlpatterns = [
    path(f"{BASE}/sentence/plans/new/", views.record_sentence_plan, name="record_sentence_plan"),
    path(
        f"{BASE}/risk/management-plans/new/",
        views.record_risk_management_plan,
        name="record_risk_management_plan",
    ),
    path(
        f"{BASE}/oversight/new/",
        views.record_management_oversight,
        name="record_management_oversight",
    ),
]
