"""`compliance` in one hand-written statement: conditional counts over each sentence's contacts.

A contact counts for a sentence by its UK day, and SQL has no portable way to turn a moment
into a UK day: that one expression is written for each database (`UK_DAY`); the rest is plain
SQL. Rows are those of a user named on no limited-access list: the cases under a restriction
in force today are left out, as the access function leaves them out for such a user.
"""

from django.db import connection
from django.utils import timezone

from caseload.diary.domain import RequestedBy
from caseload.enforcement.domain import RECALL, WARNING_ACTIONS
from caseload.returns.catalogue._held import start_of_day
from caseload.returns.catalogue.compliance import (
    ACCEPTABLE,
    BEFORE_ANY,
    COMPLIED,
    NATIONAL_STANDARD,
    NOT_COMPLIED,
    RECORDED,
    UNACCEPTABLE_ABSENCE,
    as_row,
)
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Cell

UK_DAY = {
    "sqlite": "django_datetime_cast_date({moment}, 'Europe/London', 'UTC')",
    "postgresql": "(({moment}) AT TIME ZONE 'Europe/London')::date",
}

#: The contacts that count for the sentence: of the period, national-standards, linked to the
#: sentence's event or dated (UK day) within it. A moment on or after midnight UTC of the
#: sentence date is on or after it in the UK too, so the UK day is worked out only before it.
COUNTED = """c.person_id = p.id AND c.contact_type IN ({types})
  AND c.happened_at >= %(start)s AND c.happened_at < %(midnight)s
  AND (c.event_id = s.event_id OR (c.event_id IS NULL
    AND (c.happened_at >= s.sentence_date OR {day} >= s.sentence_date)
    AND (s.termination_date IS NULL OR {day} < s.termination_date)))"""

WITHIN = (
    """{day} >= s.sentence_date AND (s.termination_date IS NULL OR {day} < s.termination_date)"""
)

SQL = """
SELECT p.crn, p.first_name, p.last_name, t.name, u.first_name, u.last_name, u.username,
  s.sentence_type, s.sentence_date,
  SUM(CASE WHEN c.outcome IN ({recorded}) THEN 1 ELSE 0 END),
  SUM(CASE WHEN c.outcome IN ({complied}) THEN 1 ELSE 0 END),
  COUNT(DISTINCT CASE WHEN c.outcome IN ({not_complied})
    AND {contact_day} > COALESCE((SELECT MAX(b.outcome_on) FROM enforcement_breach b
      WHERE b.sentence_id = s.id AND b.outcome <> '' AND b.outcome_on <= %(as_at)s),
      %(before_any)s)
    THEN {contact_day} END),
  SUM(CASE WHEN c.outcome IN ({acceptable}) THEN 1 ELSE 0 END),
  SUM(CASE WHEN c.outcome IN ({unacceptable}) THEN 1 ELSE 0 END),
  (SELECT COUNT(*) FROM diary_appointment ap
    WHERE ap.person_id = p.id AND ap.cancelled_at IS NULL AND ap.contact_id IS NULL
      AND ap.starts_at >= %(start)s AND ap.starts_at < %(until)s AND {appointment_within}),
  (SELECT COUNT(*) FROM diary_reschedule r JOIN diary_appointment ap ON ap.id = r.appointment_id
    WHERE ap.person_id = p.id AND r.requested_by = %(person)s AND {moved_within}
      AND r.from_starts_at >= %(start)s AND r.from_starts_at < %(midnight)s
      AND r.rescheduled_at < %(midnight)s),
  (SELECT COUNT(*) FROM diary_reschedule r JOIN diary_appointment ap ON ap.id = r.appointment_id
    WHERE ap.person_id = p.id AND r.requested_by = %(service)s AND {moved_within}
      AND r.from_starts_at >= %(start)s AND r.from_starts_at < %(midnight)s
      AND r.rescheduled_at < %(midnight)s),
  SUM(CASE WHEN c.outcome IN ({not_complied}) AND c.enforcement_action IN ({warnings})
    THEN 1 ELSE 0 END),
  (SELECT COUNT(*) FROM enforcement_breach b WHERE b.sentence_id = s.id
    AND b.started_on <= %(as_at)s
    AND (b.outcome = '' OR b.outcome_on IS NULL OR b.outcome_on > %(as_at)s)),
  (SELECT COUNT(*) FROM enforcement_breach b WHERE b.sentence_id = s.id
    AND b.started_on <= %(as_at)s AND b.outcome <> '' AND b.outcome_on <= %(as_at)s),
  (SELECT COUNT(*) FROM enforcement_recallconsideration rc WHERE rc.sentence_id = s.id
    AND rc.decision = %(recall)s AND rc.decided_at < %(midnight)s)
FROM people_sentence s
JOIN people_event e ON e.id = s.event_id
JOIN people_person p ON p.id = e.person_id
JOIN organisation_allocation a ON a.person_id = p.id
  AND a.start_date <= %(as_at)s AND (a.end_date IS NULL OR a.end_date > %(as_at)s)
JOIN organisation_team t ON t.id = a.team_id
JOIN organisation_staff st ON st.id = a.staff_id
JOIN auth_user u ON u.id = st.user_id
LEFT JOIN contacts_contact c ON {counted}
WHERE s.sentence_date <= %(as_at)s
  AND (s.termination_date IS NULL OR s.termination_date > %(from)s) {unit}
  AND NOT EXISTS (SELECT 1 FROM access_limitedaccess l WHERE l.person_id = p.id
    AND l.kind = 'restriction' AND l.start_date <= %(today)s
    AND (l.end_date IS NULL OR l.end_date > %(today)s))
GROUP BY s.id, s.event_id, s.sentence_type, s.sentence_date, s.termination_date,
  p.id, p.crn, p.first_name, p.last_name, t.name, u.first_name, u.last_name, u.username
"""


def _listed(codes: frozenset[str]) -> str:
    return ", ".join(f"'{code}'" for code in sorted(codes))


def statement(unit: str) -> str:
    day = UK_DAY[connection.vendor]
    contact_day = day.format(moment="c.happened_at")
    return SQL.format(
        counted=COUNTED.format(types=_listed(NATIONAL_STANDARD), day=contact_day),
        contact_day=contact_day,
        appointment_within=WITHIN.format(day=day.format(moment="ap.starts_at")),
        moved_within=WITHIN.format(day=day.format(moment="r.from_starts_at")),
        recorded=_listed(RECORDED),
        complied=_listed(COMPLIED),
        not_complied=_listed(NOT_COMPLIED),
        acceptable=_listed(ACCEPTABLE),
        unacceptable=_listed(UNACCEPTABLE_ABSENCE),
        warnings=_listed(WARNING_ACTIONS),
        unit=unit,
    )


@oracle("compliance")
def compliance(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    adapt = connection.ops.adapt_datetimefield_value
    midnight = end_of_day(params.as_at)
    with connection.cursor() as cursor:
        cursor.execute(
            statement(unit),
            {
                "as_at": params.as_at,
                "from": params.period_from,
                "today": timezone.localdate(),
                "start": adapt(start_of_day(params.period_from)),
                "midnight": adapt(midnight),
                "until": adapt(min(midnight, timezone.now())),
                "before_any": BEFORE_ANY,
                "person": RequestedBy.PERSON.value,
                "service": RequestedBy.SERVICE.value,
                "recall": RECALL,
                "unit": params.delivery_unit_id,
            },
        )
        found = cursor.fetchall()
    return [
        tuple(
            as_row(
                crn,
                f"{first} {last}",
                team,
                f"{staff_first} {staff_last}".strip() or username,
                kind,
                on,
                list(figures),
            )
        )
        for crn, first, last, team, staff_first, staff_last, username, kind, on, *figures in found
    ]
