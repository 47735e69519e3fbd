"""Essentials in a practitioner's words: when each is due, and how many there are.

Pure (no Django): the pages and the Today section call these with the day they show.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from caseload.essentials.domain.essential import State

DUE, OVERDUE, DONE, NOT_REQUIRED, SNOOZED = (
    State.DUE,
    State.OVERDUE,
    State.DONE,
    State.NOT_REQUIRED,
    State.SNOOZED,
)

#: GOV.UK tag colours: overdue red, due yellow, snoozed grey, done green, not required grey.
STATE_TAGS = {
    OVERDUE: "govuk-tag--red",
    DUE: "govuk-tag--yellow",
    SNOOZED: "govuk-tag--grey",
    DONE: "govuk-tag--green",
    NOT_REQUIRED: "govuk-tag--grey",
}


def short_day(day: date, today: date) -> str:
    """ "4 December" this year, "4 January 2027" in another (GOV.UK dates, no leading zero)."""
    if day.year == today.year:
        return f"{day.day} {day:%B}"
    return f"{day.day} {day:%B %Y}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def when_due(state: str, due_on: date | None, today: date, done_on: date | None = None) -> str:
    """ "Overdue by 3 days", "Due today", "Due tomorrow", "Due 4 December", "Done 3 November"."""
    if state == DONE:
        return f"Done {short_day(done_on, today)}" if done_on else "Done"
    if state == NOT_REQUIRED:
        return "Not required"
    if due_on is None:
        return "No date set"
    if state == OVERDUE or (state != SNOOZED and due_on < today):
        return f"Overdue by {_days((today - due_on).days)}"
    if due_on == today:
        return "Due today"
    if due_on == today + timedelta(days=1):
        return "Due tomorrow"
    return f"Due {short_day(due_on, today)}"


def end_of_week(today: date) -> date:
    """The Sunday of `today`'s week: "due this week" means due by then."""
    return today + timedelta(days=6 - today.weekday())


def counts_in_words(states_and_dates: Iterable[tuple[str, date | None]], today: date) -> str:
    """ "4 overdue, 6 due this week, 12 due later" (only the parts that are not zero)."""
    overdue = this_week = later = 0
    sunday = end_of_week(today)
    for state, due_on in states_and_dates:
        if state == OVERDUE:
            overdue += 1
        elif state == DUE and due_on is not None and due_on <= sunday:
            this_week += 1
        elif state == DUE:
            later += 1
    parts = [
        f"{overdue:,} overdue" if overdue else "",
        f"{this_week:,} due this week" if this_week else "",
        f"{later:,} due later" if later else "",
    ]
    return ", ".join(p for p in parts if p) or "Nothing due"


def overdue_flag(count: int) -> str:
    """The identity bar's flag: "1 overdue essential", "3 overdue essentials"."""
    return f"{count} overdue essential{'' if count == 1 else 's'}"
