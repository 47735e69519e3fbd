"""The project's URLs plus three views that fail, for the error-page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import path

from caseload.access.rules import public
from caseload.urls import urlpatterns as project_urls


@public
def bad_request(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("a request that makes no sense")


@public
def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


@public
def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("something went wrong")


urlpatterns = [
    path("test-errors/400/", bad_request),
    path("test-errors/403/", forbidden),
    path("test-errors/500/", broken),
    *project_urls,
]
