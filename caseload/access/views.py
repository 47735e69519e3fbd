"""Pages of the access part: a case's limited-access lists (managers and heads of delivery
units), changing one's own password, and setting it through a one-time link from an
administrator."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django.utils import timezone

from caseload.access.actions import add_to_limited_access, end_limited_access
from caseload.access.capabilities import Capability
from caseload.access.forms import (
    ChangePasswordForm,
    EndLimitedAccessForm,
    LimitedAccessForm,
    SetPasswordForm,
)
from caseload.access.pages import case_action_page
from caseload.access.passwords import MUST_CHANGE_PASSWORD, password_changed
from caseload.access.rules import case_page, public, signed_in
from caseload.core.dates import in_force

MANAGE = Capability.MANAGE_LIMITED_ACCESS


def _lists(person: Any) -> dict[str, Any]:
    today = timezone.localdate()
    rows = list(person.limited_access.select_related("user"))
    current = [r for r in rows if in_force(r.start_date, r.end_date, today)]
    return {"in_force": current, "not_in_force": [r for r in rows if r not in current]}


@case_page(needs=MANAGE)
def limited_access(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=LimitedAccessForm,
        action=add_to_limited_access,
        title="Limited access",
        success="Limited access changed",
        initial={"start_date": timezone.localdate()},
        template="access/limited_access.html",
        needs=MANAGE,
        context=_lists,
        done="limited_access",
    )


@case_page(needs=MANAGE)
def end_limited_access_entry(request: HttpRequest, crn: str, entry_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=EndLimitedAccessForm,
        action=end_limited_access,
        title="End a limited-access entry",
        success="Limited access changed",
        fixed_arguments={"entry_id": entry_id},
        initial={"end_date": timezone.localdate()},
        needs=MANAGE,
        done="limited_access",
    )


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
