"""Sessions end when idle for `settings.SESSION_IDLE_MINUTES`, and `settings.SESSION_MAX_HOURS`
after sign-in whatever happens; the user is sent to sign in again with a message saying why.

The session holds when its user signed in and when it was last seen. "Last seen" is written only
when the stored time is more than `LAST_SEEN_PRECISION` old, so a user clicking through pages
causes at most one session write a minute rather than one per request; the price is that an idle
session may end up to that minute early. `SESSION_COOKIE_AGE` (the maximum lifetime) still bounds
the session row itself, and the cookie ends when the browser closes.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse

SIGNED_IN_AT = "caseload_signed_in_at"
LAST_SEEN = "caseload_last_seen"
LAST_SEEN_PRECISION = 60  # seconds

IDLE = "idle"
TOO_OLD = "maximum session length"


def start_session_clock(request: HttpRequest) -> None:
    """At sign-in (`caseload.access.signin`)."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


def why_it_ended(signed_in_at: float, last_seen: float, now: float) -> str | None:
    if now - signed_in_at > settings.SESSION_MAX_HOURS * 60 * 60:
        return TOO_OLD
    if now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
        return IDLE
    return None


def _message(reason: str) -> str:
    if reason == IDLE:
        return (
            "You have been signed out because you had not used caseload for "
            f"{settings.SESSION_IDLE_MINUTES} minutes. Sign in again to carry on."
        )
    return (
        "You have been signed out because you signed in more than "
        f"{settings.SESSION_MAX_HOURS} hours ago. Sign in again to carry on."
    )


class SessionTimeoutMiddleware:
    """After the authentication and messages middleware. A session that has ended is signed
    out before the view runs, so a page asks for sign-in again and the API answers 401."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = time.time()
            if SIGNED_IN_AT not in session or LAST_SEEN not in session:
                start_session_clock(request)  # a session from before the clock existed
            reason = why_it_ended(session[SIGNED_IN_AT], session[LAST_SEEN], now)
            if reason is not None:
                request.sign_out_reason = reason  # type: ignore[attr-defined]
                logout(request)
                messages.info(request, _message(reason))
            elif now - session[LAST_SEEN] >= LAST_SEEN_PRECISION:
                session[LAST_SEEN] = now
        return self.get_response(request)
