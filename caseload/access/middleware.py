"""No response that might carry case data is kept by a browser or a proxy."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    """`Cache-Control: no-store` (with `no-cache, must-revalidate, private, max-age=0`) on every
    page and API response. It sits below whitenoise, which answers for static files (those are
    cached as usual), and above everything else, so error pages, redirects and the sign-in page
    are covered too: simpler and safer than deciding which responses hold case data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response
