from django.contrib.auth import views as auth_views
from django.urls import path

from caseload.contacts import views as contacts
from caseload.people import views as people
from caseload.risk import views as risk

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", people.home, name="home"),
    path("cases/", people.my_cases, name="my_cases"),
    path("team/", people.team_cases, name="team_cases"),
    path("cases/<str:crn>/", people.case_detail, name="case_detail"),
    path("cases/<str:crn>/contacts/new/", contacts.new_contact, name="new_contact"),
    path("cases/<str:crn>/circumstances/new/", people.new_circumstance, name="new_circumstance"),
    path("cases/<str:crn>/registrations/new/", risk.new_registration, name="new_registration"),
    path("cases/<str:crn>/assessment/new/", risk.new_assessment, name="new_assessment"),
    path(
        "cases/<str:crn>/registrations/<int:registration_id>/end/",
        risk.end_registration,
        name="end_registration",
    ),
]
