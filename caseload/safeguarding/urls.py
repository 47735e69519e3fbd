"""The enquiry pages, under the Risk section of the case record."""

from django.urls import path

from caseload.safeguarding import views

BASE = "cases/<str:crn>/risk/enquiries"

urlpatterns = [
    path(f"{BASE}/new/", views.request_enquiry, name="request_enquiry"),
    path(
        f"{BASE}/<int:enquiry_id>/response/",
        views.record_enquiry_response,
        name="record_enquiry_response",
    ),
]
