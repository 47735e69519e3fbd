"""The JSON API: one NinjaAPI, authenticated as `settings.API_AUTH` lists (session or token).

Every installed part with an `api.py` contributes its `router`, mounted at that module's
`PREFIX`; nothing here names a part. Errors always come back as JSON, in the shapes of
`caseload.core.api_errors` that every operation declares: 422 for invalid input (naming each
field and rule), 404 for a case the user may not see (so its existence is not revealed), 403 for
a missing capability, 401 without credentials, 400 for a body that is not JSON or is too large,
409 for an edit made from a version of a record that is no longer the latest (both versions in
the body: `caseload.core.schemas.Conflict`) or for a change that would also end another record
until the caller confirms it (`caseload.core.schemas.NeedsConfirmation`).
"""

from importlib import import_module
from importlib.util import find_spec

from csp.decorators import csp_update
from django.apps import apps
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from ninja import NinjaAPI

from caseload.core.errors import AccessDenied, ActionInvalid, ConfirmationNeeded, StaleEdit

api = NinjaAPI(
    title="caseload API",
    version="1",
    description="Record-once probation case system. Every case read is access-checked and audited.",
    auth=[import_string(path)() for path in settings.API_AUTH],
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Swagger UI draws some of its icons from data: URIs; only its page allows them.
    docs_decorator=csp_update({"img-src": ["data:"]}),
    urls_namespace="api",
)


@api.exception_handler(ActionInvalid)
def action_invalid(request: HttpRequest, exc: ActionInvalid) -> HttpResponse:
    return api.create_response(request, exc.as_json(), status=422)


@api.exception_handler(StaleEdit)
def stale_edit(request: HttpRequest, exc: StaleEdit) -> HttpResponse:
    return api.create_response(request, exc.as_json(), status=409)


@api.exception_handler(ConfirmationNeeded)
def confirmation_needed(request: HttpRequest, exc: ConfirmationNeeded) -> HttpResponse:
    return api.create_response(request, exc.as_json(), status=409)


@api.exception_handler(AccessDenied)
def access_denied(request: HttpRequest, exc: AccessDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(RequestDataTooBig)
def body_too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    """Beyond DATA_UPLOAD_MAX_MEMORY_SIZE: JSON like every other API error, not Django's page."""
    return api.create_response(request, {"detail": "The request body is too large"}, status=400)


def _mount_part_routers() -> None:
    """In INSTALLED_APPS order, which is also the order of the OpenAPI document's paths."""
    for app in apps.get_app_configs():
        module_name = f"{app.name}.api"
        if not app.name.startswith("caseload.") or module_name == __name__:
            continue
        if find_spec(module_name) is not None:
            part = import_module(module_name)
            api.add_router(part.PREFIX, part.router)


_mount_part_routers()
