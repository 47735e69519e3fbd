"""`caseload-by-tier` in one hand-written statement."""

from django.db import connection

from caseload.people.constants import SentenceType
from caseload.returns.catalogue.caseload_by_tier import FRAMEWORKS, NO_SENTENCE, NO_TIER
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Cell

SQL = """
SELECT t.name AS team,
  (SELECT s.sentence_type FROM people_sentence s JOIN people_event e ON e.id = s.event_id
    WHERE e.person_id = a.person_id AND s.sentence_date <= %(day)s
      AND (s.termination_date IS NULL OR s.termination_date > %(day)s)
    ORDER BY s.sentence_date DESC, s.id DESC LIMIT 1) AS sentence,
  (SELECT c.new_tier FROM tiering_tierchange c
    WHERE c.person_id = a.person_id AND c.framework = %(framework)s AND c.changed_at < %(midnight)s
    ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) AS tier,
  COUNT(*) AS people
FROM organisation_allocation a JOIN organisation_team t ON t.id = a.team_id
WHERE a.start_date <= %(day)s AND (a.end_date IS NULL OR a.end_date > %(day)s) {unit}
GROUP BY t.name, sentence, tier
"""


@oracle("caseload-by-tier")
def caseload_by_tier(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    found: list[tuple[Cell, ...]] = []
    with connection.cursor() as cursor:
        for framework, title in FRAMEWORKS.items():
            cursor.execute(
                SQL.format(unit=unit),
                {
                    "day": params.as_at,
                    "framework": framework,
                    "midnight": connection.ops.adapt_datetimefield_value(end_of_day(params.as_at)),
                    "unit": params.delivery_unit_id,
                },
            )
            for team, sentence, tier, people in cursor.fetchall():
                label = str(SentenceType(sentence).label) if sentence else NO_SENTENCE
                found.append((title, tier or NO_TIER, label, team, people))
    return found
