"""Moments for tests that say "so many days ago" and then check UK days."""

from datetime import datetime, time, timedelta

from django.utils import timezone


def days_ago(days: int) -> datetime:
    """An hour before now, `days` days back, but never before the start of that UK day: just
    after midnight an hour earlier would be the day before, and a test that records a contact
    "3 days ago" and expects its UK date to be today − 3 would fail for an hour each night."""
    moment = timezone.now() - timedelta(days=days, hours=1)
    day = timezone.localdate() - timedelta(days=days)
    start_of_day = timezone.make_aware(datetime.combine(day, time()))
    return max(moment, start_of_day)
