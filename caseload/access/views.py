"""Changing one's own password, and setting it through a one-time link from an administrator."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy

from caseload.access.forms import ChangePasswordForm, SetPasswordForm
from caseload.access.passwords import MUST_CHANGE_PASSWORD, password_changed
from caseload.access.rules import public, signed_in


class ChangePasswordView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("home")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["must_change"] = bool(self.request.session.get(MUST_CHANGE_PASSWORD))
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)  # keeps this session signed in
        password_changed(self.request, form.user, how="changed")
        messages.success(self.request, "Your password has been changed")
        return response


class ResetPasswordView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        password_changed(self.request, form.user, how="one-time link")
        return response


change_password = signed_in(ChangePasswordView.as_view())
reset_password = public(ResetPasswordView.as_view())
reset_password_done = public(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_reset_complete.html"
    )
)
