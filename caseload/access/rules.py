"""Every page and API operation declares who may use it, with one of these decorators.

    @case_page                      a page about one case: `get_case_for_user` decides (404)
    @case_page(write=True)          a page that changes a case
    @case_page(needs=Capability.X)  a task on one case for roles holding X: others get "no access"
                                    (403, before the case is looked up), and a case the user
                                    may not see is 404 as everywhere
    @surface(Capability.SEE_AGGREGATES)   any other page: users without it get "no access" (403)
    @signed_in                      any signed-in user (their own settings, the home page)
    @public                         no sign-in (the sign-in page, health checks)

API operations take the same declarations through `case_operation`, `case_write_operation`,
`operation_for(Capability)` and `public_operation`, placed under the router's decorator.

The declaration is read back by the access-matrix test (`caseload/access/tests/test_matrix.py`),
which walks the URL configuration and the API's operations: a route without a declaration fails
the suite, and each declared route is tried by every role in every limited-access state.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caseload.access.capabilities import Capability, has_capability
from caseload.core.errors import AccessDenied

F = TypeVar("F", bound=Callable[..., Any])


class Kind(StrEnum):
    PUBLIC = "public"
    SIGNED_IN = "signed in"
    CASE = "read one case"
    CASE_WRITE = "change one case"
    CASE_TASK = "a task on one case that needs a capability"
    CAPABILITY = "needs a capability"


@dataclass(frozen=True)
class AccessRule:
    kind: Kind
    capability: Capability | None = None

    def __str__(self) -> str:
        return f"{self.kind}: {self.capability}" if self.capability else str(self.kind)


def declared_rule(view: Any) -> AccessRule | None:
    """The rule a view or API operation declared, looking through `functools.wraps` layers."""
    while view is not None:
        rule = getattr(view, "access_rule", None)
        if rule is not None:
            return rule  # type: ignore[no-any-return]
        view = getattr(view, "__wrapped__", None)
    return None


def _declare(view: F, rule: AccessRule) -> F:
    view.access_rule = rule  # type: ignore[attr-defined]
    return view


def public(view: F) -> F:
    return _declare(view, AccessRule(Kind.PUBLIC))


def signed_in(view: F) -> F:
    return _declare(login_required(view), AccessRule(Kind.SIGNED_IN))  # type: ignore[arg-type]


def case_page(
    view: F | None = None, *, write: bool = False, needs: Capability | None = None
) -> Any:
    """The view reads (or changes, or does a task `needs` allows on) the case named by its `crn`,
    through `get_case_for_user`, which answers 404 to anyone else."""
    if needs is not None:
        rule = AccessRule(Kind.CASE_TASK, needs)
    else:
        rule = AccessRule(Kind.CASE_WRITE if write else Kind.CASE)

    def decorate(inner: F) -> F:
        if needs is not None:
            inner = _guarded(inner, needs)
        return _declare(login_required(inner), rule)  # type: ignore[arg-type]

    return decorate(view) if view is not None else decorate


def no_access(request: HttpRequest, capability: Capability) -> HttpResponse:
    """The GOV.UK "you do not have access" page (403), naming what the page needs."""
    return render(request, "access/no_access.html", {"capability": capability}, status=403)


def _guarded(view: F, capability: Capability) -> F:
    @functools.wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_capability(request.user, capability):
            return no_access(request, capability)
        return view(request, *args, **kwargs)  # type: ignore[no-any-return]

    return guarded  # type: ignore[return-value]


def surface(capability: Capability) -> Callable[[F], F]:
    def decorate(view: F) -> F:
        guarded = _guarded(view, capability)
        return _declare(login_required(guarded), AccessRule(Kind.CAPABILITY, capability))  # type: ignore[arg-type]

    return decorate


def require(user: Any, capability: Capability) -> None:
    """For API operations: raise `AccessDenied` (403 JSON) unless the user has the capability."""
    if not has_capability(user, capability):
        raise AccessDenied(str(capability))


def case_operation(view: F) -> F:
    return _declare(view, AccessRule(Kind.CASE))


def case_write_operation(view: F) -> F:
    return _declare(view, AccessRule(Kind.CASE_WRITE))


def operation_for(capability: Capability) -> Callable[[F], F]:
    """Answers 403 JSON to a caller without the capability (ninja reads the wrapped signature)."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            require(request.user, capability)
            return view(request, *args, **kwargs)

        return _declare(guarded, AccessRule(Kind.CAPABILITY, capability))  # type: ignore[arg-type]

    return decorate


def case_task_operation(capability: Capability) -> Callable[[F], F]:
    """A case-level task for a role with `capability` (recording management oversight, deciding
    on a recall): 403 JSON to a caller without it; the operation's action then answers 404 for a
    case the caller may not see."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            require(request.user, capability)
            return view(request, *args, **kwargs)

        return _declare(guarded, AccessRule(Kind.CASE_TASK, capability))  # type: ignore[arg-type]

    return decorate


def public_operation(view: F) -> F:
    return _declare(view, AccessRule(Kind.PUBLIC))


def signed_in_operation(view: F) -> F:
    """Any authenticated caller: the API's authentication has already refused everyone else."""
    return _declare(view, AccessRule(Kind.SIGNED_IN))
