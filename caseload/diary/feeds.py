"""Private calendar feeds of a practitioner's diary, at an unguessable address.

The token in the address is shown once, when the feed is made, and stored only as a SHA-256
hash, as the API tokens are (`caseload.access.tokens`). Revoking the feed stops it at once.
Every read of a feed is audited under its owner's name.
"""

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.diary.models import DiaryFeed

FEED_PREFIX = "cal_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_feed(user: AbstractBaseUser) -> str:
    token = FEED_PREFIX + secrets.token_urlsafe(32)
    feed = DiaryFeed.objects.create(user=user, prefix=token[:10], token_hash=_hash(token))
    record_audit(user, "CREATE_DIARY_FEED", detail={"feed_id": feed.pk, "prefix": feed.prefix})
    return token


@transaction.atomic
def revoke_feed(user: AbstractBaseUser, feed_id: int) -> bool:
    """Revoke one of the user's own feeds; False if there is no such feed still working."""
    revoked = DiaryFeed.objects.filter(pk=feed_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    record_audit(user, "REVOKE_DIARY_FEED", detail={"feed_id": feed_id, "revoked": revoked})
    return bool(revoked)


def feed_for_token(token: str) -> DiaryFeed | None:
    if not token.startswith(FEED_PREFIX):
        return None
    return (
        DiaryFeed.objects.select_related("user")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
