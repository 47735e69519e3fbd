"""The API's error bodies, declared once so that every operation documents the same shapes.

An operation lists the errors it can give with `error_responses(...)` beside its own success
response, e.g. `response={200: CaseList, **error_responses(401, 403, 422)}`:

    400  the body is not JSON (ninja's "Cannot parse request body"), or is too large
    401  no credentials, or a token that is unknown, revoked or expired
    403  the caller lacks the capability the operation needs, or a session's CSRF check failed
    404  the case does not exist or the caller may not see it (the two are not told apart)
    409  a versioned edit was based on a version that is no longer the current one: both
         versions (`caseload.core.schemas.Conflict`)
    422  invalid input: ninja's own validation and `ActionInvalid.as_json()` share one shape,
         `{"detail": [{"loc": [...], "type": rule, "msg": message}]}`
"""

from typing import Any

from ninja import Field, Schema
from pydantic import ConfigDict

from caseload.core.schemas import Conflict


class ErrorMessage(Schema):
    """One sentence saying what went wrong (400, 401, 403, 404)."""

    detail: str


class Problem(Schema):
    """One failed rule: where (`loc`, e.g. `["body", "happened_at"]`), which rule, in words."""

    model_config = ConfigDict(extra="allow")

    loc: list[str | int] = Field(..., description="Where: the part of the request, then field")
    type: str = Field(..., description="The rule that failed, e.g. missing or not_in_future")
    msg: str = Field(..., description="What is wrong, in words")
    ctx: dict[str, Any] | None = Field(None, description="The rule's parameters, if any")


class ValidationFailed(Schema):
    """Every problem found in the request (422); nothing was written."""

    detail: list[Problem]


ERROR_SCHEMAS: dict[int, type[Schema]] = {
    400: ErrorMessage,
    401: ErrorMessage,
    403: ErrorMessage,
    404: ErrorMessage,
    409: Conflict,
    422: ValidationFailed,
}


def error_responses(*statuses: int) -> dict[int, type[Schema]]:
    """The shared error schemas for `statuses`, to merge into an operation's `response`."""
    return {status: ERROR_SCHEMAS[status] for status in statuses}
