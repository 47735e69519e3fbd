"""API bearer tokens: created once and shown once, stored only as a SHA-256 hash."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.models import ApiToken

TOKEN_PREFIX = "cl_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(
    user: AbstractBaseUser, *, name: str = "", acting_user: AbstractBaseUser | None = None
) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=token[:8], token_hash=_hash(token))
    record_audit(acting_user or user, "CREATE_API_TOKEN", detail={"for": user.get_username()})
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
    found = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user
