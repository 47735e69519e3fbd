"""The JSON API: one NinjaAPI, authenticated by the browser session or a bearer token.

Each part of the domain contributes a Router from its own `api.py`; they are mounted here.
Errors always come back as JSON: 422 for invalid input (naming each field and rule), 404 for a
case the user may not see (so its existence is not revealed), 401 without credentials.
"""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import APIKeyCookie, HttpBearer

from caseload.access.tokens import user_for_token
from caseload.core.errors import ActionInvalid


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

    def authenticate(self, request: HttpRequest, key: str | None) -> object | None:
        if request.user.is_authenticated:
            return request.user
        return None


api = NinjaAPI(
    title="caseload API",
    version="1",
    description="Record-once probation case system. Every case read is access-checked and audited.",
    auth=[BearerToken(), SessionAuth()],
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api",
)


@api.exception_handler(ActionInvalid)
def action_invalid(request: HttpRequest, exc: ActionInvalid) -> HttpResponse:
    return api.create_response(request, exc.as_json(), status=422)


def _mount_routers() -> None:
    from caseload.contacts.api import router as contacts_router
    from caseload.people.api import router as cases_router
    from caseload.risk.api import router as predictors_router
    from caseload.tiering.api import router as tier_router

    api.add_router("/cases", cases_router)
    api.add_router("/cases", contacts_router)
    api.add_router("/predictors", predictors_router)
    api.add_router("/tier", tier_router)


_mount_routers()
