"""Times, dates and durations in the GOV.UK style, for pages, letters and calendar files."""

from datetime import date, datetime


def time_in_words(moment: datetime) -> str:
    """ "2:30pm", "10am", "midday", "midnight" (the moment's own wall-clock time)."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day_with_weekday(day: date) -> str:
    """ "Tuesday 1 December 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def duration_in_words(minutes: int) -> str:
    """ "30 minutes", "1 hour", "1 hour 30 minutes", "2 hours"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours > 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest > 1 else ''}")
    return " ".join(parts)
