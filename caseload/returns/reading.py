"""Set-based pieces the returns share: what the record said at the end of the "as at" day.

Each is an annotation (a correlated subquery), so a return reads every person's value in the one
query that lists or counts them.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import OuterRef, Subquery

from caseload.people.models import Sentence
from caseload.tiering.models import TierChange

UK = ZoneInfo("Europe/London")


def end_of_day(day: date) -> datetime:
    """The first moment after `day` in UK time: what was recorded before it counts."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UK)


def tier_on(framework: str, day: date, person: str = "pk") -> Subquery:
    """The person's tier in `framework` ("v2" or "v3") as the record showed it that day.

    `person` names the outer query's person id (`"pk"` over people, `"person_id"` over
    allocations)."""
    changes = TierChange.objects.filter(
        person=OuterRef(person), framework=framework, changed_at__lt=end_of_day(day)
    ).order_by("-changed_at", "-id")
    return Subquery(changes.values("new_tier")[:1])


def sentence_type_on(day: date, person: str = "pk") -> Subquery:
    """The type of the person's latest sentence in force that day."""
    sentences = (
        Sentence.objects.active_on(day)
        .filter(event__person=OuterRef(person))
        .order_by("-sentence_date", "-pk")
    )
    return Subquery(sentences.values("sentence_type")[:1])
