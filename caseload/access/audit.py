"""The one way to write an audit entry, and where each entry says it came from.

Every entry records the user, the time, the action, the CRN, the outcome and where from:
`detail["via"]` is "page" or "api" for a web request (with its `method` and `path`, never the
query string, which can hold a name searched for) and "cli" otherwise (with the `command`
when run through `caseload`); the client's address goes in `ip_address`. The web origin is set
by `AuditOriginMiddleware` for the whole request, so no caller passes it and none can forget.
"""

import ipaddress
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest, HttpResponse

from caseload.access.models import AuditEvent

API_PATH = "/api/"


class _Origin:
    def __init__(self, detail: dict[str, Any], ip_address: str | None = None) -> None:
        self.detail = detail
        self.ip_address = ip_address


_origin: ContextVar[_Origin | None] = ContextVar("audit_origin", default=None)
_COMMAND_LINE = _Origin({"via": "cli"})


@contextmanager
def audit_origin(via: str, *, ip_address: str | None = None, **where: Any) -> Iterator[None]:
    """Every entry written inside says it came `via` "page", "api" or "cli", with `where`."""
    token = _origin.set(_Origin({"via": via, **where}, ip_address))
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
    """Called inside the action's transaction. The origin's keys win over `detail`'s, so a
    caller cannot say an entry came from elsewhere."""
    actor = user if user is not None and getattr(user, "is_authenticated", False) else None
    origin = _origin.get() or _COMMAND_LINE
    return AuditEvent.objects.create(
        user=actor,
        action=action,
        crn=crn,
        outcome=outcome,
        detail={**(detail or {}), **origin.detail},
        ip_address=origin.ip_address,
    )


class AuditOriginMiddleware:
    """Marks every audit entry written while handling a request as from a page or the API."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        via = "api" if request.path_info.startswith(API_PATH) else "page"
        where = {"method": request.method, "path": request.path}
        with audit_origin(via, ip_address=client_address(request), **where):
            return self.get_response(request)


def client_address(request: HttpRequest) -> str | None:
    """`REMOTE_ADDR`, the peer the server saw; None when it is no address (a Unix socket).

    Behind a reverse proxy this is the proxy; which forwarded header to trust is the
    deployment's to configure, and is not guessed here."""
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
