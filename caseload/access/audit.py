"""The one way to write an audit entry. Called inside the action's transaction."""

from typing import Any

from caseload.access.models import AuditEvent


def record_audit(
    user: Any,
    action: str,
    *,
    crn: str = "",
    outcome: str = "SUCCESS",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    actor = user if user is not None and getattr(user, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        user=actor, action=action, crn=crn, outcome=outcome, detail=detail or {}
    )
