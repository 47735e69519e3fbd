"""How an API caller proves who they are: a bearer token, or the signed-in browser session.

Listed by dotted path in `settings.API_AUTH`, so the API mount in core needs no access import.
"""

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from caseload.access.tokens import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The signed-in browser session; CSRF is checked on unsafe methods."""

    param_name = "sessionid"

    def _get_key(self, request: HttpRequest) -> str | None:
        """CSRF protects a session, so it is checked only when one signed the caller in: a
        request with no credentials (or a wrong token) gets 401, not "CSRF check Failed"."""
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> object | None:
        if request.user.is_authenticated:
            return request.user
        return None
