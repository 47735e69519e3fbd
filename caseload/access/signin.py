"""Signing in and out: each attempt audited, and the page shown to a locked-out user.

django-axes counts failed sign-ins (settings: `AXES_*`) and sends `user_locked_out` for every
attempt it refuses; Django sends `user_logged_in`, `user_login_failed` and `user_logged_out`.
The receivers here, connected in `AccessConfig.ready`, turn each into an audit entry:

    SIGN_IN              a successful sign-in
    SIGN_IN_FAILED       a refused one, naming the username tried (never the password)
    SIGN_IN_LOCKED_OUT   a refusal because that username is locked out from that address
    SIGN_OUT             signing out, or a session ended for being idle or too old

A failed attempt while locked out is both SIGN_IN_FAILED and SIGN_IN_LOCKED_OUT.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caseload.access.audit import client_address, record_audit
from caseload.access.forms import SignInForm
from caseload.access.passwords import note_password_change_required
from caseload.access.sessions import start_session_clock


def _where(request: HttpRequest | None) -> dict[str, Any]:
    if request is None:
        return {}
    return {"address": client_address(request)}


def signed_in(sender: Any, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any) -> None:
    start_session_clock(request)
    note_password_change_required(request, user)
    record_audit(user, "SIGN_IN", detail=_where(request))


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """`credentials` has been cleansed by Django (the password is asterisks); only the
    username is kept."""
    username = str(credentials.get("username", ""))
    record_audit(
        None,
        "SIGN_IN_FAILED",
        outcome="REFUSED",
        detail={"username": username, **_where(request)},
    )


def locked_out(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    record_audit(
        None,
        "SIGN_IN_LOCKED_OUT",
        outcome="REFUSED",
        detail={"username": username or "", "address": ip_address},
    )


def signed_out(
    sender: Any, request: HttpRequest, user: AbstractBaseUser | None, **kwargs: Any
) -> None:
    if user is None:
        return  # the session had no user: nothing ended
    reason = getattr(request, "sign_out_reason", "signed out")
    record_audit(user, "SIGN_OUT", detail={"reason": reason, **_where(request)})


def connect() -> None:
    from axes.signals import user_locked_out

    user_logged_in.connect(signed_in, dispatch_uid="caseload.access.signin.signed_in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="caseload.access.signin.failed")
    user_logged_out.connect(signed_out, dispatch_uid="caseload.access.signin.signed_out")
    user_locked_out.connect(locked_out, dispatch_uid="caseload.access.signin.locked_out")


def locked_out_page(
    request: HttpRequest, response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """The sign-in page again (429), saying why it refused and how long to wait
    (`AXES_LOCKOUT_CALLABLE`)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = SignInForm(request, initial={"username": username})
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"form": form, "locked_out_minutes": minutes, "has_errors": True}
    return render(request, "registration/login.html", context, status=429)
