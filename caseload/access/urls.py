from django.contrib.auth import views as auth_views
from django.urls import path

from caseload.access import views
from caseload.access.rules import public

urlpatterns = [
    path("accounts/login/", public(auth_views.LoginView.as_view()), name="login"),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("audit/", views.audit_search, name="audit_search"),
    path("cases/<str:crn>/audit/", views.case_audit, name="case_audit"),
]
