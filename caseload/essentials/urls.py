from django.urls import path

from caseload.essentials import views

urlpatterns = [
    path("cases/<str:crn>/essentials/", views.case_essentials, name="case_essentials"),
    path(
        "cases/<str:crn>/essentials/<slug:kind>/snooze/",
        views.snooze,
        name="snooze_essential",
    ),
    path(
        "cases/<str:crn>/essentials/<slug:kind>/not-applicable/",
        views.not_applicable,
        name="mark_essential_not_applicable",
    ),
    path(
        "cases/<str:crn>/essentials/overrides/<int:override_id>/end/",
        views.end_override,
        name="end_essential_override",
    ),
    path("essentials/", views.my_essentials, name="my_essentials"),
    path("team/essentials/", views.team_essentials, name="team_essentials"),
    path("team/essentials/cases/", views.team_essential_cases, name="team_essential_cases"),
]
