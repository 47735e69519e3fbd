from django.urls import path

from caseload.allocation import views

urlpatterns = [
    path("team/allocations/", views.team_allocations, name="team_allocations"),
    path("team/allocations/absences/new/", views.new_absence, name="new_absence"),
    path(
        "team/allocations/reallocate/<str:username>/",
        views.reallocate_page,
        name="reallocate_practitioner",
    ),
    path("cases/<str:crn>/allocate/", views.allocate_page, name="allocate_case"),
]
