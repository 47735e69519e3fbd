from django.urls import path

from caseload.dataprotection import views

urlpatterns = [
    path("cases/<str:crn>/subject-access/", views.subject_access, name="subject_access"),
    path(
        "cases/<str:crn>/subject-access.json",
        views.subject_access_json,
        name="subject_access_json",
    ),
]
