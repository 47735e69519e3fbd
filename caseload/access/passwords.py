"""Passwords are set only by their owners.

An administrator never sets another user's password (`caseload.access.admin`); instead they
either require a change at next sign-in, or make a one-time link with which the user sets a new
one (Django's `PasswordResetTokenGenerator`: the link stops working once used, because the token
is made from the password hash and last sign-in, and after `settings.PASSWORD_RESET_TIMEOUT`).

A user who must change their password is noted in their session at sign-in, and
`PasswordChangeRequiredMiddleware` sends every request to the change-password page until they
have: one session read per request, no query.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from caseload.access.audit import record_audit
from caseload.access.models import PasswordChangeRequired

MUST_CHANGE_PASSWORD = "caseload_must_change_password"


@transaction.atomic
def require_password_change(user: AbstractBaseUser, *, acting_user: Any) -> None:
    PasswordChangeRequired.objects.update_or_create(
        user=user, defaults={"required_by": acting_user}
    )
    record_audit(acting_user, "ADMIN_FORCE_PASSWORD_CHANGE", detail={"for": user.get_username()})


@transaction.atomic
def password_reset_link(request: HttpRequest, user: AbstractBaseUser) -> str:
    """The absolute URL of a one-time link for `user` to set a new password; it is shown once
    to the administrator and never stored (the audit names only whom it was for)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    record_audit(request.user, "ADMIN_PASSWORD_RESET_LINK", detail={"for": user.get_username()})
    return request.build_absolute_uri(path)


def note_password_change_required(request: HttpRequest, user: AbstractBaseUser) -> None:
    """At sign-in (`caseload.access.signin`)."""
    if PasswordChangeRequired.objects.filter(user_id=user.pk).exists():
        request.session[MUST_CHANGE_PASSWORD] = True


@transaction.atomic
def password_changed(request: HttpRequest, user: AbstractBaseUser, *, how: str) -> None:
    """After the user has set a new password, by changing it or through a reset link."""
    PasswordChangeRequired.objects.filter(user_id=user.pk).delete()
    request.session.pop(MUST_CHANGE_PASSWORD, None)
    record_audit(user, "PASSWORD_CHANGED", detail={"how": how})


class PasswordChangeRequiredMiddleware:
    """After the session-timeout middleware. Only the change-password page and signing out
    are open to a user who must change their password."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(MUST_CHANGE_PASSWORD):
            change = reverse("password_change")
            if request.path_info not in (change, reverse("logout")):
                return redirect(change)
        return self.get_response(request)
