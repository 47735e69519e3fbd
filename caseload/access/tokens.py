"""API bearer tokens: created once and shown once, stored only as a SHA-256 hash, and refused
once revoked or expired (`settings.API_TOKEN_DAYS` after creation unless told otherwise).

A request made with a token reads it and writes nothing: `last_used_at` is brought up to date
only when it is more than `LAST_USED_PRECISION` old, so it tells an investigator when a token
was last used to within an hour without an UPDATE on every API call.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.models import ApiToken

TOKEN_PREFIX = "cl_"
LAST_USED_PRECISION = timedelta(hours=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(
    user: AbstractBaseUser,
    *,
    name: str = "",
    days: int | None = None,
    acting_user: AbstractBaseUser | None = None,
) -> str:
    """A new token for `user`, working for `days` (default `settings.API_TOKEN_DAYS`)."""
    days = settings.API_TOKEN_DAYS if days is None else days
    if days < 1:
        raise ValueError("a token must work for at least one day")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=days)
    ApiToken.objects.create(
        user=user, name=name, prefix=token[:8], token_hash=_hash(token), expires_at=expires_at
    )
    record_audit(
        acting_user or user,
        "CREATE_API_TOKEN",
        detail={"for": user.get_username(), "expires_at": expires_at.isoformat()},
    )
    return token


@transaction.atomic
def revoke_token(prefix: str, *, acting_user: AbstractBaseUser | None = None) -> int:
    revoked = 0
    for token in ApiToken.objects.select_for_update().filter(
        prefix=prefix, revoked_at__isnull=True
    ):
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        revoked += 1
    record_audit(acting_user, "REVOKE_API_TOKEN", detail={"prefix": prefix, "revoked": revoked})
    return revoked


def user_for_token(token: str) -> AbstractBaseUser | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    found = (
        ApiToken.objects.select_related("user")
        .filter(
            token_hash=_hash(token),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if found is None:
        return None
    if found.last_used_at is None or now - found.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found.user
