from django.conf import settings
from django.http import HttpRequest

from caseload.core.navigation import nav_items


def service(request: HttpRequest) -> dict[str, object]:
    return {"service_name": settings.SERVICE_NAME, "nav_items": nav_items(request)}
