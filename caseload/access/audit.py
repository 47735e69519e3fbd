"""The one way to write an audit entry, and where each entry says it came from.

Every entry records the user, the time, the action, the CRN, the outcome, what the caller adds
in `detail`, and where from, in columns of their own that no caller sets: `via` is "page" or
"api" for a web request, with `where` its method and path (never the query string, which can
hold a name searched for) and `ip_address` the client's address (`client_address`); and "cli"
otherwise, with `where` the command when run through `caseload`. The web origin is set by
`AuditOriginMiddleware` for the whole request, so no caller passes it and none can forget.
"""

import ipaddress
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from caseload.access.models import AuditEvent

API_PATH = "/api/"
WHERE_LENGTH = AuditEvent._meta.get_field("where").max_length or 0


@dataclass(frozen=True)
class _Origin:
    via: str
    where: str = ""
    ip_address: str | None = None


_origin: ContextVar[_Origin | None] = ContextVar("audit_origin", default=None)
_COMMAND_LINE = _Origin("cli")


@contextmanager
def audit_origin(via: str, *, where: str = "", ip_address: str | None = None) -> Iterator[None]:
    """Every entry written inside says it came `via` "page", "api" or "cli", from `where`."""
    token = _origin.set(_Origin(via, where[:WHERE_LENGTH], ip_address))
    try:
        yield
    finally:
        _origin.reset(token)


def record_audit(
    user: Any,
    action: str,
    *,
    crn: str = "",
    outcome: str = "SUCCESS",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Called inside the action's transaction."""
    actor = user if user is not None and getattr(user, "is_authenticated", False) else None
    origin = _origin.get() or _COMMAND_LINE
    return AuditEvent.objects.create(
        user=actor,
        action=action,
        crn=crn,
        outcome=outcome,
        detail=detail or {},
        via=origin.via,
        where=origin.where,
        ip_address=origin.ip_address,
    )


class AuditOriginMiddleware:
    """Marks every audit entry written while handling a request as from a page or the API."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        via = "api" if request.path_info.startswith(API_PATH) else "page"
        where = f"{request.method} {request.path}"
        with audit_origin(via, where=where, ip_address=client_address(request)):
            return self.get_response(request)


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from: the socket's peer, or with `settings.PROXY_COUNT`
    proxies in front, the address the outermost of them saw (X-Forwarded-For read from the
    right, so a client cannot choose its own address by sending the header itself). None when
    that is no IP address (a Unix socket)."""
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if settings.PROXY_COUNT and len(forwarded) >= settings.PROXY_COUNT:
        address = forwarded[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
