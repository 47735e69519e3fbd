"""The minutes actually spent, for a share of the seed's recent contacts (no Django).

From its own generator (`random.Random(f"actual-{seed}")`), so every other figure of a seed is
drawn as before. About 40% of the contacts of the last 12 weeks record minutes: the default
agreement's minutes for the type (recording, and travel for a home visit, included) times a
factor spread about 1.2 (lognormal, sigma 0.3): the National Audit Office (October 2025) found
task times underestimated, so recorded times run longer than agreed more often than not.
Appointments are recorded to the nearest 5 minutes, as people write them.
"""

import math
import random
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from caseload.contacts.domain import CONTACT_TYPES, MOST_ACTUAL_MINUTES
from caseload.workload.domain.agreement import Agreement, Task, TaskKind, agreed_minutes
from caseload.workload.domain.default_agreement import DEFAULT_RESPONSIVE_SHARE, DEFAULT_TIMINGS

SHARE = 0.4
WEEKS = 12
MEDIAN_FACTOR = 1.2
SIGMA = 0.3

_AGREEMENT = Agreement(
    effective_from=date(1900, 1, 1),
    timings={t.task: t for t in DEFAULT_TIMINGS},
    responsive_share_percent=DEFAULT_RESPONSIVE_SHARE,
)


def actual_minutes(rng: random.Random, contact_type: str) -> int | None:
    """A plausible figure for one contact of the type; None for one nobody times (unpaid work
    sessions are supervised by unpaid work staff)."""
    try:
        agreed = agreed_minutes(_AGREEMENT, Task(TaskKind.CONTACT, contact_type))
    except LookupError:
        return None
    if CONTACT_TYPES[contact_type].unpaid_work:
        return None
    spent = agreed * rng.lognormvariate(math.log(MEDIAN_FACTOR), SIGMA)
    if CONTACT_TYPES[contact_type].appointment:
        spent = 5 * round(spent / 5)
    return max(1, min(MOST_ACTUAL_MINUTES, round(spent)))


def add_actual_minutes(rng: random.Random, contacts: Iterable[dict[str, Any]], today: date) -> None:
    """Sets `actual_minutes` on a share of the contacts of the last 12 weeks (in place)."""
    since = today - timedelta(weeks=WEEKS)
    for contact in contacts:
        at: datetime = contact["happened_at"]
        if at.date() < since:
            continue
        if rng.random() < SHARE:
            found = actual_minutes(rng, contact["contact_type"])
            if found is not None:
                contact["actual_minutes"] = found
