from django.urls import path

from caseload.risk import views

urlpatterns = [
    path("cases/<str:crn>/registrations/new/", views.new_registration, name="new_registration"),
    path("cases/<str:crn>/assessment/new/", views.new_assessment, name="new_assessment"),
    path("cases/<str:crn>/rosh/new/", views.new_rosh_summary, name="new_rosh_summary"),
    path("cases/<str:crn>/arms-sara/new/", views.new_tool_assessment, name="new_tool_assessment"),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>/end/",
        views.end_registration,
        name="end_registration",
    ),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>/review/",
        views.review_registration_page,
        name="review_registration",
    ),
]
