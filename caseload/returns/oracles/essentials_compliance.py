"""`essentials-compliance` in one hand-written statement."""

from django.db import connection

from caseload.returns.catalogue.essentials_compliance import (
    FIRST_APPOINTMENT,
    Counts,
    as_rows,
    essential_in_words,
)
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Cell

SQL = """
SELECT t.name, a.staff_id, e.kind,
  CASE WHEN e.kind = %(first)s THEN
    (SELECT s.sentence_type FROM people_sentence s JOIN people_event ev ON ev.id = s.event_id
      WHERE ev.person_id = e.person_id AND s.sentence_date <= e.facts_as_at
        AND (s.termination_date IS NULL OR s.termination_date > e.facts_as_at)
      ORDER BY s.sentence_date DESC, ev.number DESC LIMIT 1)
  ELSE '' END AS sentence_type,
  SUM(CASE WHEN e.state = 'done' AND e.done_on <= %(as_at)s AND e.done_on <= e.due_on
    THEN 1 ELSE 0 END) AS on_time,
  SUM(CASE WHEN e.state = 'done' AND e.done_on <= %(as_at)s AND e.done_on > e.due_on
    THEN 1 ELSE 0 END) AS late,
  SUM(CASE WHEN (e.state <> 'done' OR e.done_on IS NULL OR e.done_on > %(as_at)s)
    AND NOT EXISTS (SELECT 1 FROM essentials_essentialoverride o
      WHERE o.person_id = e.person_id AND o.kind = e.kind AND o.subject = e.subject
        AND o.override = 'NOT_APPLICABLE' AND o.at < %(midnight)s
        AND (o.ended_at IS NULL OR o.ended_at >= %(midnight)s) AND o.until >= %(as_at)s)
    THEN 1 ELSE 0 END) AS outstanding
FROM essentials_essentialdue e
JOIN organisation_allocation a ON a.person_id = e.person_id
  AND a.start_date <= %(as_at)s AND (a.end_date IS NULL OR a.end_date > %(as_at)s)
JOIN organisation_team t ON t.id = a.team_id
WHERE e.state <> 'not_required' AND e.due_on >= %(from)s AND e.due_on <= %(as_at)s {unit}
GROUP BY t.name, a.staff_id, e.kind, sentence_type
"""


@oracle("essentials-compliance")
def essentials_compliance(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    with connection.cursor() as cursor:
        cursor.execute(
            SQL.format(unit=unit),
            {
                "first": FIRST_APPOINTMENT,
                "as_at": params.as_at,
                "from": params.period_from,
                "midnight": connection.ops.adapt_datetimefield_value(end_of_day(params.as_at)),
                "unit": params.delivery_unit_id,
            },
        )
        found = cursor.fetchall()
    counts: Counts = {}
    for team, staff, kind, sentence_type, on_time, late, outstanding in found:
        essential, measure = essential_in_words(kind, sentence_type or None)
        figures = counts.setdefault((team, staff, essential, measure), [0, 0, 0])
        figures[0] += int(on_time)
        figures[1] += int(late)
        figures[2] += int(outstanding)
    return [tuple(row) for row in as_rows(counts)]
