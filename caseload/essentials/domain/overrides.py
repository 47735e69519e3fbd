"""The rules for snoozing an essential or marking it not applicable (pure: no Django).

Both need a reason and an end: a snooze is for a short wait (at most 28 days: the person is in
hospital this week), "not applicable" for a rule that does not fit the case for a while (at
most 6 months). Both expire on their own by date, so nothing is hidden for good; a manager sees
every override in force in the team.
"""

from __future__ import annotations

from datetime import date, timedelta

from caseload.core.dates import add_months
from caseload.core.errors import FieldProblem
from caseload.core.versions import day_in_words

SNOOZE = "SNOOZE"
NOT_APPLICABLE = "NOT_APPLICABLE"
OVERRIDES = {SNOOZE: "snooze", NOT_APPLICABLE: "not applicable"}
SNOOZE_DAYS = 28
NOT_APPLICABLE_MONTHS = 6
MAX_REASON = 2_000


def latest_until(override: str, today: date) -> date:
    if override == SNOOZE:
        return today + timedelta(days=SNOOZE_DAYS)
    return add_months(today, NOT_APPLICABLE_MONTHS)


def validate_override(
    override: str, *, reason: str, until: date | None, today: date
) -> list[FieldProblem]:
    """Every problem with a new override, in form order: the reason, then the end date."""
    problems = []
    if not reason.strip():
        what = "snoozing" if override == SNOOZE else "marking it not applicable"
        problems.append(FieldProblem("reason", "required", f"Enter the reason for {what}"))
    elif len(reason) > MAX_REASON:
        problems.append(
            FieldProblem("reason", "max_length", "The reason must be 2,000 characters or fewer")
        )
    if until is None:
        problems.append(FieldProblem("until", "required", "Enter the date it ends"))
    elif until < today:
        problems.append(FieldProblem("until", "not_in_past", "The end date must be today or later"))
    elif until > latest_until(override, today):
        limit = f"{SNOOZE_DAYS} days" if override == SNOOZE else f"{NOT_APPLICABLE_MONTHS} months"
        problems.append(
            FieldProblem(
                "until",
                "too_late",
                f"The end date must be within {limit}, on or before "
                f"{day_in_words(latest_until(override, today))}",
            )
        )
    return problems
