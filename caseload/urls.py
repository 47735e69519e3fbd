"""Every installed caseload part that has a `urls` module is included here, at the root.

A new part adds its pages by adding its own `urls.py`; nothing here names a part.
"""

from importlib.util import find_spec

from django.apps import apps
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import RedirectView

from caseload.access.rules import public, signed_in
from caseload.core.api import api
from caseload.core.health import health


def part_urls() -> list[URLResolver]:
    return [
        path("", include(f"{app.name}.urls"))
        for app in apps.get_app_configs()
        if app.name.startswith("caseload.") and find_spec(f"{app.name}.urls") is not None
    ]


# An administrator changes their own password on the same audited page as everyone else.
own_password_in_admin = signed_in(RedirectView.as_view(pattern_name="password_change"))

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", public(health), name="health"),
    path("admin/password_change/", own_password_in_admin),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    *part_urls(),
]
