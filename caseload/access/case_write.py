"""The one wrapper every write to a case goes through.

    @case_action("RECORD_CONTACT")
    def record_contact(case: CaseWrite, *, contact_type: str, ...) -> Contact:
        ...                                   # validate with the pure rules, then write

    record_contact(crn, acting_user=user, contact_type="COAP", ...)

In order, for every action: the access check (a refusal is audited outside the transaction,
so the entry survives the 404), one durable transaction, a lock on the person's row (so two
writes to one case serialise on PostgreSQL as they do on SQLite), the action's body, its audit
entry under the action's name, the history user on every history row it writes (web, API and
command line alike), and the refresh of every derived value. A problem raised by the body
(`ActionInvalid`) rolls all of it back: nothing is half-saved.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.db import transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import get_case_for_user
from caseload.derived.refresh import refresh
from caseload.people.models import Person

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class CaseWrite:
    """What an action's body works with: the locked case, who is acting, and what to record."""

    person: Person
    acting_user: Any
    now: datetime
    #: Added to the audit entry (ids and codes, never free text).
    audit: dict[str, Any] = field(default_factory=dict)
    #: Why the derived values changed, as shown in the tier history ("contact recorded").
    cause: str = ""
    #: Practitioners whose load changes although they no longer hold the case.
    staff_to_refresh: set[int] = field(default_factory=set)

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)


@dataclass(frozen=True)
class _ActingRequest:
    """Stands in for the request django-simple-history reads its history user from."""

    user: Any


@contextmanager
def history_user(user: Any) -> Iterator[None]:
    """Every history row written inside carries `user`, with or without a web request."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = _ActingRequest(user)
    try:
        yield
    finally:
        if previous is None:
            del context.request
        else:
            context.request = previous


def case_action(
    name: str, *, cause: str = "", needs: Capability | None = None
) -> Callable[[Callable[Concatenate[CaseWrite, P], R]], Callable[..., R]]:
    """Make `body(case, **fields)` the action `action(crn, *, acting_user, **fields)`.

    `name` is the audit entry's action; `cause` the default reason shown in the tier history.
    By default the user must be allowed to change the case; an action that is a case-level task
    for another role (managing limited access) names the capability it `needs` instead, and the
    user must be able to see the case and hold that capability.
    """

    def wrap(body: Callable[Concatenate[CaseWrite, P], R]) -> Callable[..., R]:
        @functools.wraps(body)
        def action(crn: str, *args: P.args, acting_user: Any, **kwargs: P.kwargs) -> R:
            found = get_case_for_user(acting_user, crn, write=needs is None, needs=needs)
            with transaction.atomic(durable=True), history_user(acting_user):
                person = Person.objects.select_for_update().get(pk=found.pk)
                case = CaseWrite(person, acting_user, timezone.now(), cause=cause)
                result = body(case, *args, **kwargs)
                record_audit(acting_user, name, crn=person.crn, detail=case.audit)
                refresh([person.pk], cause=case.cause or name, staff_ids=case.staff_to_refresh)
            return result

        return action

    return wrap
