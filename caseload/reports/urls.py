"""The report pages, under the Sentence section of the case record."""

from django.urls import path

from caseload.reports import views

BASE = "cases/<str:crn>/sentence/reports"

urlpatterns = [
    path(f"{BASE}/new/", views.request_report, name="request_report"),
    path(f"{BASE}/<int:report_id>/completed/", views.complete_report, name="complete_report"),
]
