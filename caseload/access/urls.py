from django.contrib.auth import views as auth_views
from django.urls import path

from caseload.access import audit_views, views
from caseload.access.forms import SignInForm
from caseload.access.rules import public

urlpatterns = [
    path(
        "accounts/login/",
        public(auth_views.LoginView.as_view(authentication_form=SignInForm)),
        name="login",
    ),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("accounts/password/", views.change_password, name="password_change"),
    path("accounts/reset/<uidb64>/<token>/", views.reset_password, name="password_reset_confirm"),
    path("accounts/reset/done/", views.reset_password_done, name="password_reset_complete"),
    path("cases/<str:crn>/limited-access/", views.limited_access, name="limited_access"),
    path(
        "cases/<str:crn>/limited-access/<int:entry_id>/end/",
        views.end_limited_access_entry,
        name="end_limited_access",
    ),
    path("audit/", audit_views.audit_search, name="audit_search"),
    path("cases/<str:crn>/audit/", audit_views.case_audit, name="case_audit"),
]
