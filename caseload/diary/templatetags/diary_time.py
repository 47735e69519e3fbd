"""UK times and dates in GOV.UK style: `{{ moment|uk_time }}` "2:30pm", "10am", "midday";
`{{ moment|uk_day }}` "Tuesday 1 December 2026"; `{{ moment|uk_date }}` "1 December 2026"."""

from datetime import date, datetime

from django import template
from django.utils import timezone

from caseload.core.versions import day_in_words, time_in_words
from caseload.diary.wording import day_with_weekday

register = template.Library()


@register.filter
def uk_time(moment: datetime | None) -> str:
    return time_in_words(timezone.localtime(moment)) if moment else ""


@register.filter
def uk_day(value: datetime | date | None) -> str:
    if value is None:
        return ""
    day = timezone.localtime(value).date() if isinstance(value, datetime) else value
    return day_with_weekday(day)


@register.filter
def uk_date(value: datetime | date | None) -> str:
    if value is None:
        return ""
    day = timezone.localtime(value).date() if isinstance(value, datetime) else value
    return day_in_words(day)
