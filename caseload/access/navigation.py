"""Primary navigation, gathered from the parts: each shows an item only to users who may use it.

A part lists its items in a `navigation` tuple on its AppConfig (`caseload/<part>/apps.py`),
each naming the capability it needs; nothing here knows which parts exist.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse

from caseload.access.capabilities import Capability, has_capability


@dataclass(frozen=True)
class NavigationItem:
    """`label` may be a function of the user, for a page whose name depends on what they see."""

    label: str | Callable[[Any], str]
    url_name: str
    capability: Capability
    order: int


def navigation_items() -> list[NavigationItem]:
    found = [item for app in apps.get_app_configs() for item in getattr(app, "navigation", ())]
    return sorted(found, key=lambda item: item.order)


def primary_navigation(request: HttpRequest) -> dict[str, object]:
    """Context processor: `nav_items` for the header, marking the page being shown."""
    user = request.user
    items = []
    for item in navigation_items():
        if not has_capability(user, item.capability):
            continue
        href = reverse(item.url_name)
        label = item.label if isinstance(item.label, str) else item.label(user)
        items.append({"label": label, "href": href, "current": request.path == href})
    return {"nav_items": items}
