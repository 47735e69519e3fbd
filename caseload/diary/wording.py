"""Times, dates and durations in the GOV.UK style, for pages, letters and calendar files."""

from datetime import date

from caseload.core.versions import day_in_words


def day_with_weekday(day: date) -> str:
    """ "Tuesday 1 December 2026"."""
    return f"{day:%A} {day_in_words(day)}"


def duration_in_words(minutes: int) -> str:
    """ "30 minutes", "1 hour", "1 hour 30 minutes", "2 hours"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours > 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest > 1 else ''}")
    return " ".join(parts)
