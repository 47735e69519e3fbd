"""Consistent enforcement decisions for the synthetic contact histories (pure).

The generator draws a decision for each failure on its own (`supervision._enforcement`); the
law (Sentencing Code Sch. 10, `caseload.enforcement.domain`) asks more of a community order, SSO or
PSS: a further failure within 12 months of a warning must be referred for breach. This pass
makes the drawn decisions follow it and plans each breach (the pack sent, and the court's
outcome once long enough ago), with its own random generator so that every other figure the
seed draws stays the same. Licences keep their decisions: warnings there are optional.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES
from caseload.core.dates import add_months
from caseload.core.working_days import add_working_days
from caseload.demo.choice import pick
from caseload.enforcement.domain import COMMUNITY_ENFORCED, WARNING_ACTIONS

#: How the demo's breaches end in court, roughly as often as each.
OUTCOMES_IN_COURT = {"ABCF": 4, "ABPP": 3, "ABNA": 2, "ABCC": 1, "ABWD": 1, "ABNP": 1}


@dataclass(frozen=True)
class PlannedBreach:
    happened_at: datetime  # the failure that started it
    started_on: date
    pack_sent_on: date | None
    outcome: str
    outcome_on: date | None


def is_failure(contact: dict[str, object]) -> bool:
    """A national-standards contact whose outcome is a failure to comply."""
    ctype = CONTACT_TYPES.get(str(contact["contact_type"]))
    outcome = OUTCOMES.get(str(contact["outcome"]))
    return bool(ctype and ctype.national_standard and outcome and outcome.enforceable)


def consistent_enforcement(
    rng: random.Random, contacts: list[dict[str, object]], sentence_type: str, today: date
) -> list[PlannedBreach]:
    """Change the decisions in `contacts` (in place) to follow the law, and plan the breaches."""
    if sentence_type not in COMMUNITY_ENFORCED:
        return []
    breaches: list[PlannedBreach] = []
    last_warning: date | None = None
    counted_from: date | None = None  # the day after the last breach ended
    for contact in sorted((c for c in contacts if is_failure(c)), key=lambda c: c["happened_at"]):  # type: ignore[arg-type,return-value]
        at = contact["happened_at"]
        assert isinstance(at, datetime)
        day = at.date()
        latest = breaches[-1] if breaches else None
        if latest is not None and (latest.outcome_on is None or latest.outcome_on >= day):
            contact["enforcement_action"] = "NFA"  # reported in the breach proceedings
            continue
        if latest is not None and latest.outcome_on is not None and counted_from is None:
            counted_from = latest.outcome_on + timedelta(days=1)
        if counted_from is not None and last_warning is not None and last_warning < counted_from:
            last_warning = None  # the court's outcome closes what came before it
        if last_warning is not None and add_months(day, -12) < last_warning:
            contact["enforcement_action"] = "IBR"
            counted_from = None
            sent = add_working_days(day, rng.randint(2, 9))
            ends = day + timedelta(days=rng.randint(35, 70))
            breaches.append(
                PlannedBreach(
                    at,
                    day,
                    sent if sent <= today else None,
                    pick(rng, OUTCOMES_IN_COURT) if ends <= today else "",
                    ends if ends <= today else None,
                )
            )
        elif contact["enforcement_action"] in WARNING_ACTIONS:
            last_warning = day
    return breaches
