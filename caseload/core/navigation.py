"""Primary navigation items, decided by the user's role."""

from typing import Any

from django.urls import reverse

from caseload.organisation.constants import Role


def nav_items(request: Any) -> list[dict[str, object]]:
    staff = getattr(request.user, "staff", None) if request.user.is_authenticated else None
    if staff is None:
        return []
    items: list[tuple[str, str]] = []
    if staff.role == Role.PRACTITIONER:
        items.append(("My cases", reverse("my_cases")))
    if staff.role in (Role.PRACTITIONER, Role.MANAGER, Role.HEAD_OF_PDU, Role.ANALYST, Role.ADMIN):
        items.append(
            (
                "Team cases" if staff.role in (Role.PRACTITIONER, Role.MANAGER) else "Cases",
                reverse("team_cases"),
            )
        )
    path = request.path
    return [{"label": label, "href": href, "current": path == href} for label, href in items]
