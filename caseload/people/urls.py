from django.urls import path

from caseload.people import personal_urls, views
from caseload.people.record import SECTIONS

urlpatterns = [
    path("", views.home, name="home"),
    path("cases/", views.my_cases, name="my_cases"),
    path("team/", views.team_cases, name="team_cases"),
    path("cases/<str:crn>/", views.case_detail, name="case_detail"),
    *(
        path(f"cases/<str:crn>/{slug}/", views.section_views[key], name=f"case_{key}")
        for key, _, slug in SECTIONS
        if key in views.section_views
    ),
    path("cases/<str:crn>/circumstances/new/", views.new_circumstance, name="new_circumstance"),
    *personal_urls.urlpatterns,
]
