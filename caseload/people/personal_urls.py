"""The personal-details pages, under the Personal details section of the case record."""

from django.urls import path

from caseload.people import personal_views as views

BASE = "cases/<str:crn>/personal-details"

urlpatterns = [
    path(f"{BASE}/addresses/new/", views.new_address, name="new_address"),
    path(f"{BASE}/addresses/<int:address_id>/end/", views.end_address, name="end_address"),
    path(f"{BASE}/phone-and-email/", views.change_phone_and_email, name="change_phone_and_email"),
    path(f"{BASE}/contacts/new/", views.new_personal_contact, name="new_personal_contact"),
    path(
        f"{BASE}/contacts/<int:contact_id>/remove/",
        views.end_personal_contact,
        name="end_personal_contact",
    ),
    path(f"{BASE}/disabilities/new/", views.new_disability, name="new_disability"),
    path(
        f"{BASE}/disabilities/<int:disability_id>/end/",
        views.end_disability,
        name="end_disability",
    ),
    path(f"{BASE}/language/", views.change_language_needs, name="change_language_needs"),
]
